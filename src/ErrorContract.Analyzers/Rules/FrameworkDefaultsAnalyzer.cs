using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// EC0004-EC0008: responses no endpoint wrote. ASP.NET Core's own defaults (automatic 400s under
    /// [ApiController], ProblemDetails, status code pages, exception handling, request timeouts, rate
    /// limiting, Bearer handlers) answer with statuses and bodies the contract may not document. They are
    /// flagged at the configuration call in Program.cs or startup code. Whether the app configures them
    /// elsewhere is a fact about the whole compilation, so most are reported when the compilation ends.
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class FrameworkDefaultsAnalyzer : ContractAnalyzer
    {
        private const int RateLimitStatus = 429;
        private const int DefaultTimeoutStatus = 504;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.EC0004_ApiControllerAutomaticResponses,
            Descriptors.EC0005_FrameworkErrorResponses,
            Descriptors.EC0006_RequestTimeoutStatus,
            Descriptors.EC0007_RateLimiterRejection,
            Descriptors.EC0008_BearerAuthenticationHandler);

        protected override void OnContractStart(ContractStartContext start)
        {
            var responseTypes = start.Types;
            var types = responseTypes.Configuration;
            if (types == null)
            {
                return;
            }

            var contract = start.Contract;
            var context = start.Analysis;
            var facts = new ConfigurationFacts();
            if (types.ApiControllerAttribute != null)
            {
                // [assembly: ApiController] applies to every controller wherever it is written, but a diagnostic may only
                // point at it in hand-written code: a syntax tree action, which the driver does not run on generated
                // files, records its location.
                var assemblyAttributes = new List<SyntaxReference>();
                foreach (var attribute in context.Compilation.Assembly.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.ApiControllerAttribute)
                        && attribute.ApplicationSyntaxReference is SyntaxReference reference)
                    {
                        assemblyAttributes.Add(reference);
                    }
                }

                if (assemblyAttributes.Count > 0)
                {
                    facts.SetApiControllerAssembly();
                    context.RegisterSyntaxTreeAction(c =>
                    {
                        foreach (var reference in assemblyAttributes)
                        {
                            if (reference.SyntaxTree == c.Tree)
                            {
                                facts.AddApiController(Location.Create(reference.SyntaxTree, reference.Span));
                            }
                        }
                    });
                }

                context.RegisterSymbolAction(c => OnNamedType(c, types, facts), SymbolKind.NamedType);
            }

            var compilation = context.Compilation;
            var rateLimiterSettings = new System.Lazy<RateLimiterSettings>(() => RateLimiterSettings.Scan(compilation, context.CancellationToken), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            context.RegisterOperationAction(c => OnInvocation(c, types, contract, facts, rateLimiterSettings), OperationKind.Invocation);
            context.RegisterOperationAction(c => OnAssignment(c, types, responseTypes, contract, facts), OperationKind.SimpleAssignment);
            context.RegisterCompilationEndAction(c => OnCompilationEnd(c, contract, facts));
        }

        private static void OnNamedType(SymbolAnalysisContext context, FrameworkConfigurationTypes types, ConfigurationFacts facts)
        {
            if (!(context.Symbol is INamedTypeSymbol type) || type.TypeKind != TypeKind.Class)
            {
                return;
            }

            for (var current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.ApiControllerAttribute))
                    {
                        var reference = attribute.ApplicationSyntaxReference;
                        facts.AddApiController(reference != null && SymbolEqualityComparer.Default.Equals(current, type)
                            ? Location.Create(reference.SyntaxTree, reference.Span)
                            : type.Locations.Length > 0 ? type.Locations[0] : Location.None);
                        return;
                    }
                }
            }
        }

        private static void OnInvocation(OperationAnalysisContext context, FrameworkConfigurationTypes types, ErrorContractModel contract, ConfigurationFacts facts, System.Lazy<RateLimiterSettings> rateLimiterSettings)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;

            // Every call of the project comes here: the method's name is one field read and leaves almost every call before
            // any type is read. Each configuration call is then a static (extension) method of its own type.
            switch (method.Name)
            {
                case "AddControllers":
                case "AddControllersWithViews":
                case "AddMvc":
                case "AddMvcCore":
                    if (IsMethodOf(method, types.MvcServiceCollectionExtensions) || IsMethodOf(method, types.MvcCoreServiceCollectionExtensions))
                    {
                        facts.AddMvcRegistration(NameLocation(invocation));
                    }

                    break;
                case "AddProblemDetails":
                    if (IsMethodOf(method, types.ProblemDetailsServiceCollectionExtensions))
                    {
                        facts.AddFrameworkResponse(NameLocation(invocation), FrameworkResponse.ProblemDetails);
                    }

                    break;
                case "UseStatusCodePages":
                    if (IsMethodOf(method, types.StatusCodePagesExtensions) && method.Parameters.Length == 1)
                    {
                        facts.AddFrameworkResponse(NameLocation(invocation), FrameworkResponse.StatusCodePages);
                    }

                    break;
                case "UseExceptionHandler":
                    if (IsMethodOf(method, types.ExceptionHandlerExtensions) && method.Parameters.Length == 1)
                    {
                        facts.AddFrameworkResponse(NameLocation(invocation), FrameworkResponse.ExceptionHandler);
                    }

                    break;
                case "AddExceptionHandler":
                    if (IsMethodOf(method, types.ExceptionHandlerServiceCollectionExtensions))
                    {
                        facts.SetExceptionHandlerConfigured();
                    }

                    break;
                case "UseDeveloperExceptionPage":
                    if (IsMethodOf(method, types.DeveloperExceptionPageExtensions) && !IsInsideDevelopmentCheck(invocation))
                    {
                        facts.AddFrameworkResponse(NameLocation(invocation), FrameworkResponse.DeveloperExceptionPage);
                    }

                    break;
                case "AddRequestTimeouts":
                    if (IsMethodOf(method, types.RequestTimeoutsExtensions))
                    {
                        facts.AddTimeoutRegistration(NameLocation(invocation));
                    }

                    break;
                case "AddRateLimiter":
                    if (IsMethodOf(method, types.RateLimiterServiceCollectionExtensions))
                    {
                        ReportRateLimiter(context, contract, NameLocation(invocation), rateLimiterSettings.Value);
                    }

                    break;
                case "AddJwtBearer":
                case "AddBearerToken":
                    if ((IsMethodOf(method, types.JwtBearerExtensions) || IsMethodOf(method, types.BearerTokenExtensions))
                        && contract.Authorization is AuthorizationContract authorization
                        && authorization.Bearer == BearerPolicy.Forbidden)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.EC0008_BearerAuthenticationHandler,
                            NameLocation(invocation),
                            method.Name + "()",
                            contract.DisplayName,
                            authorization.Header + ": <key>"));
                    }

                    break;
            }
        }

        private static void OnAssignment(OperationAnalysisContext context, FrameworkConfigurationTypes types, WellKnownTypes responseTypes, ErrorContractModel contract, ConfigurationFacts facts)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;

            // Every assignment of the project comes here: the kind and the property's name leave almost all of them before
            // any type is read. Each options property is then checked against its own type.
            if (assignment.Target.Kind != OperationKind.PropertyReference)
            {
                return;
            }

            var property = ((IPropertyReferenceOperation)assignment.Target).Property;
            switch (property.Name)
            {
                case "InvalidModelStateResponseFactory":
                    if (IsPropertyOf(property, types.ApiBehaviorOptions))
                    {
                        facts.SetModelStateHandled();
                    }

                    break;
                case "SuppressModelStateInvalidFilter":
                    if (IsPropertyOf(property, types.ApiBehaviorOptions) && IsTrue(assignment.Value))
                    {
                        facts.SetModelStateHandled();
                    }

                    break;
                case "SuppressMapClientErrors":
                    if (IsPropertyOf(property, types.ApiBehaviorOptions) && IsTrue(assignment.Value))
                    {
                        facts.SetClientErrorsSuppressed();
                    }

                    break;
                case "ExceptionHandler":
                case "ExceptionHandlingPath":
                    if (IsPropertyOf(property, types.ExceptionHandlerOptions))
                    {
                        facts.SetExceptionHandlerConfigured();
                    }

                    break;
                case "TimeoutStatusCode":
                    if (IsPropertyOf(property, types.RequestTimeoutPolicy))
                    {
                        facts.AddTimeoutStatus(StatusValue(assignment.Value), assignment.Value.Syntax.GetLocation());
                    }

                    break;
                case "RejectionStatusCode":
                    var status = IsPropertyOf(property, types.RateLimiterOptions) ? StatusValue(assignment.Value) : null;
                    if (status.HasValue
                        && status.Value != RateLimitStatus
                        && contract.Statuses.TryGetValue(RateLimitStatus, out var entry))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.EC0007_RateLimiterRejection,
                            assignment.Value.Syntax.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.RateLimiterProblem, DiagnosticProperties.RateLimiterProblems.WrongStatus).Add(DiagnosticProperties.Status, "429"),
                            "RejectionStatusCode is set to " + status.Value.ToString(CultureInfo.InvariantCulture),
                            contract.DisplayName,
                            DescribeRateLimit(contract, entry)));
                    }

                    break;
                case "OnRejected":
                    if (IsPropertyOf(property, types.RateLimiterOptions)
                        && contract.Statuses.TryGetValue(RateLimitStatus, out var rateLimit))
                    {
                        CheckRejectionBody(context, assignment.Value, responseTypes, contract, rateLimit);
                    }

                    break;
            }
        }

        private static void OnCompilationEnd(CompilationAnalysisContext context, ErrorContractModel contract, ConfigurationFacts facts)
        {
            var name = contract.DisplayName;
            var problemDetailsContract = contract.ErrorBody.Find("title") != null && contract.ErrorBody.Find("status") != null;
            var snapshot = facts.Snapshot();

            if ((snapshot.ApiControllers.Count > 0 || snapshot.ApiControllerAssembly) && !problemDetailsContract)
            {
                // Reported where the app registers MVC, else at the first [ApiController] in hand-written code.
                var locations = snapshot.MvcRegistrations.Count > 0 ? snapshot.MvcRegistrations
                    : snapshot.ApiControllers.Count > 0 ? new List<Location> { snapshot.ApiControllers[0] }
                    : new List<Location>();
                foreach (var location in locations)
                {
                    if (!snapshot.ModelStateHandled)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.EC0004_ApiControllerAutomaticResponses,
                            location,
                            "[ApiController] answers invalid model state with a 400 ValidationProblemDetails body",
                            name,
                            "set ApiBehaviorOptions.InvalidModelStateResponseFactory to return the contract's body (in ConfigureApiBehaviorOptions), or set SuppressModelStateInvalidFilter = true and validate in the actions"));
                    }

                    if (!snapshot.ClientErrorsSuppressed)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.EC0004_ApiControllerAutomaticResponses,
                            location,
                            "[ApiController] turns bodyless 4xx results such as NotFound() into ProblemDetails bodies",
                            name,
                            "set ApiBehaviorOptions.SuppressMapClientErrors = true and return the contract's body from the actions"));
                    }
                }
            }

            foreach (var (location, kind) in snapshot.FrameworkResponses)
            {
                string what;
                string advice;
                switch (kind)
                {
                    case FrameworkResponse.ProblemDetails:
                        if (problemDetailsContract)
                        {
                            continue;
                        }

                        what = "AddProblemDetails() makes the framework write ProblemDetails bodies for exceptions and bodyless error responses";
                        advice = "remove it and write the contract's body in an exception handler and the endpoints";
                        break;
                    case FrameworkResponse.StatusCodePages:
                        if (problemDetailsContract)
                        {
                            continue;
                        }

                        what = "UseStatusCodePages() writes a text/plain body (ProblemDetails with AddProblemDetails) for every bodyless 4xx/5xx response";
                        advice = "pass a handler that writes the contract's body: UseStatusCodePages(async context => ...)";
                        break;
                    case FrameworkResponse.ExceptionHandler:
                        if (problemDetailsContract || snapshot.ExceptionHandlerConfigured)
                        {
                            continue;
                        }

                        what = "UseExceptionHandler() without a handler answers unhandled exceptions with 500 and the framework's body (empty, or ProblemDetails)";
                        advice = "pass an error path or a handler that writes the contract's 500 body, or register an IExceptionHandler with AddExceptionHandler<T>()";
                        break;
                    default:
                        what = "UseDeveloperExceptionPage() outside an IsDevelopment() check sends clients an HTML page with stack traces for unhandled exceptions";
                        advice = "call it only inside if (app.Environment.IsDevelopment())";
                        break;
                }

                context.ReportDiagnostic(Diagnostic.Create(Descriptors.EC0005_FrameworkErrorResponses, location, what, name, advice));
            }

            ReportTimeouts(context, contract, name, snapshot);
        }

        private static void ReportTimeouts(CompilationAnalysisContext context, ErrorContractModel contract, string name, FactsSnapshot snapshot)
        {
            if (snapshot.TimeoutStatuses.Count == 0 && !contract.IsDocumented(DefaultTimeoutStatus))
            {
                foreach (var location in snapshot.TimeoutRegistrations)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EC0006_RequestTimeoutStatus,
                        location,
                        "AddRequestTimeouts() answers timed-out requests with 504 (the default, as no policy sets TimeoutStatusCode)",
                        name,
                        "504",
                        Replacement(contract, DefaultTimeoutStatus)));
                }
            }

            foreach (var (status, location) in snapshot.TimeoutStatuses)
            {
                if (status.HasValue && !contract.IsDocumented(status.Value))
                {
                    var text = status.Value.ToString(CultureInfo.InvariantCulture);
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EC0006_RequestTimeoutStatus,
                        location,
                        "TimeoutStatusCode is set to " + text,
                        name,
                        text,
                        Replacement(contract, status.Value)));
                }
            }
        }

        /// <summary>
        /// AddRateLimiter(...): reported where it is called (so the fix can add the status), with what the
        /// whole project configures: RateLimiterOptions may be set in this call or anywhere else.
        /// </summary>
        private static void ReportRateLimiter(OperationAnalysisContext context, ErrorContractModel contract, Location location, RateLimiterSettings settings)
        {
            if (!contract.Statuses.TryGetValue(RateLimitStatus, out var entry))
            {
                return;
            }

            var name = contract.DisplayName;
            var documented = DescribeRateLimit(contract, entry);
            if (!settings.SetsRejectionStatusCode)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EC0007_RateLimiterRejection,
                    location,
                    ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.RateLimiterProblem, DiagnosticProperties.RateLimiterProblems.MissingStatus).Add(DiagnosticProperties.Status, "429"),
                    "AddRateLimiter() rejects requests with 503 (the default, as RejectionStatusCode is not set)",
                    name,
                    documented));
            }

            if (!settings.SetsOnRejected)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EC0007_RateLimiterRejection,
                    location,
                    ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.RateLimiterProblem, DiagnosticProperties.RateLimiterProblems.MissingOnRejected),
                    "AddRateLimiter() sets no OnRejected, so rejected requests get an empty body",
                    name,
                    documented));
            }
        }

        /// <summary>
        /// The body an OnRejected handler writes with <c>WriteAsJsonAsync</c> must be the contract's 429 body (with
        /// <c>retry_after</c> under a contract that requires it). A handler that writes through code this analyzer
        /// cannot see is not flagged.
        /// </summary>
        private static void CheckRejectionBody(OperationAnalysisContext context, IOperation handler, WellKnownTypes types, ErrorContractModel contract, StatusEntry rateLimit)
        {
            while (handler is IConversionOperation conversion)
            {
                handler = conversion.Operand;
            }

            if (handler is IDelegateCreationOperation creation)
            {
                handler = creation.Target;
            }

            if (!(handler is IAnonymousFunctionOperation lambda) || types.HttpResponseJsonExtensions == null)
            {
                return;
            }

            foreach (var operation in lambda.Body.Descendants())
            {
                if (!(operation is IInvocationOperation write)
                    || write.TargetMethod.Name != "WriteAsJsonAsync"
                    || !SymbolEqualityComparer.Default.Equals(write.TargetMethod.ContainingType?.OriginalDefinition, types.HttpResponseJsonExtensions))
                {
                    continue;
                }

                IOperation? value = null;
                foreach (var argument in write.Arguments)
                {
                    if (argument.Parameter?.Name == "value")
                    {
                        value = argument.Value;
                    }
                }

                if (value == null)
                {
                    continue;
                }

                var problem = ErrorBodyRules.Check(BodyDiscovery.Describe(value, write, types, 0), ErrorBodyExpectation.For(contract, RateLimitStatus));
                if (problem != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EC0007_RateLimiterRejection,
                        BodyDiscovery.Unwrap(value).Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.RateLimiterProblem, DiagnosticProperties.RateLimiterProblems.WrongBody),
                        "OnRejected writes a 429 body that does not match: " + problem,
                        contract.DisplayName,
                        DescribeRateLimit(contract, rateLimit)));
                }
            }
        }

        private static string DescribeRateLimit(ErrorContractModel contract, StatusEntry entry)
        {
            var fields = new List<string>();
            foreach (var field in contract.ErrorBody.Fields)
            {
                if (field.Required)
                {
                    fields.Add(field.Name);
                }
            }

            foreach (var field in entry.RequiredFields)
            {
                if (!fields.Contains(field))
                {
                    fields.Add(field);
                }
            }

            return "429 with the error body {" + string.Join(", ", fields) + "}: set RejectionStatusCode = StatusCodes.Status429TooManyRequests and an OnRejected that writes that body";
        }

        private static string Replacement(ErrorContractModel contract, int status)
        {
            var replacement = contract.GetReplacement(status);
            if (replacement.HasValue)
            {
                return replacement.Value.ToString(CultureInfo.InvariantCulture);
            }

            foreach (var documented in contract.Statuses.Keys)
            {
                if (documented >= 500)
                {
                    return documented.ToString(CultureInfo.InvariantCulture);
                }
            }

            return contract.DocumentedList;
        }

        /// <summary>True when the operation only runs in the Development environment: inside <c>if (env.IsDevelopment())</c> or the else of <c>if (!env.IsDevelopment())</c>.</summary>
        private static bool IsInsideDevelopmentCheck(IOperation operation)
        {
            var child = operation;
            for (var parent = operation.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional)
                {
                    var condition = conditional.Condition;
                    var negated = false;
                    while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
                    {
                        negated = !negated;
                        condition = not.Operand;
                    }

                    if (IsDevelopmentCheck(condition))
                    {
                        var branch = negated ? conditional.WhenFalse : conditional.WhenTrue;
                        if (ReferenceEquals(branch, child))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsDevelopmentCheck(IOperation condition)
        {
            if (condition is IInvocationOperation invocation)
            {
                return invocation.TargetMethod.Name == "IsDevelopment";
            }

            if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary)
            {
                return IsDevelopmentName(binary.LeftOperand) || IsDevelopmentName(binary.RightOperand);
            }

            return false;
        }

        private static bool IsDevelopmentName(IOperation operand) =>
            operand.ConstantValue.HasValue && operand.ConstantValue.Value is string text && text == "Development";

        private static int? StatusValue(IOperation value)
        {
            var constant = value.ConstantValue;
            if (constant.HasValue && constant.Value is int status)
            {
                return status;
            }

            if (value is IConversionOperation conversion && conversion.Operand.ConstantValue.HasValue && conversion.Operand.ConstantValue.Value is int converted)
            {
                return converted;
            }

            return null;
        }

        private static bool IsTrue(IOperation value) => value.ConstantValue.HasValue && value.ConstantValue.Value is bool flag && flag;

        /// <summary>A static method (a configuration extension method) declared by <paramref name="wellKnown"/>.</summary>
        private static bool IsMethodOf(IMethodSymbol method, INamedTypeSymbol? wellKnown) =>
            wellKnown != null && method.IsStatic && method.ContainingType is INamedTypeSymbol type && Is(type.OriginalDefinition, wellKnown);

        /// <summary>A property declared by the options type <paramref name="wellKnown"/>.</summary>
        private static bool IsPropertyOf(IPropertySymbol property, INamedTypeSymbol? wellKnown) =>
            wellKnown != null && property.ContainingType is INamedTypeSymbol type && Is(type.OriginalDefinition, wellKnown);

        private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? wellKnown) =>
            wellKnown != null && SymbolEqualityComparer.Default.Equals(type, wellKnown);

        /// <summary>The squiggle of a configuration call: from the method name to the end (<c>builder.Services.AddProblemDetails()</c> marks <c>AddProblemDetails()</c>).</summary>
        private static Location NameLocation(IInvocationOperation invocation) =>
            Location.Create(invocation.Syntax.SyntaxTree, Squiggles.FromMemberName(invocation.Syntax));

        private enum FrameworkResponse
        {
            ProblemDetails,
            StatusCodePages,
            ExceptionHandler,
            DeveloperExceptionPage,
        }

        /// <summary>
        /// Whether the project sets RateLimiterOptions.RejectionStatusCode and OnRejected anywhere: a syntax
        /// scan of the compilation's trees for assignments to those members, done once per compilation and
        /// only when it registers a rate limiter.
        /// </summary>
        private sealed class RateLimiterSettings
        {
            public bool SetsRejectionStatusCode { get; private set; }

            public bool SetsOnRejected { get; private set; }

            public static RateLimiterSettings Scan(Compilation compilation, System.Threading.CancellationToken cancellationToken)
            {
                var settings = new RateLimiterSettings();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    var root = tree.GetRoot(cancellationToken);
                    foreach (var token in root.DescendantTokens())
                    {
                        if (!token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken))
                        {
                            continue;
                        }

                        var text = token.ValueText;
                        if ((text == "RejectionStatusCode" || text == "OnRejected") && IsAssignmentTarget(token.Parent))
                        {
                            if (text == "RejectionStatusCode")
                            {
                                settings.SetsRejectionStatusCode = true;
                            }
                            else
                            {
                                settings.SetsOnRejected = true;
                            }
                        }
                    }
                }

                return settings;
            }

            private static bool IsAssignmentTarget(SyntaxNode? name)
            {
                var target = name?.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                return target?.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target;
            }
        }

        private sealed class FactsSnapshot
        {
            public List<Location> ApiControllers { get; } = new List<Location>();

            public List<Location> MvcRegistrations { get; } = new List<Location>();

            public List<(Location Location, FrameworkResponse Kind)> FrameworkResponses { get; } = new List<(Location, FrameworkResponse)>();

            public List<Location> TimeoutRegistrations { get; } = new List<Location>();

            public List<(int? Status, Location Location)> TimeoutStatuses { get; } = new List<(int?, Location)>();

            /// <summary>The assembly carries <c>[assembly: ApiController]</c> (in any file, generated or not).</summary>
            public bool ApiControllerAssembly { get; set; }

            public bool ModelStateHandled { get; set; }

            public bool ClientErrorsSuppressed { get; set; }

            public bool ExceptionHandlerConfigured { get; set; }

        }

        /// <summary>What the compilation configures, gathered by concurrent callbacks and read once at its end.</summary>
        private sealed class ConfigurationFacts
        {
            private readonly object gate = new object();
            private readonly FactsSnapshot facts = new FactsSnapshot();

            public void AddApiController(Location location) => Add(facts.ApiControllers, location);

            public void AddMvcRegistration(Location location) => Add(facts.MvcRegistrations, location);

            public void AddFrameworkResponse(Location location, FrameworkResponse kind)
            {
                lock (gate)
                {
                    facts.FrameworkResponses.Add((location, kind));
                }
            }

            public void AddTimeoutRegistration(Location location) => Add(facts.TimeoutRegistrations, location);

            public void AddTimeoutStatus(int? status, Location location)
            {
                lock (gate)
                {
                    facts.TimeoutStatuses.Add((status, location));
                }
            }

            public void SetApiControllerAssembly()
            {
                lock (gate)
                {
                    facts.ApiControllerAssembly = true;
                }
            }

            public void SetModelStateHandled()
            {
                lock (gate)
                {
                    facts.ModelStateHandled = true;
                }
            }

            public void SetClientErrorsSuppressed()
            {
                lock (gate)
                {
                    facts.ClientErrorsSuppressed = true;
                }
            }

            public void SetExceptionHandlerConfigured()
            {
                lock (gate)
                {
                    facts.ExceptionHandlerConfigured = true;
                }
            }


            /// <summary>The facts, with every list in source order so that the diagnostics are deterministic.</summary>
            public FactsSnapshot Snapshot()
            {
                lock (gate)
                {
                    Sort(facts.ApiControllers, l => l);
                    Sort(facts.MvcRegistrations, l => l);
                    Sort(facts.FrameworkResponses, f => f.Location);
                    Sort(facts.TimeoutRegistrations, l => l);
                    Sort(facts.TimeoutStatuses, f => f.Location);
                    return facts;
                }
            }

            private void Add(List<Location> list, Location location)
            {
                lock (gate)
                {
                    list.Add(location);
                }
            }

            private static void Sort<T>(List<T> list, System.Func<T, Location> location)
            {
                list.Sort((a, b) =>
                {
                    var left = location(a);
                    var right = location(b);
                    var byFile = string.CompareOrdinal(left.SourceTree?.FilePath, right.SourceTree?.FilePath);
                    return byFile != 0 ? byFile : left.SourceSpan.Start.CompareTo(right.SourceSpan.Start);
                });
            }
        }
    }
}
