using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery.Endpoints
{
    /// <summary>One mapping of a minimal-API handler: <c>app.MapGet("/a", handler)</c>. The same handler mapped twice is two endpoints.</summary>
    internal sealed class MinimalEndpoint
    {
        private readonly IOperation? lambdaBody;
        private readonly IMethodSymbol handler;
        private readonly Compilation compilation;

        private readonly string mapMethod;
        private readonly string? pattern;

        public MinimalEndpoint(string mapMethod, string? pattern, IOperation? lambdaBody, IMethodSymbol handler, Compilation compilation, ITypeSymbol returnType, bool returnsNothing, EndpointDeclarations declarations)
        {
            ReturnType = returnType;
            this.mapMethod = mapMethod;
            this.pattern = pattern;
            this.lambdaBody = lambdaBody;
            this.handler = handler;
            this.compilation = compilation;
            ReturnsNothing = returnsNothing;
            Declarations = declarations;
        }

        /// <summary>How messages name it: <c>MapGet("/artworks/{id}")</c>.</summary>
        public string Display => pattern != null ? mapMethod + "(\"" + pattern + "\")" : mapMethod + "(…)";

        public bool ReturnsNothing { get; }

        /// <summary>The handler's return type (a <c>Results&lt;…&gt;</c> union declares its statuses itself).</summary>
        public ITypeSymbol ReturnType { get; }

        public EndpointDeclarations Declarations { get; }

        /// <summary>
        /// The handler's body: a lambda's, or the mapped method's (its operation tree is built here, so only for an endpoint about
        /// to be judged: most Map calls declare nothing and leave before). Null when it cannot be read.
        /// </summary>
        public IOperation? GetBody(CancellationToken cancellationToken)
        {
            if (lambdaBody != null)
            {
                return lambdaBody;
            }

            foreach (var syntaxReference in handler.OriginalDefinition.DeclaringSyntaxReferences)
            {
                // The mapped method's body, often in another tree: read once per judged mapping.
                var operation = SourceBodies.Of(compilation, syntaxReference.GetSyntax(cancellationToken), cancellationToken);
                var body = operation is ILocalFunctionOperation local ? local.Body : operation;
                if (body != null)
                {
                    return body;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Minimal-API endpoints and what each declares: the handler's <c>Results&lt;…&gt;</c> (or typed result) return type, its
    /// <c>[ProducesResponseType]</c> attributes, and <c>.Produces(…)</c>, <c>.Produces&lt;T&gt;(…)</c>, <c>.ProducesProblem(…)</c>,
    /// <c>.ProducesValidationProblem(…)</c> chained on the Map call and on every enclosing <c>MapGroup</c>, through chains and
    /// locals of the same method body. A builder that comes from anywhere else (a parameter, a field, a method's return) may
    /// carry declarations that cannot be read: the endpoint is then open.
    /// </summary>
    internal static class MinimalEndpoints
    {
        private const int MaxDepth = 8;

        /// <summary>Cheap first test on the name: <c>MapGet</c>, <c>MapPost</c>, <c>MapPut</c>, <c>MapDelete</c>, <c>MapPatch</c>, <c>MapMethods</c>, <c>Map</c>, <c>MapFallback</c>.</summary>
        public static bool MayMapEndpoint(string name)
        {
            switch (name)
            {
                case "MapGet":
                case "MapPost":
                case "MapPut":
                case "MapDelete":
                case "MapPatch":
                case "MapMethods":
                case "Map":
                case "MapFallback":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The endpoint a Map call with a <c>Delegate</c> handler maps, or null (another call, a handler that cannot be read).</summary>
        public static MinimalEndpoint? Read(IInvocationOperation invocation, EndpointTypes types, Compilation compilation, ConcurrentDictionary<ILocalSymbol, EndpointDeclarations> groups, CancellationToken cancellationToken)
        {
            if (!EndpointTypes.Is(invocation.TargetMethod.ContainingType, types.RouteBuilderExtensions))
            {
                return null;
            }

            IOperation? handler = null;
            string? pattern = null;
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null)
                {
                    continue;
                }

                if (parameter.Type.SpecialType == SpecialType.System_Delegate)
                {
                    handler = argument.Value;
                }
                else if (parameter.Name == "pattern" && argument.Value.ConstantValue.HasValue)
                {
                    pattern = argument.Value.ConstantValue.Value as string;
                }
            }

            while (handler is IConversionOperation || handler is IDelegateCreationOperation)
            {
                handler = handler is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)handler).Target;
            }

            var declarations = new EndpointDeclarations();
            IOperation? body;
            IMethodSymbol handlerSymbol;
            TypeSyntax? returnTypeSyntax;
            switch (handler)
            {
                case IAnonymousFunctionOperation lambda:
                    handlerSymbol = lambda.Symbol;
                    body = lambda.Body;
                    returnTypeSyntax = (lambda.Syntax as ParenthesizedLambdaExpressionSyntax)?.ReturnType;
                    break;
                case IMethodReferenceOperation reference:
                    // The mapped method's body is read only when the endpoint is judged (MinimalEndpoint.GetBody).
                    handlerSymbol = reference.Method;
                    body = null;
                    returnTypeSyntax = null;
                    var inSource = false;
                    foreach (var syntaxReference in handlerSymbol.OriginalDefinition.DeclaringSyntaxReferences)
                    {
                        var syntax = syntaxReference.GetSyntax(cancellationToken);
                        inSource = true;
                        returnTypeSyntax = (syntax as MethodDeclarationSyntax)?.ReturnType ?? (syntax as LocalFunctionStatementSyntax)?.ReturnType;
                        if (returnTypeSyntax != null)
                        {
                            break;
                        }
                    }

                    if (!inSource)
                    {
                        return null;
                    }

                    break;
                default:
                    return null;
            }

            ResponseAttributes.Read(handlerSymbol.GetAttributes(), types, compilation, declarations, onEndpoint: true, cancellationToken);
            ReadReturnType(handlerSymbol.ReturnType, returnTypeSyntax, types, declarations);
            foreach (var parameter in handlerSymbol.Parameters)
            {
                if (!IsUnbound(parameter.Type, types))
                {
                    declarations.BadRequestByFramework = true;
                }
            }

            ReadChain(invocation, types, declarations);
            ReadReceiver(Receiver(invocation), types, declarations, Root(invocation), groups, 0, cancellationToken);
            var returnType = types.Base.UnwrapTask(handlerSymbol.ReturnType);
            var returnsNothing = handlerSymbol.ReturnsVoid || EndpointTypes.Is(returnType, types.Base.Task) || EndpointTypes.Is(returnType, types.Base.ValueTask);
            return new MinimalEndpoint(invocation.TargetMethod.Name, pattern, body, handlerSymbol, compilation, handlerSymbol.ReturnType, returnsNothing, declarations);
        }

        /// <summary>
        /// The mapping method's <c>IEndpointRouteBuilder</c> parameter a Map call's route builder comes from (<c>app.MapGet(…)</c>,
        /// <c>app.MapGroup(…).MapGet(…)</c>, <c>var api = app.MapGroup(…); api.MapGet(…)</c> in <c>Map(this IEndpointRouteBuilder
        /// app)</c>), or null. Such an endpoint is judged only when every call of its method passes the application, which is
        /// known when the compilation ends: it is read then, not here (its group locals' uses are searched only if it is judged).
        /// Follows what <see cref="ReadReceiver"/> follows, without reading any declaration.
        /// </summary>
        public static IParameterSymbol? MappedOnParameter(IInvocationOperation invocation, EndpointTypes types, ConcurrentDictionary<ILocalSymbol, EndpointDeclarations> groups, CancellationToken cancellationToken)
        {
            if (types.EndpointRouteBuilder == null || !EndpointTypes.Is(invocation.TargetMethod.ContainingType, types.RouteBuilderExtensions))
            {
                return null;
            }

            var value = Receiver(invocation);
            for (var depth = 0; depth <= MaxDepth; depth++)
            {
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                switch (value)
                {
                    case IParameterReferenceOperation parameter:
                        return IsMappingParameter(parameter.Parameter, types) ? parameter.Parameter : null;
                    case IInvocationOperation call when call.TargetMethod.IsExtensionMethod
                        && ((call.TargetMethod.Name == "MapGroup" && EndpointTypes.Is(call.TargetMethod.ContainingType, types.RouteBuilderExtensions)) || IsBuilderCall(call)):
                        value = Receiver(call);
                        break;
                    case ILocalReferenceOperation local:
                        if (groups.TryGetValue(local.Local, out var group))
                        {
                            return group.AppParameter;
                        }

                        value = LocalUses.Initializer(local, cancellationToken);
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>A mapping method's route builder: an <c>IEndpointRouteBuilder</c> parameter of an ordinary method.</summary>
        private static bool IsMappingParameter(IParameterSymbol parameter, EndpointTypes types) =>
            types.EndpointRouteBuilder != null
            && SymbolEqualityComparer.Default.Equals(parameter.Type, types.EndpointRouteBuilder)
            && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary };

        /// <summary>A parameter the framework does not bind from the request: the context, the request, the response, the cancellation token.</summary>
        private static bool IsUnbound(ITypeSymbol type, EndpointTypes types)
        {
            var name = type.Name;
            return (name == "CancellationToken" && EndpointTypes.Is(type, types.CancellationToken))
                || (name == "HttpContext" && EndpointTypes.Is(type, types.Base.HttpContext))
                || (name == "HttpResponse" && EndpointTypes.Is(type, types.Base.HttpResponse))
                || name == "HttpRequest";
        }

        /// <summary>A <c>Results&lt;…&gt;</c> return type declares each type argument's status; a typed result (<c>Ok&lt;T&gt;</c>) its own.</summary>
        private static void ReadReturnType(ITypeSymbol returnType, TypeSyntax? syntax, EndpointTypes types, EndpointDeclarations declarations)
        {
            var unwrapped = types.Base.UnwrapTask(returnType);
            if (types.Base.IsResultsUnion(unwrapped))
            {
                var sites = new List<ResponseSite>();
                ResponseDiscovery.FromReturnType(returnType, syntax, types.Base, sites);
                if (sites.Count > 0)
                {
                    foreach (var site in sites)
                    {
                        declarations.Add(site.Status, site.Node.GetLocation(), onEndpoint: true);
                    }

                    return;
                }

                // A union without its syntax (the compiler knows it): its statuses, nowhere to report them.
                foreach (var argument in ((INamedTypeSymbol)unwrapped!).TypeArguments)
                {
                    if (types.Base.TryGetResultTypeStatus(argument, out var status))
                    {
                        declarations.AddInferred(status);
                    }
                }

                return;
            }

            if (types.Base.TryGetResultTypeStatus(unwrapped, out var single))
            {
                // A typed result describes itself to the API explorer: the status is declared by what is returned.
                declarations.AddInferred(single);
            }
            else if (unwrapped != null && unwrapped.SpecialType != SpecialType.System_Void
                && !EndpointTypes.Is(unwrapped, types.Base.Task) && !EndpointTypes.Is(unwrapped, types.Base.ValueTask)
                && !ResponseDiscovery.Implements(unwrapped, types.Base.ResultInterface))
            {
                // A value (a DTO, a string): the API explorer documents it as the 200 response.
                declarations.AddInferred(200);
            }
        }

        /// <summary>The calls chained on the Map call: <c>app.MapGet(…).Produces(404).RequireAuthorization()</c>.</summary>
        private static void ReadChain(IOperation start, EndpointTypes types, EndpointDeclarations declarations)
        {
            var current = start;
            for (var depth = 0; depth < 32; depth++)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                if (parent is IArgumentOperation argument && argument.Parameter?.Ordinal == 0 && argument.Parent is IInvocationOperation next && next.TargetMethod.IsExtensionMethod)
                {
                    ReadBuilderCall(next, types, declarations, onEndpoint: true);
                    current = next;
                    continue;
                }

                if (parent is IInvocationOperation instanceCall && instanceCall.Instance == current)
                {
                    // RouteHandlerBuilder.Add(convention): a convention may add any metadata.
                    declarations.Open |= instanceCall.TargetMethod.Name == "Add";
                    current = instanceCall;
                    continue;
                }

                // The builder kept (a local, a field, an argument, a return) may be given declarations elsewhere.
                if (!(parent is IExpressionStatementOperation) && !(parent is IDiscardOperation) && !(parent is ISimpleAssignmentOperation { Target: IDiscardOperation }))
                {
                    declarations.Open = true;
                }

                return;
            }
        }

        /// <summary>What one builder call declares: the Produces calls, authorization, rate limiting.</summary>
        private static void ReadBuilderCall(IInvocationOperation call, EndpointTypes types, EndpointDeclarations declarations, bool onEndpoint)
        {
            var method = call.TargetMethod;
            var containing = method.ContainingType;
            if (EndpointTypes.Is(containing, types.OpenApiExtensions))
            {
                switch (method.Name)
                {
                    case "Produces":
                    case "ProducesProblem":
                    case "ProducesValidationProblem":
                        var status = StatusArgument(call, method.Name == "ProducesValidationProblem" ? 400 : 200);
                        if (status.HasValue)
                        {
                            var location = onEndpoint ? Location.Create(call.Syntax.SyntaxTree, Squiggles.ForResponseSite(call.Syntax)) : null;
                            declarations.Add(status.Value, location, onEndpoint);
                        }
                        else
                        {
                            declarations.Open = true;
                        }

                        return;
                    case "WithOpenApi":
                        // An operation transformer may write any response.
                        declarations.Open |= call.Arguments.Length > 1;
                        return;
                }

                return;
            }

            if (method.Name == "RequireAuthorization" && EndpointTypes.Is(containing, types.AuthorizationExtensions))
            {
                declarations.Authorized = true;
            }
            else if (method.Name == "RequireRateLimiting" && EndpointTypes.Is(containing, types.RateLimiterExtensions))
            {
                declarations.RateLimited = true;
            }
            else if (method.Name == "WithMetadata")
            {
                foreach (var argument in call.Arguments)
                {
                    // WithMetadata(new ProducesResponseTypeAttribute(404)): not read, the endpoint is open.
                    foreach (var value in argument.Value.DescendantsAndSelf())
                    {
                        if (value is IObjectCreationOperation creation && ResponseDiscovery.Implements(creation.Type, types.ApiResponseMetadataProvider))
                        {
                            declarations.Open = true;
                        }
                    }
                }
            }
        }

        private static int? StatusArgument(IInvocationOperation call, int byDefault)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Name != "statusCode")
                {
                    continue;
                }

                var value = argument.Value;
                if (argument.ArgumentKind == ArgumentKind.DefaultValue && !value.ConstantValue.HasValue)
                {
                    return byDefault;
                }

                return value.ConstantValue.HasValue && value.ConstantValue.Value is int status ? status : (int?)null;
            }

            return byDefault;
        }

        /// <summary>The route builder a Map or MapGroup call is made on (its <c>this</c> argument).</summary>
        private static IOperation? Receiver(IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// The route builder an endpoint is mapped on: the application (nothing to read), a <c>MapGroup</c> (its calls, then its
        /// own receiver), a local (its initializer and the calls made on it), or something else (the endpoint is open).
        /// </summary>
        private static void ReadReceiver(IOperation? value, EndpointTypes types, EndpointDeclarations declarations, IOperation root, ConcurrentDictionary<ILocalSymbol, EndpointDeclarations> groups, int depth, CancellationToken cancellationToken)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value == null || depth > MaxDepth)
            {
                declarations.Open = true;
                return;
            }

            if (types.WebApplication != null && ResponseDiscovery.DerivesFrom(value.Type, types.WebApplication))
            {
                return;
            }

            switch (value)
            {
                case IInvocationOperation call when call.TargetMethod.Name == "MapGroup" && EndpointTypes.Is(call.TargetMethod.ContainingType, types.RouteBuilderExtensions):
                    ReadReceiver(Receiver(call), types, declarations, root, groups, depth + 1, cancellationToken);
                    return;
                case IInvocationOperation call when call.TargetMethod.IsExtensionMethod && IsBuilderCall(call):
                    ReadBuilderCall(call, types, declarations, onEndpoint: false);
                    ReadReceiver(Receiver(call), types, declarations, root, groups, depth + 1, cancellationToken);
                    return;
                case ILocalReferenceOperation local:
                    // A group kept in a local maps many endpoints: what it declares is read once per local.
                    if (!groups.TryGetValue(local.Local, out var group))
                    {
                        group = new EndpointDeclarations();
                        ReadLocal(local.Local, types, group, root, groups, depth, cancellationToken);
                        groups.TryAdd(local.Local, group);
                    }

                    declarations.AddRange(group);
                    return;
                case IParameterReferenceOperation parameter when IsMappingParameter(parameter.Parameter, types):
                    // A mapping method's parameter: the application when every caller passes it (checked by the rule).
                    declarations.AppParameter = parameter.Parameter;
                    return;
                default:
                    declarations.Open = true;
                    return;
            }
        }

        /// <summary>A convention call that returns the builder it is given (<c>TBuilder WithTags&lt;TBuilder&gt;(this TBuilder …)</c>).</summary>
        private static bool IsBuilderCall(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            return method.Parameters.Length > 0 && SymbolEqualityComparer.Default.Equals(method.ReturnType, method.Parameters[0].Type);
        }

        /// <summary>A group kept in a local: its initializer, and every call made on it in the method (<c>api.ProducesProblem(500);</c>).</summary>
        private static void ReadLocal(ILocalSymbol local, EndpointTypes types, EndpointDeclarations declarations, IOperation root, ConcurrentDictionary<ILocalSymbol, EndpointDeclarations> groups, int depth, CancellationToken cancellationToken)
        {
            var references = new List<ILocalReferenceOperation>();
            if (!LocalUses.Find(local, root, references, out var declarator, cancellationToken))
            {
                declarations.Open = true;
                return;
            }

            var initializer = declarator?.Initializer?.Value ?? (declarator?.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
            if (initializer == null)
            {
                declarations.Open = true;
                return;
            }

            ReadReceiver(initializer, types, declarations, root, groups, depth + 1, cancellationToken);
            foreach (var reference in references)
            {
                ReadLocalUse(reference, types, declarations);
            }
        }

        /// <summary>One use of a group's local: a Map call on it says nothing of the group; a convention call declares for it; anything else may.</summary>
        private static void ReadLocalUse(ILocalReferenceOperation reference, EndpointTypes types, EndpointDeclarations declarations)
        {
            IOperation current = reference;
            while (current.Parent is IConversionOperation)
            {
                current = current.Parent;
            }

            var parent = current.Parent;
            if (parent is IVariableInitializerOperation)
            {
                // var other = api; — read as an alias would need its own uses: not followed.
                declarations.Open = true;
                return;
            }

            if (parent is ISimpleAssignmentOperation assignment && assignment.Target == current)
            {
                declarations.Open = true;
                return;
            }

            if (!(parent is IArgumentOperation argument) || argument.Parameter?.Ordinal != 0 || !(argument.Parent is IInvocationOperation call) || !call.TargetMethod.IsExtensionMethod)
            {
                // Passed to a method of the project (which may add declarations), or used otherwise.
                declarations.Open |= parent is IArgumentOperation;
                return;
            }

            var method = call.TargetMethod;
            if (EndpointTypes.Is(method.ContainingType, types.RouteBuilderExtensions))
            {
                // api.MapGet(…), api.MapGroup(…): endpoints and groups of the group, not declarations of it.
                return;
            }

            if (IsBuilderCall(call))
            {
                // api.ProducesProblem(500).RequireAuthorization();
                ReadBuilderCall(call, types, declarations, onEndpoint: false);
                IOperation chained = call;
                for (var depth = 0; depth < 32 && chained.Parent is IArgumentOperation next && next.Parameter?.Ordinal == 0 && next.Parent is IInvocationOperation nextCall && nextCall.TargetMethod.IsExtensionMethod && IsBuilderCall(nextCall); depth++)
                {
                    ReadBuilderCall(nextCall, types, declarations, onEndpoint: false);
                    chained = nextCall;
                }

                return;
            }

            declarations.Open = true;
        }

        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent != null)
            {
                operation = operation.Parent;
            }

            return operation;
        }
    }
}
