using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Finds where code decides an HTTP response's status and body: framework helpers, result types,
    /// status assignments, endpoint metadata and <c>Results&lt;…&gt;</c> return types. Every rule reads its
    /// output, so a new kind of result is taught here once.
    /// </summary>
    internal static class ResponseDiscovery
    {
        private const int MaxConstantDepth = 8;

        /// <summary>
        /// The response sites of one operation: an invocation, an object creation, an assignment, or a lambda or
        /// local function (its attributes and declared return type). The analyzer and the fixes both enter here.
        /// Returns false for any other kind of operation.
        /// </summary>
        public static bool FromOperation(IOperation operation, WellKnownTypes types, List<ResponseSite> sites, System.Threading.CancellationToken cancellationToken)
        {
            // On the kind: the analyzer calls this for every object creation and assignment of the project, and a type test per
            // case is an interface test (slow when it fails).
            switch (operation.Kind)
            {
                case OperationKind.Invocation:
                    FromInvocation((IInvocationOperation)operation, types, sites);
                    return true;
                case OperationKind.ObjectCreation:
                    FromObjectCreation((IObjectCreationOperation)operation, types, sites);
                    return true;
                case OperationKind.SimpleAssignment:
                    FromAssignment((ISimpleAssignmentOperation)operation, types, sites);
                    return true;
                case OperationKind.AnonymousFunction:
                    var lambda = (IAnonymousFunctionOperation)operation;
                    // Only a parenthesized lambda can carry attributes or a declared return type (LINQ lambdas cannot).
                    if (lambda.Syntax is ParenthesizedLambdaExpressionSyntax parenthesized)
                    {
                        if (parenthesized.AttributeLists.Count > 0)
                        {
                            FromAttributes(lambda.Symbol.GetAttributes(), types, sites, cancellationToken);
                        }

                        if (parenthesized.ReturnType != null)
                        {
                            FromReturnType(lambda.Symbol.ReturnType, parenthesized.ReturnType, types, sites);
                        }
                    }

                    return true;
                case OperationKind.LocalFunction:
                    var localFunction = (ILocalFunctionOperation)operation;
                    var local = localFunction.Syntax as LocalFunctionStatementSyntax;
                    if (local != null && local.AttributeLists.Count > 0)
                    {
                        FromAttributes(localFunction.Symbol.GetAttributes(), types, sites, cancellationToken);
                    }

                    FromReturnType(localFunction.Symbol.ReturnType, local?.ReturnType, types, sites);
                    return true;
                default:
                    return false;
            }
        }

        public static void FromInvocation(IInvocationOperation invocation, WellKnownTypes types, List<ResponseSite> sites)
        {
            FromInvocation(invocation, types.OwnerOf(invocation.TargetMethod), types, sites);
        }

        /// <summary>
        /// <see cref="FromInvocation(IInvocationOperation, WellKnownTypes, List{ResponseSite})"/> for a caller that has already
        /// asked <see cref="WellKnownTypes.OwnerOf"/> (the analyzer, to leave most calls before allocating).
        /// </summary>
        public static void FromInvocation(IInvocationOperation invocation, ResponseCallOwner owner, WellKnownTypes types, List<ResponseSite> sites)
        {
            var method = invocation.TargetMethod;
            switch (owner)
            {
                case ResponseCallOwner.None:
                    return;
                case ResponseCallOwner.Project:
                    // The project's own code (a service, a mapper, a helper): only the helpers are left to ask. A generated error
                    // factory's result follows the contract by construction (the endpoint rules read its status elsewhere).
                    if (!types.TryGetFactoryStatus(method, out _))
                    {
                        types.Helpers.FromHelperCall(invocation, types, sites);
                    }

                    return;
            }

            var containingType = method.ContainingType?.OriginalDefinition;
            if (containingType == null)
            {
                return;
            }

            ResponseApi api;
            Dictionary<string, int>? table;
            if (types.ControllerBase != null && SymbolEqualityComparer.Default.Equals(containingType, types.ControllerBase))
            {
                api = ResponseApi.ControllerBase;
                table = StatusTables.ControllerHelpers;
            }
            else if (types.Results != null && SymbolEqualityComparer.Default.Equals(containingType, types.Results))
            {
                api = ResponseApi.Results;
                table = StatusTables.ResultFactories;
            }
            else if (types.TypedResults != null && SymbolEqualityComparer.Default.Equals(containingType, types.TypedResults))
            {
                api = ResponseApi.TypedResults;
                table = StatusTables.ResultFactories;
            }
            else if (types.OpenApiRouteHandlerBuilderExtensions != null && SymbolEqualityComparer.Default.Equals(containingType, types.OpenApiRouteHandlerBuilderExtensions))
            {
                var metadataStatus = FindExplicitArgument(invocation.Arguments, "statusCode");
                if (metadataStatus != null)
                {
                    AddConstantStatuses(metadataStatus.Value, ResponseSiteKind.Metadata, ResponseApi.Other, invocation.Syntax, invocation, null, sites, 0);
                }

                return;
            }
            else
            {
                BodyDiscovery.FromResponseWriter(invocation, types, sites);
                return;
            }

            var body = FindBody(invocation.Arguments);
            var firstNew = sites.Count;
            var statusArgument = FindExplicitArgument(invocation.Arguments, "statusCode");
            if (statusArgument != null)
            {
                AddConstantStatuses(statusArgument.Value, ResponseSiteKind.StatusArgument, api, invocation.Syntax, invocation, body, sites, 0);
                BodyDiscovery.Attach(sites, firstNew, invocation, types);
                return;
            }

            if (api != ResponseApi.ControllerBase && method.Name == "Problem" && body != null && IsProblemObject(body, types, out var problemStatus, out var defaultStatus))
            {
                // Results.Problem(ProblemDetails): the response's status is the problem's own (its initializer's Status), or the
                // framework's default when the problem created here sets none; a problem made elsewhere says nothing here.
                if (problemStatus != null)
                {
                    AddConstantStatuses(problemStatus, ResponseSiteKind.StatusArgument, api, invocation.Syntax, invocation, body, sites, 0);
                }
                else if (defaultStatus != 0)
                {
                    sites.Add(new ResponseSite(defaultStatus, ResponseSiteKind.ImpliedByMethod, api, invocation.Syntax, invocation, null, null, body));
                }

                BodyDiscovery.Attach(sites, firstNew, invocation, types);
                return;
            }

            if (table.TryGetValue(method.Name, out var implied))
            {
                sites.Add(new ResponseSite(implied, ResponseSiteKind.ImpliedByMethod, api, invocation.Syntax, invocation, null, null, body));
                BodyDiscovery.Attach(sites, firstNew, invocation, types);
            }
        }

        public static void FromObjectCreation(IObjectCreationOperation creation, WellKnownTypes types, List<ResponseSite> sites)
        {
            var type = creation.Type;
            if (type == null)
            {
                return;
            }

            // Most creations are DTOs and collections: only framework results, MVC results (and types derived from them)
            // and BadHttpRequestException go on to have their arguments read.
            var isResultType = types.TryGetResultTypeStatus(type, out var status);
            var created = isResultType ? CreatedResponse.None : Classify(type, types);
            if (!isResultType && created == CreatedResponse.None)
            {
                return;
            }

            var body = FindValueInitializer(creation) ?? FindBody(creation.Arguments);
            var firstNew = sites.Count;
            if (isResultType)
            {
                sites.Add(new ResponseSite(status, ResponseSiteKind.ResultType, ResponseApi.MvcResultType, creation.Syntax, creation, null, null, body));
                BodyDiscovery.Attach(sites, firstNew, null, types);
                return;
            }

            var statusArgument = FindExplicitArgument(creation.Arguments, "statusCode");
            if (statusArgument == null)
            {
                if (created == CreatedResponse.ObjectResult || created == CreatedResponse.JsonResult)
                {
                    BodyDiscovery.FromInitializedObjectResult(creation, body, types, sites);
                }
                else if (created == CreatedResponse.ContentResult)
                {
                    BodyDiscovery.FromInitializedContentResult(creation, types, sites);
                }

                return;
            }

            if (created == CreatedResponse.BadHttpRequestException)
            {
                AddConstantStatuses(statusArgument.Value, ResponseSiteKind.Exception, ResponseApi.Other, creation.Syntax, creation, null, sites, 0);
                return;
            }

            if (created == CreatedResponse.ObjectResult || created == CreatedResponse.StatusCodeResult)
            {
                AddConstantStatuses(statusArgument.Value, ResponseSiteKind.StatusArgument, ResponseApi.MvcResultType, creation.Syntax, creation, body, sites, 0);
                BodyDiscovery.Attach(sites, firstNew, null, types);
            }
        }

        public static void FromAssignment(ISimpleAssignmentOperation assignment, WellKnownTypes types, List<ResponseSite> sites)
        {
            if (assignment.Target.Kind != OperationKind.PropertyReference)
            {
                // Locals, fields, indexers of arrays: most assignments of the project leave here, without an interface test.
                return;
            }

            var property = (IPropertyReferenceOperation)assignment.Target;

            var name = property.Property.Name;
            var owner = property.Property.ContainingType;
            if (name == "Result")
            {
                if (BodyDiscovery.IsFilterResult(assignment, types))
                {
                    BodyDiscovery.FromFilterResult(assignment, types, sites);
                }

                return;
            }

            ResponseApi api;
            IOperation? body = null;
            if (name == "StatusCode" && DerivesFrom(owner, types.HttpResponse))
            {
                api = ResponseApi.HttpResponse;
            }
            else if ((name == "StatusCode" && (DerivesFrom(owner, types.ObjectResult) || DerivesFrom(owner, types.JsonResult) || DerivesFrom(owner, types.ContentResult)))
                || (name == "Status" && DerivesFrom(owner, types.ProblemDetails)))
            {
                api = ResponseApi.MvcResultType;
                if (assignment.Parent is IObjectOrCollectionInitializerOperation initializer && initializer.Parent is IObjectCreationOperation creation)
                {
                    if (name == "Status" && IsProblemFactoryArgument(creation, types))
                    {
                        // Results.Problem(new ProblemDetails { Status = 404, … }): the call is the site, with this status.
                        return;
                    }

                    body = name == "Status" ? creation : FindValueInitializer(creation) ?? FindBody(creation.Arguments);
                }
            }
            else
            {
                return;
            }

            var firstNew = sites.Count;
            if (api == ResponseApi.HttpResponse)
            {
                AddConstantStatuses(assignment.Value, ResponseSiteKind.StatusAssignment, api, assignment.Syntax, assignment, null, sites, 0);
                BodyDiscovery.AttachWrittenBody(sites, firstNew, assignment, types);
                return;
            }

            // The body of an ObjectResult whose initializer sets the status is described at the creation
            // (FromObjectCreation), where a diagnostic about it is local; a ProblemDetails' own Status is not a response.
            AddConstantStatuses(assignment.Value, ResponseSiteKind.StatusAssignment, api, assignment.Syntax, assignment, body, sites, 0);
        }

        /// <summary>Adds a site for each constant status of <paramref name="value"/>, reported at <paramref name="siteNode"/>.</summary>
        internal static void AddStatuses(IOperation? value, ResponseSiteKind kind, ResponseApi api, SyntaxNode siteNode, IOperation site, IOperation? body, List<ResponseSite> sites, bool reportsStatus)
        {
            var firstNew = sites.Count;
            AddConstantStatuses(value, kind, api, siteNode, site, body, sites, 0);
            if (!reportsStatus)
            {
                for (var i = firstNew; i < sites.Count; i++)
                {
                    var added = sites[i];
                    sites[i] = new ResponseSite(added.Status, added.Kind, added.Api, siteNode, added.Operation, added.StatusValue, added.StatusSyntax, added.Body, reportsStatus: false);
                }
            }
        }

        /// <summary>The <c>Value = …</c> of an object initializer (<c>new ObjectResult(null) { Value = x }</c>).</summary>
        private static IOperation? FindValueInitializer(IObjectCreationOperation creation) => InitializedProperty(creation, "Value");

        /// <summary>The value an object initializer gives the property <paramref name="name"/> (<c>new ProblemDetails { Status = 404 }</c>), or null.</summary>
        private static IOperation? InitializedProperty(IObjectCreationOperation creation, string name)
        {
            if (creation.Initializer == null)
            {
                return null;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property && property.Property.Name == name)
                {
                    return assignment.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether an attribute of this type can state a response status (<c>[ProducesResponseType]</c>, by its name only): the
        /// cheap test before <see cref="FromAttributes"/>.
        /// </summary>
        public static bool MayStateStatus(ITypeSymbol? attributeType) => attributeType?.Name == StatusAttributeName;

        private const string StatusAttributeName = "ProducesResponseTypeAttribute";

        /// <summary><c>[ProducesResponseType(418)]</c> and friends on a method, class or lambda.</summary>
        public static void FromAttributes(ImmutableArray<AttributeData> attributes, WellKnownTypes types, List<ResponseSite> sites, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var attribute in attributes)
            {
                // Most attributes are routing, binding and authorization ones: their name leaves them first.
                var attributeClass = attribute.AttributeClass?.OriginalDefinition;
                if (attributeClass == null || attributeClass.Name != StatusAttributeName)
                {
                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(attributeClass, types.ProducesResponseTypeAttribute)
                    && !SymbolEqualityComparer.Default.Equals(attributeClass, types.ProducesResponseTypeAttributeOfT))
                {
                    continue;
                }

                if (!(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax) || attribute.AttributeConstructor == null)
                {
                    continue;
                }

                var parameters = attribute.AttributeConstructor.Parameters;
                var arguments = syntax.ArgumentList?.Arguments ?? default;
                for (var i = 0; i < parameters.Length && i < attribute.ConstructorArguments.Length; i++)
                {
                    if (parameters[i].Name != "statusCode" || !(attribute.ConstructorArguments[i].Value is int status))
                    {
                        continue;
                    }

                    var argumentSyntax = FindAttributeArgument(arguments, i, "statusCode", parameters.Length);
                    sites.Add(new ResponseSite(status, ResponseSiteKind.Metadata, ResponseApi.Other, syntax, null, null, argumentSyntax?.Expression, null));
                }

                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "StatusCode" && named.Value.Value is int status)
                    {
                        AttributeArgumentSyntax? argumentSyntax = null;
                        foreach (var argument in arguments)
                        {
                            if (argument.NameEquals?.Name.Identifier.ValueText == "StatusCode")
                            {
                                argumentSyntax = argument;
                            }
                        }

                        sites.Add(new ResponseSite(status, ResponseSiteKind.Metadata, ResponseApi.Other, syntax, null, null, argumentSyntax?.Expression, null));
                    }
                }
            }
        }

        /// <summary>The <c>Results&lt;Ok, UnprocessableEntity&gt;</c> type arguments of a declared return type.</summary>
        public static void FromReturnType(ITypeSymbol? returnType, TypeSyntax? returnTypeSyntax, WellKnownTypes types, List<ResponseSite> sites)
        {
            if (returnType == null || returnTypeSyntax == null)
            {
                return;
            }

            var unwrapped = types.UnwrapTask(returnType);
            var syntax = returnTypeSyntax;
            if (!ReferenceEquals(unwrapped, returnType))
            {
                var taskName = RightMost(syntax) as GenericNameSyntax;
                if (taskName == null || taskName.TypeArgumentList.Arguments.Count != 1)
                {
                    return;
                }

                syntax = taskName.TypeArgumentList.Arguments[0];
            }

            if (!types.IsResultsUnion(unwrapped) || !(RightMost(syntax) is GenericNameSyntax unionName))
            {
                return;
            }

            var union = (INamedTypeSymbol)unwrapped!;
            var argumentSyntaxes = unionName.TypeArgumentList.Arguments;
            for (var i = 0; i < union.TypeArguments.Length && i < argumentSyntaxes.Count; i++)
            {
                if (types.TryGetResultTypeStatus(union.TypeArguments[i], out var status))
                {
                    sites.Add(new ResponseSite(status, ResponseSiteKind.UnionTypeArgument, ResponseApi.HttpResultType, argumentSyntaxes[i], null, null, null, null));
                }
            }
        }

        public static SyntaxNode RightMost(SyntaxNode type)
        {
            while (true)
            {
                switch (type)
                {
                    case QualifiedNameSyntax qualified:
                        type = qualified.Right;
                        continue;
                    case AliasQualifiedNameSyntax alias:
                        type = alias.Name;
                        continue;
                    case NullableTypeSyntax nullable:
                        type = nullable.ElementType;
                        continue;
                    default:
                        return type;
                }
            }
        }

        /// <summary>
        /// Adds a site for each constant status the value can take: the value itself, or each branch of a
        /// conditional or switch expression. A non-constant status adds nothing.
        /// </summary>
        private static void AddConstantStatuses(IOperation? value, ResponseSiteKind kind, ResponseApi api, SyntaxNode siteNode, IOperation site, IOperation? body, List<ResponseSite> sites, int depth)
        {
            if (value == null || depth > MaxConstantDepth)
            {
                return;
            }

            if (value.ConstantValue.HasValue)
            {
                if (TryGetStatus(value.ConstantValue.Value, out var status))
                {
                    var node = depth == 0 ? siteNode : value.Syntax;
                    sites.Add(new ResponseSite(status, kind, api, node, site, value, value.Syntax, body));
                }

                return;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    AddConstantStatuses(conversion.Operand, kind, api, siteNode, site, body, sites, depth);
                    break;
                case IParenthesizedOperation parenthesized:
                    AddConstantStatuses(parenthesized.Operand, kind, api, siteNode, site, body, sites, depth);
                    break;
                case IConditionalOperation conditional:
                    AddConstantStatuses(conditional.WhenTrue, kind, api, siteNode, site, body, sites, depth + 1);
                    AddConstantStatuses(conditional.WhenFalse, kind, api, siteNode, site, body, sites, depth + 1);
                    break;
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        AddConstantStatuses(arm.Value, kind, api, siteNode, site, body, sites, depth + 1);
                    }

                    break;
            }
        }

        /// <summary>
        /// A branch of the status expression <paramref name="statusValue"/> is part of whose value cannot be read: the
        /// <c>code</c> of <c>missing ? 404 : code</c>, for the site of 404. Null when every branch is a constant (or the status is
        /// no conditional or switch). Asked only for a site that is reported.
        /// </summary>
        public static IOperation? UnreadableStatusBranch(IOperation? statusValue)
        {
            var top = statusValue;
            for (var depth = 0; top != null && depth <= MaxConstantDepth; depth++)
            {
                var parent = top.Parent;
                if (parent is IConversionOperation || parent is IParenthesizedOperation
                    || (parent is IConditionalOperation conditional && (conditional.WhenTrue == top || conditional.WhenFalse == top))
                    || (parent is ISwitchExpressionArmOperation arm && arm.Value == top)
                    || (parent is ISwitchExpressionOperation && top is ISwitchExpressionArmOperation))
                {
                    top = parent;
                }
                else
                {
                    break;
                }
            }

            return top == statusValue ? null : FindUnreadable(top, 0);
        }

        private static IOperation? FindUnreadable(IOperation? value, int depth)
        {
            if (value == null || value.ConstantValue.HasValue || depth > MaxConstantDepth)
            {
                return null;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    return FindUnreadable(conversion.Operand, depth);
                case IParenthesizedOperation parenthesized:
                    return FindUnreadable(parenthesized.Operand, depth);
                case ISwitchExpressionArmOperation arm:
                    return FindUnreadable(arm.Value, depth);
                case IConditionalOperation conditional:
                    return FindUnreadable(conditional.WhenTrue, depth + 1) ?? FindUnreadable(conditional.WhenFalse, depth + 1);
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (FindUnreadable(arm.Value, depth + 1) is IOperation unreadable)
                        {
                            return unreadable;
                        }
                    }

                    return null;
                default:
                    return value;
            }
        }

        private static bool TryGetStatus(object? value, out int status)
        {
            switch (value)
            {
                case int i:
                    status = i;
                    return true;
                case short s:
                    status = s;
                    return true;
                case long l when l >= int.MinValue && l <= int.MaxValue:
                    status = (int)l;
                    return true;
                default:
                    status = 0;
                    return false;
            }
        }

        private static IArgumentOperation? FindExplicitArgument(ImmutableArray<IArgumentOperation> arguments, string parameterName)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == parameterName && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>
        /// The <c>ProblemDetails</c> passed to <c>Results.Problem(problemDetails)</c> (or <c>TypedResults</c>'): true when
        /// <paramref name="body"/> is one. Created in the call, its initializer's <c>Status</c> is the response's status
        /// (<paramref name="status"/>), and without one the framework's default is (<paramref name="defaultStatus"/>: 400 for a
        /// validation problem, 500 otherwise); a problem made elsewhere leaves both unset (0).
        /// </summary>
        private static bool IsProblemObject(IOperation body, WellKnownTypes types, out IOperation? status, out int defaultStatus)
        {
            status = null;
            defaultStatus = 0;
            var value = BodyDiscovery.Unwrap(body);
            if (!DerivesFrom(value.Type, types.ProblemDetails))
            {
                return false;
            }

            if (value.Kind != OperationKind.ObjectCreation)
            {
                return true;
            }

            var creation = (IObjectCreationOperation)value;
            status = InitializedProperty(creation, "Status");
            if (status == null)
            {
                defaultStatus = DerivesFrom(creation.Type, types.HttpValidationProblemDetails) ? 400 : 500;
            }

            return true;
        }

        /// <summary>
        /// A problem created as the argument of <c>Results.Problem(problemDetails)</c> or <c>TypedResults.Problem(problemDetails)</c>:
        /// its <c>Status</c> is read as that call's status (see <see cref="FromInvocation(IInvocationOperation, ResponseCallOwner, WellKnownTypes, List{ResponseSite})"/>).
        /// </summary>
        private static bool IsProblemFactoryArgument(IObjectCreationOperation creation, WellKnownTypes types)
        {
            var parent = creation.Parent;
            while (parent != null && parent.Kind == OperationKind.Conversion)
            {
                parent = parent.Parent;
            }

            if (!(parent is IArgumentOperation { Parent: IInvocationOperation call }) || call.TargetMethod.Name != "Problem")
            {
                return false;
            }

            var owner = call.TargetMethod.ContainingType?.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(owner, types.Results) || SymbolEqualityComparer.Default.Equals(owner, types.TypedResults);
        }

        private static IOperation? FindBody(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter == null)
                {
                    continue;
                }

                switch (argument.Parameter.Name)
                {
                    case "value":
                    case "error":
                    case "data":
                    case "errors":
                    case "modelState":
                    case "problemDetails":
                    case "content":
                        return argument.Value;
                }
            }

            return null;
        }

        private static AttributeArgumentSyntax? FindAttributeArgument(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, int index, string parameterName, int parameterCount)
        {
            foreach (var argument in arguments)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == parameterName)
                {
                    return argument;
                }
            }

            if (index < arguments.Count && index < parameterCount && arguments[index].NameColon == null && arguments[index].NameEquals == null)
            {
                return arguments[index];
            }

            return null;
        }

        /// <summary>What a created object is as a response, from one walk up its bases.</summary>
        internal enum CreatedResponse
        {
            None,
            ObjectResult,
            StatusCodeResult,
            JsonResult,
            ContentResult,
            BadHttpRequestException,
        }

        private static CreatedResponse Classify(ITypeSymbol type, WellKnownTypes types)
        {
            // ObjectResult, StatusCodeResult, JsonResult and ContentResult derive from ActionResult, BadHttpRequestException from IOException:
            // a type based directly on object (a DTO, a collection) is none of them, and most creations are such types.
            if (type.BaseType == null || type.BaseType.SpecialType == SpecialType.System_Object)
            {
                return CreatedResponse.None;
            }

            // The other types (exceptions above all) are created again and again: the walk is made once per type definition.
            var definition = type.OriginalDefinition;
            if (!types.CreatedTypes.TryGetValue(definition, out var known))
            {
                known = WalkBases(definition, types);
                types.CreatedTypes.TryAdd(definition, known);
            }

            return known;
        }

        private static CreatedResponse WalkBases(ITypeSymbol type, WellKnownTypes types)
        {
            if (SymbolEqualityComparer.Default.Equals(type, types.BadHttpRequestException))
            {
                return CreatedResponse.BadHttpRequestException;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                var definition = current.OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(definition, types.ObjectResult))
                {
                    return CreatedResponse.ObjectResult;
                }

                if (SymbolEqualityComparer.Default.Equals(definition, types.StatusCodeResult))
                {
                    return CreatedResponse.StatusCodeResult;
                }

                if (SymbolEqualityComparer.Default.Equals(definition, types.JsonResult))
                {
                    return CreatedResponse.JsonResult;
                }

                if (SymbolEqualityComparer.Default.Equals(definition, types.ContentResult))
                {
                    return CreatedResponse.ContentResult;
                }
            }

            return CreatedResponse.None;
        }

        /// <summary>
        /// The type is <paramref name="nonGenericInterface"/> or implements it. The interface is not generic, so the type
        /// definition's interface list (computed once) answers for every construction of it, where a constructed type's
        /// <c>AllInterfaces</c> is substituted anew on each call.
        /// </summary>
        public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? nonGenericInterface)
        {
            if (type == null || nonGenericInterface == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, nonGenericInterface))
            {
                return true;
            }

            foreach (var implemented in type.OriginalDefinition.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, nonGenericInterface))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType == null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
