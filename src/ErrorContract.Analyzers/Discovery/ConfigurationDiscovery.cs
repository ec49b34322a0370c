using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Finds how the project configures the ASP.NET Core defaults that write responses no endpoint wrote: the
    /// configuration calls (<see cref="FromInvocation"/>), the options properties it sets (<see cref="FromAssignment"/>),
    /// the controllers under <c>[ApiController]</c> (<see cref="ApiControllerLocation"/>, <see cref="AssemblyApiControllers"/>)
    /// and the bodies an <c>OnRejected</c> handler writes (<see cref="RejectionBodies"/>). It reports what the code
    /// configures and where, matched by symbol against <see cref="FrameworkConfigurationTypes"/>; whether that
    /// contradicts the contract is for the rules. What a whole compilation configures is gathered in <see cref="ConfigurationFacts"/>.
    /// </summary>
    internal static class ConfigurationDiscovery
    {
        /// <summary>The configuration call <paramref name="invocation"/> makes; <see cref="ConfigurationCallKind.None"/> for any other call.</summary>
        public static ConfigurationCall FromInvocation(IInvocationOperation invocation, FrameworkConfigurationTypes types)
        {
            var method = invocation.TargetMethod;

            // Every call of the project comes here: the method's name is one field read and leaves almost every call before
            // any type is read. Each configuration call is then a static (extension) method of its own type.
            ConfigurationCallKind kind;
            var insideDevelopmentCheck = false;
            switch (method.Name)
            {
                case "AddControllers":
                case "AddControllersWithViews":
                case "AddMvc":
                case "AddMvcCore":
                    kind = IsMethodOf(method, types.MvcServiceCollectionExtensions) || IsMethodOf(method, types.MvcCoreServiceCollectionExtensions)
                        ? ConfigurationCallKind.MvcRegistration
                        : ConfigurationCallKind.None;
                    break;
                case "AddProblemDetails":
                    kind = IsMethodOf(method, types.ProblemDetailsServiceCollectionExtensions) ? ConfigurationCallKind.ProblemDetails : ConfigurationCallKind.None;
                    break;
                case "UseStatusCodePages":
                    kind = IsMethodOf(method, types.StatusCodePagesExtensions) && method.Parameters.Length == 1 ? ConfigurationCallKind.StatusCodePages : ConfigurationCallKind.None;
                    break;
                case "UseExceptionHandler":
                    kind = IsMethodOf(method, types.ExceptionHandlerExtensions) && method.Parameters.Length == 1 ? ConfigurationCallKind.ExceptionHandlerMiddleware : ConfigurationCallKind.None;
                    break;
                case "AddExceptionHandler":
                    kind = IsMethodOf(method, types.ExceptionHandlerServiceCollectionExtensions) ? ConfigurationCallKind.ExceptionHandlerRegistration : ConfigurationCallKind.None;
                    break;
                case "UseDeveloperExceptionPage":
                    kind = IsMethodOf(method, types.DeveloperExceptionPageExtensions) ? ConfigurationCallKind.DeveloperExceptionPage : ConfigurationCallKind.None;
                    insideDevelopmentCheck = kind != ConfigurationCallKind.None && DevelopmentEnvironmentCheck.IsInside(invocation);
                    break;
                case "AddRequestTimeouts":
                    kind = IsMethodOf(method, types.RequestTimeoutsExtensions) ? ConfigurationCallKind.RequestTimeouts : ConfigurationCallKind.None;
                    break;
                case "AddRateLimiter":
                    kind = IsMethodOf(method, types.RateLimiterServiceCollectionExtensions) ? ConfigurationCallKind.RateLimiter : ConfigurationCallKind.None;
                    break;
                case "AddJwtBearer":
                case "AddBearerToken":
                    kind = IsMethodOf(method, types.JwtBearerExtensions) || IsMethodOf(method, types.BearerTokenExtensions)
                        ? ConfigurationCallKind.BearerHandler
                        : ConfigurationCallKind.None;
                    break;
                default:
                    return default;
            }

            return kind == ConfigurationCallKind.None
                ? default
                : new ConfigurationCall(kind, method.Name, NameLocation(invocation), insideDevelopmentCheck);
        }

        /// <summary>The options property <paramref name="assignment"/> sets; <see cref="OptionsAssignmentKind.None"/> for any other assignment.</summary>
        public static OptionsAssignment FromAssignment(ISimpleAssignmentOperation assignment, FrameworkConfigurationTypes types)
        {
            // Every assignment of the project comes here: the kind and the property's name leave almost all of them before
            // any type is read. Each options property is then checked against its own type.
            if (assignment.Target.Kind != OperationKind.PropertyReference)
            {
                return default;
            }

            var property = ((IPropertyReferenceOperation)assignment.Target).Property;
            var value = assignment.Value;
            OptionsAssignmentKind kind;
            int? status = null;
            switch (property.Name)
            {
                case "InvalidModelStateResponseFactory":
                    kind = IsPropertyOf(property, types.ApiBehaviorOptions) ? OptionsAssignmentKind.InvalidModelStateResponseFactory : OptionsAssignmentKind.None;
                    break;
                case "SuppressModelStateInvalidFilter":
                    kind = IsPropertyOf(property, types.ApiBehaviorOptions) && IsTrue(value) ? OptionsAssignmentKind.ModelStateInvalidFilterSuppressed : OptionsAssignmentKind.None;
                    break;
                case "SuppressMapClientErrors":
                    kind = IsPropertyOf(property, types.ApiBehaviorOptions) && IsTrue(value) ? OptionsAssignmentKind.ClientErrorMappingSuppressed : OptionsAssignmentKind.None;
                    break;
                case "Link":
                    kind = IsPropertyOf(property, types.ClientErrorData) ? OptionsAssignmentKind.ClientErrorLink : OptionsAssignmentKind.None;
                    break;
                case "CustomizeProblemDetails":
                    kind = IsPropertyOf(property, types.ProblemDetailsOptions) ? OptionsAssignmentKind.ProblemDetailsCustomized : OptionsAssignmentKind.None;
                    break;
                case "ExceptionHandler":
                case "ExceptionHandlingPath":
                    kind = IsPropertyOf(property, types.ExceptionHandlerOptions) ? OptionsAssignmentKind.ExceptionHandler : OptionsAssignmentKind.None;
                    break;
                case "TimeoutStatusCode":
                    kind = IsPropertyOf(property, types.RequestTimeoutPolicy) ? OptionsAssignmentKind.TimeoutStatusCode : OptionsAssignmentKind.None;
                    status = kind != OptionsAssignmentKind.None ? StatusValue(value) : null;
                    break;
                case "RejectionStatusCode":
                    kind = IsPropertyOf(property, types.RateLimiterOptions) ? OptionsAssignmentKind.RejectionStatusCode : OptionsAssignmentKind.None;
                    status = kind != OptionsAssignmentKind.None ? StatusValue(value) : null;
                    break;
                case "OnRejected":
                    kind = IsPropertyOf(property, types.RateLimiterOptions) ? OptionsAssignmentKind.OnRejected : OptionsAssignmentKind.None;
                    break;
                default:
                    return default;
            }

            return kind == OptionsAssignmentKind.None ? default : new OptionsAssignment(kind, value, status);
        }

        /// <summary>
        /// Where <paramref name="type"/>, a class, is marked <c>[ApiController]</c> (itself or through a base class: then the
        /// class's name); null when it is not.
        /// </summary>
        public static Location? ApiControllerLocation(INamedTypeSymbol type, FrameworkConfigurationTypes types)
        {
            if (type.TypeKind != TypeKind.Class)
            {
                return null;
            }

            for (var current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.ApiControllerAttribute))
                    {
                        var reference = attribute.ApplicationSyntaxReference;
                        return reference != null && SymbolEqualityComparer.Default.Equals(current, type)
                            ? Location.Create(reference.SyntaxTree, reference.Span)
                            : type.Locations.Length > 0 ? type.Locations[0] : Location.None;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The <c>[assembly: ApiController]</c> attributes of the compilation (in any file, generated or not: it applies to
        /// every controller wherever it is written).
        /// </summary>
        public static List<SyntaxReference> AssemblyApiControllers(Compilation compilation, FrameworkConfigurationTypes types)
        {
            var references = new List<SyntaxReference>();
            if (types.ApiControllerAttribute == null)
            {
                return references;
            }

            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.ApiControllerAttribute)
                    && attribute.ApplicationSyntaxReference is SyntaxReference reference)
                {
                    references.Add(reference);
                }
            }

            return references;
        }

        /// <summary>
        /// The bodies an <c>OnRejected</c> handler (a lambda or anonymous method) writes with <c>WriteAsJsonAsync</c>, or as JSON
        /// text with <c>WriteAsync</c> (<see cref="BodyDiscovery.DescribeWrittenJson"/>). A handler that writes through code this
        /// discovery cannot see writes none.
        /// </summary>
        public static IEnumerable<WrittenBody> RejectionBodies(IOperation handler, WellKnownTypes types)
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
                yield break;
            }

            foreach (var operation in lambda.Body.Descendants())
            {
                if (!(operation is IInvocationOperation write))
                {
                    continue;
                }

                if (write.TargetMethod.Name == "WriteAsync" && BodyDiscovery.DescribeWrittenJson(write, types) is ResponseBody json && json.Value != null)
                {
                    // await Response.WriteAsync(JsonSerializer.Serialize(new { … })): the serialized object.
                    yield return new WrittenBody(json, json.Value);
                    continue;
                }

                if (write.TargetMethod.Name != "WriteAsJsonAsync"
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

                if (value != null)
                {
                    yield return new WrittenBody(BodyDiscovery.Describe(value, write, types, 0), value);
                }
            }
        }

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
            wellKnown != null && method.IsStatic && method.ContainingType is INamedTypeSymbol type && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, wellKnown);

        /// <summary>A property declared by the options type <paramref name="wellKnown"/>.</summary>
        private static bool IsPropertyOf(IPropertySymbol property, INamedTypeSymbol? wellKnown) =>
            wellKnown != null && property.ContainingType is INamedTypeSymbol type && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, wellKnown);

        /// <summary>The squiggle of a configuration call: from the method name to the end (<c>builder.Services.AddProblemDetails()</c> marks <c>AddProblemDetails()</c>).</summary>
        private static Location NameLocation(IInvocationOperation invocation) =>
            Location.Create(invocation.Syntax.SyntaxTree, Squiggles.FromMemberName(invocation.Syntax));
    }
}
