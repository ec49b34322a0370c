using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes.Internals;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>
    /// Rewrites the status of a response site to a documented one, in the idiomatic form for the new status.
    /// Fixes are applied one at a time on the evolving document, so that related edits (a <c>Results&lt;…&gt;</c>
    /// union and the <c>TypedResults</c> call it declares) stay consistent under Fix All.
    /// </summary>
    internal static class StatusRewriter
    {
        private const string AspNetCoreHttp = "Microsoft.AspNetCore.Http";

        public static async Task<bool> CanFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var context = await FixContext.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            if (context == null)
            {
                return false;
            }

            var node = context.FindReportedNode(diagnostic.Location.SourceSpan);
            return TryRewrite(context, node, diagnostic.Location.SourceSpan, diagnostic, cancellationToken) != null;
        }

        public static async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var annotations = new List<(SyntaxAnnotation Annotation, Diagnostic Diagnostic, int StartDelta, int EndDelta)>();
            var nodes = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var node = SyntaxHelpers.FindReportedNode(root, diagnostic.Location.SourceSpan);
                var annotation = new SyntaxAnnotation("EC0001");
                var span = diagnostic.Location.SourceSpan;
                annotations.Add((annotation, diagnostic, span.Start - node.SpanStart, node.Span.End - span.End));
                if (!nodes.TryGetValue(node, out var list))
                {
                    nodes[node] = list = new List<SyntaxAnnotation>();
                }

                list.Add(annotation);
            }

            root = root.ReplaceNodes(nodes.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(nodes[original]));
            document = document.WithSyntaxRoot(root);

            foreach (var (annotation, diagnostic, startDelta, endDelta) in annotations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var context = await FixContext.CreateAsync(document, cancellationToken).ConfigureAwait(false);
                var node = context?.Root.GetAnnotatedNodes(annotation).FirstOrDefault();
                if (context == null || node == null)
                {
                    continue;
                }

                // The document has changed since the diagnostic was reported: its span moves with its node.
                var start = node.SpanStart + startDelta;
                var end = node.Span.End - endDelta;
                if (end < start)
                {
                    continue;
                }

                var newRoot = TryRewrite(context, node, TextSpan.FromBounds(start, end), diagnostic, cancellationToken);
                if (newRoot != null)
                {
                    document = document.WithSyntaxRoot(newRoot);
                }
            }

            return document;
        }

        private static SyntaxNode? TryRewrite(FixContext context, SyntaxNode node, TextSpan span, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!DiagnosticPropertyReader.TryGetInt(diagnostic, DiagnosticProperties.Status, out var status)
                || !DiagnosticPropertyReader.TryGetInt(diagnostic, DiagnosticProperties.Replacement, out var replacement))
            {
                return null;
            }

            var model = context.Model;
            var types = context.Types;
            var site = Rediscover(model, node, span, status, types, cancellationToken);
            if (site == null)
            {
                return null;
            }

            var editor = new DocumentEdits(formatReplacements: true);
            if (replacement >= 400
                && FactoryCalls.ReplaceableResult(site) is ExpressionSyntax result
                && (site.Body == null || FactoryCalls.MessageOf(site.BodyDescription) != null)
                && FactoryCalls.TryCreate(context, result, replacement, FactoryCalls.MessageOf(site.BodyDescription)) is ExpressionSyntax factoryCall)
            {
                // The project has the generated error factories: StatusCode(418) becomes the replacement status's factory.
                editor.Replace(result, factoryCall);
                return editor.Apply(context.Root);
            }

            var ok = site.StatusSyntax is ExpressionSyntax statusExpression
                ? ReplaceStatusValue(editor, model, statusExpression, replacement, types)
                : site.Kind switch
                {
                    ResponseSiteKind.ImpliedByMethod => RewriteHelper(editor, model, site, replacement, types, cancellationToken),
                    ResponseSiteKind.ResultType => RewriteResultType(editor, model, site, replacement, types),
                    ResponseSiteKind.UnionTypeArgument => RewriteUnionArgument(editor, model, (TypeSyntax)site.Node, replacement, types, cancellationToken),
                    _ => false,
                };

            return ok ? editor.Apply(context.Root) : null;
        }

        /// <summary>Runs the analyzer's discovery again around the node to get the same site back.</summary>
        private static ResponseSite? Rediscover(SemanticModel model, SyntaxNode node, TextSpan span, int status, WellKnownTypes types, CancellationToken cancellationToken)
        {
            var sites = new List<ResponseSite>();
            if (node is AttributeSyntax attribute)
            {
                var owner = attribute.Parent?.Parent;
                var symbol = owner is LambdaExpressionSyntax lambda
                    ? model.GetSymbolInfo(lambda, cancellationToken).Symbol
                    : owner != null ? model.GetDeclaredSymbol(owner, cancellationToken) : null;
                if (symbol != null)
                {
                    ResponseDiscovery.FromAttributes(symbol.GetAttributes(), types, sites, cancellationToken);
                }

                return Pick(sites, span, status);
            }

            if (node is TypeSyntax typeSyntax && !(node is ExpressionSyntax && model.GetOperation(node, cancellationToken) != null))
            {
                var function = FindFunctionDeclaringReturnType(typeSyntax);
                if (function != null)
                {
                    var (returnType, returnTypeSyntax) = GetReturnType(model, function, cancellationToken);
                    ResponseDiscovery.FromReturnType(returnType, returnTypeSyntax, types, sites);
                    var found = Pick(sites, span, status);
                    if (found != null)
                    {
                        return found;
                    }
                }
            }

            return SiteRediscovery.FindAround(
                model,
                node,
                (operation, list) => !(operation is IAnonymousFunctionOperation || operation is ILocalFunctionOperation)
                    && ResponseDiscovery.FromOperation(operation, types, list, cancellationToken),
                site => IsReported(site, span, status),
                cancellationToken);
        }

        private static ResponseSite? Pick(List<ResponseSite> sites, TextSpan span, int status)
        {
            return sites.FirstOrDefault(site => IsReported(site, span, status));
        }

        /// <summary>The site an EC0001 diagnostic was reported for: its status, squiggled where the status is decided.</summary>
        private static bool IsReported(ResponseSite site, TextSpan span, int status)
        {
            return site.Status == status && site.Span == span;
        }

        // ---- explicit status values: 418, StatusCodes.Status418ImATeapot, (int)HttpStatusCode.X, a const ----

        private static bool ReplaceStatusValue(DocumentEdits editor, SemanticModel model, ExpressionSyntax original, int replacement, WellKnownTypes types)
        {
            var expression = BuildStatusExpression(model, original, replacement, types, editor);
            if (expression == null)
            {
                return false;
            }

            editor.Replace(original, expression.WithTriviaFrom(original));
            return true;
        }

        private static ExpressionSyntax? BuildStatusExpression(SemanticModel model, ExpressionSyntax original, int replacement, WellKnownTypes types, DocumentEdits editor)
        {
            var inner = original;
            while (inner is ParenthesizedExpressionSyntax parenthesized)
            {
                inner = parenthesized.Expression;
            }

            // (int)HttpStatusCode.UnprocessableEntity  ->  (int)HttpStatusCode.BadRequest
            if (inner is CastExpressionSyntax cast && types.HttpStatusCode != null
                && model.GetTypeInfo(cast.Expression).Type is ITypeSymbol castType
                && SymbolEqualityComparer.Default.Equals(castType, types.HttpStatusCode)
                && cast.Expression is MemberAccessExpressionSyntax enumAccess)
            {
                var member = FindConstant(types.HttpStatusCode, replacement, null);
                if (member != null)
                {
                    return cast.WithExpression(enumAccess.WithName(SyntaxHelpers.ReplacementName(member, enumAccess.Name)));
                }
            }

            if (types.StatusCodes == null)
            {
                return SyntaxHelpers.IntLiteral(replacement);
            }

            var field = FindConstant(types.StatusCodes, replacement, "Status" + replacement.ToString(CultureInfo.InvariantCulture));
            if (field == null)
            {
                return SyntaxHelpers.IntLiteral(replacement);
            }

            // StatusCodes.Status422UnprocessableEntity  ->  StatusCodes.Status400BadRequest (qualification kept)
            if (inner is MemberAccessExpressionSyntax access
                && model.GetSymbolInfo(access).Symbol is IFieldSymbol existing
                && SymbolEqualityComparer.Default.Equals(existing.ContainingType, types.StatusCodes))
            {
                return access.WithName(SyntaxHelpers.ReplacementName(field, access.Name));
            }

            return SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                StatusCodesReference(model, original.SpanStart, types, editor),
                SyntaxFactory.IdentifierName(field));
        }

        private static ExpressionSyntax StatusCodesReference(SemanticModel model, int position, WellKnownTypes types, DocumentEdits editor)
        {
            var bound = model.GetSpeculativeSymbolInfo(position, SyntaxFactory.IdentifierName("StatusCodes"), SpeculativeBindingOption.BindAsExpression).Symbol;
            if (!SymbolEqualityComparer.Default.Equals(bound, types.StatusCodes))
            {
                editor.RequireUsing(AspNetCoreHttp);
            }

            return SyntaxFactory.IdentifierName("StatusCodes");
        }

        private static string? FindConstant(INamedTypeSymbol type, int value, string? namePrefix)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol field && field.HasConstantValue
                    && System.Convert.ToInt64(field.ConstantValue, CultureInfo.InvariantCulture) == value
                    && (namePrefix == null || field.Name.StartsWith(namePrefix, System.StringComparison.Ordinal)))
                {
                    return field.Name;
                }
            }

            return null;
        }

        // ---- helpers whose name is the status: UnprocessableEntity(x) -> BadRequest(x) ----

        private static bool RewriteHelper(DocumentEdits editor, SemanticModel model, ResponseSite site, int replacement, WellKnownTypes types, CancellationToken cancellationToken)
        {
            if (!(site.Operation is IInvocationOperation invocation) || !(invocation.Syntax is InvocationExpressionSyntax syntax))
            {
                return false;
            }

            var explicitArguments = syntax.ArgumentList.Arguments.Count;
            var type = site.Api switch
            {
                ResponseApi.ControllerBase => types.ControllerBase,
                ResponseApi.Results => types.Results,
                ResponseApi.TypedResults => types.TypedResults,
                _ => null,
            };
            if (type == null)
            {
                return false;
            }

            var table = site.Api == ResponseApi.ControllerBase ? StatusTables.ControllerHelperByStatus : StatusTables.ResultFactoryByStatus;
            var genericArity = ExplicitTypeArgumentCount(invocation, syntax);
            if (table.TryGetValue(replacement, out var helper) && HasCompatibleOverload(type, helper, explicitArguments, genericArity, invocation.TargetMethod))
            {
                if (site.Api == ResponseApi.TypedResults
                    && !RewriteDeclaringUnion(editor, model, syntax, invocation.TargetMethod.ReturnType, helper, types, cancellationToken))
                {
                    return false;
                }

                var helperName = SyntaxHelpers.GetName(syntax.Expression)!;
                editor.Replace(helperName, SyntaxHelpers.Rename(helperName, helper));
                return true;
            }

            if (site.Api == ResponseApi.TypedResults || explicitArguments > 1)
            {
                // A different TypedResults type would not fit the declared return type: no fix rather than a wrong one.
                return false;
            }

            var statusExpression = BuildStatusExpression(model, SyntaxHelpers.IntLiteral(replacement), replacement, types, editor);
            if (statusExpression == null)
            {
                return false;
            }

            var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(statusExpression) };
            string method;
            if (explicitArguments == 1)
            {
                if (site.Body == null)
                {
                    return false;
                }

                var body = syntax.ArgumentList.Arguments[0].WithNameColon(null);
                if (site.Api == ResponseApi.ControllerBase)
                {
                    method = "StatusCode";
                    arguments.Add(body);
                }
                else
                {
                    method = "Json";
                    arguments.Clear();
                    arguments.Add(body);
                    arguments.Add(SyntaxFactory.Argument(statusExpression).WithNameColon(SyntaxFactory.NameColon("statusCode")));
                }
            }
            else
            {
                method = "StatusCode";
            }

            var name = SyntaxHelpers.GetName(syntax.Expression)!;
            var newExpression = syntax.Expression.ReplaceNode(name, SyntaxHelpers.ReplacementName(method, name));
            var newInvocation = syntax
                .WithExpression(newExpression)
                .WithArgumentList(syntax.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments)));
            editor.Replace(syntax, newInvocation);
            return true;
        }

        private static bool HasCompatibleOverload(INamedTypeSymbol type, string name, int argumentCount, int genericArity, IMethodSymbol original)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (!(member is IMethodSymbol method) || method.TypeParameters.Length != (genericArity > 0 ? genericArity : method.TypeParameters.Length))
                {
                    continue;
                }

                if (genericArity == 0 && method.IsGenericMethod && original.IsGenericMethod != method.IsGenericMethod)
                {
                    // Results.NotFound(x) binds a non-generic overload; TypedResults needs the generic one inferred.
                    if (type.Name != "TypedResults")
                    {
                        continue;
                    }
                }

                var required = method.Parameters.Count(p => !p.IsOptional && !p.IsParams);
                if (argumentCount < required || argumentCount > method.Parameters.Length)
                {
                    continue;
                }

                if (argumentCount == 1 && method.Parameters[0].Type.SpecialType != SpecialType.System_Object && !(method.Parameters[0].Type is ITypeParameterSymbol))
                {
                    continue;
                }

                return true;
            }

            return false;
        }

        /// <summary>
        /// A <c>TypedResults</c> call inside a function declared to return <c>Results&lt;…, Old, …&gt;</c>: the
        /// union's argument for the old result type is renamed (or dropped when the new one is already there).
        /// </summary>
        private static bool RewriteDeclaringUnion(DocumentEdits editor, SemanticModel model, SyntaxNode call, ITypeSymbol oldResultType, string newHelper, WellKnownTypes types, CancellationToken cancellationToken)
        {
            var function = SyntaxHelpers.EnclosingFunction(call);
            if (function == null)
            {
                return true;
            }

            var (returnType, returnTypeSyntax) = GetReturnType(model, function, cancellationToken);
            if (returnTypeSyntax == null || !types.IsResultsUnion(types.UnwrapTask(returnType)))
            {
                return true;
            }

            var unionSyntax = FindUnionSyntax(returnTypeSyntax, returnType!, types);
            if (unionSyntax == null)
            {
                return false;
            }

            var union = (INamedTypeSymbol)types.UnwrapTask(returnType)!;
            for (var i = 0; i < union.TypeArguments.Length; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(union.TypeArguments[i], oldResultType))
                {
                    return RenameUnionArgument(editor, model, unionSyntax, union, i, newHelper, types);
                }
            }

            return true;
        }

        private static bool RenameUnionArgument(DocumentEdits editor, SemanticModel model, GenericNameSyntax unionSyntax, INamedTypeSymbol union, int index, string newName, WellKnownTypes types)
        {
            var argumentSyntax = unionSyntax.TypeArgumentList.Arguments[index];
            var oldType = (INamedTypeSymbol)union.TypeArguments[index];
            var metadataName = "Microsoft.AspNetCore.Http.HttpResults." + newName + (oldType.IsGenericType ? "`" + oldType.TypeArguments.Length.ToString(CultureInfo.InvariantCulture) : string.Empty);
            var newDefinition = model.Compilation.GetTypeByMetadataName(metadataName);
            if (newDefinition == null)
            {
                return false;
            }

            var newType = oldType.IsGenericType ? newDefinition.Construct(oldType.TypeArguments.ToArray()) : newDefinition;
            var alreadyThere = union.TypeArguments.Any(t => SymbolEqualityComparer.Default.Equals(t, newType));
            if (!alreadyThere)
            {
                var name = ResponseDiscovery.RightMost(argumentSyntax);
                editor.Replace(name, SyntaxHelpers.Rename((SimpleNameSyntax)name, newName));
                return true;
            }

            var remaining = unionSyntax.TypeArgumentList.Arguments.RemoveAt(index);
            if (remaining.Count >= 2)
            {
                editor.Replace(unionSyntax, unionSyntax.WithTypeArgumentList(unionSyntax.TypeArgumentList.WithArguments(remaining)));
                return true;
            }

            // Results<X> does not exist: the union collapses to its one remaining type.
            SyntaxNode outer = unionSyntax;
            while (outer.Parent is QualifiedNameSyntax || outer.Parent is AliasQualifiedNameSyntax)
            {
                outer = outer.Parent;
            }

            editor.Replace(outer, remaining[0].WithTriviaFrom(outer));
            return true;
        }

        // ---- Results<Ok, UnprocessableEntity<T>> type arguments ----

        private static bool RewriteUnionArgument(DocumentEdits editor, SemanticModel model, TypeSyntax argument, int replacement, WellKnownTypes types, CancellationToken cancellationToken)
        {
            if (!StatusTables.HttpResultTypeByStatus.TryGetValue(replacement, out var newName)
                || !(argument.Parent?.Parent is GenericNameSyntax unionSyntax)
                || !(model.GetTypeInfo(unionSyntax, cancellationToken).Type is INamedTypeSymbol union))
            {
                return false;
            }

            var index = unionSyntax.TypeArgumentList.Arguments.IndexOf(argument);
            if (index < 0 || index >= union.TypeArguments.Length)
            {
                return false;
            }

            var oldType = union.TypeArguments[index];

            // The TypedResults calls in the body that produce the old type produce the new one instead.
            var function = SyntaxHelpers.EnclosingFunction(argument);
            if (function != null)
            {
                foreach (var call in DescendantsInFunction(function).OfType<InvocationExpressionSyntax>())
                {
                    if (model.GetOperation(call, cancellationToken) is IInvocationOperation invocation
                        && types.TypedResults != null
                        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, types.TypedResults)
                        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ReturnType, oldType))
                    {
                        var genericArity = ExplicitTypeArgumentCount(invocation, call);
                        if (!HasCompatibleOverload(types.TypedResults, newName, call.ArgumentList.Arguments.Count, genericArity, invocation.TargetMethod))
                        {
                            return false;
                        }

                        var callName = SyntaxHelpers.GetName(call.Expression)!;
                        editor.Replace(callName, SyntaxHelpers.Rename(callName, newName));
                    }
                }
            }

            return RenameUnionArgument(editor, model, unionSyntax, union, index, newName, types);
        }

        private static IEnumerable<SyntaxNode> DescendantsInFunction(SyntaxNode function)
        {
            return function.DescendantNodes(n => n == function || !SyntaxHelpers.IsFunction(n));
        }

        // ---- new UnprocessableEntityObjectResult(x) -> new BadRequestObjectResult(x) ----

        private static bool RewriteResultType(DocumentEdits editor, SemanticModel model, ResponseSite site, int replacement, WellKnownTypes types)
        {
            if (!(site.Operation is IObjectCreationOperation creation)
                || !(creation.Syntax is ObjectCreationExpressionSyntax syntax)
                || !StatusTables.MvcResultTypeByStatus.TryGetValue(replacement, out var names))
            {
                return false;
            }

            var withBody = (syntax.ArgumentList?.Arguments.Count ?? 0) > 0;
            var newName = withBody ? names.WithBody : names.Plain;
            var newType = model.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc." + newName);
            if (newType == null || (withBody && (syntax.ArgumentList!.Arguments.Count != 1 || site.Body == null)))
            {
                return false;
            }

            if (!(ResponseDiscovery.RightMost(syntax.Type) is IdentifierNameSyntax identifier))
            {
                return false;
            }

            editor.Replace(identifier, SyntaxHelpers.Rename(identifier, newName));
            return true;
        }

        // ---- shared syntax helpers ----

        /// <summary>The type arguments written on the call (<c>NotFound&lt;T&gt;(x)</c>), 0 when they are inferred.</summary>
        private static int ExplicitTypeArgumentCount(IInvocationOperation invocation, InvocationExpressionSyntax syntax)
        {
            return invocation.TargetMethod.IsGenericMethod && SyntaxHelpers.GetName(syntax.Expression) is GenericNameSyntax ? invocation.TargetMethod.TypeParameters.Length : 0;
        }

        private static SyntaxNode? FindFunctionDeclaringReturnType(TypeSyntax type)
        {
            foreach (var ancestor in type.Ancestors())
            {
                switch (ancestor)
                {
                    case MethodDeclarationSyntax method when method.ReturnType.Span.Contains(type.Span):
                        return method;
                    case LocalFunctionStatementSyntax local when local.ReturnType.Span.Contains(type.Span):
                        return local;
                    case ParenthesizedLambdaExpressionSyntax lambda when lambda.ReturnType != null && lambda.ReturnType.Span.Contains(type.Span):
                        return lambda;
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                        return null;
                }
            }

            return null;
        }

        private static (ITypeSymbol? Type, TypeSyntax? Syntax) GetReturnType(SemanticModel model, SyntaxNode function, CancellationToken cancellationToken)
        {
            switch (function)
            {
                case MethodDeclarationSyntax method:
                    return ((model.GetDeclaredSymbol(method, cancellationToken) as IMethodSymbol)?.ReturnType, method.ReturnType);
                case LocalFunctionStatementSyntax local:
                    return ((model.GetDeclaredSymbol(local, cancellationToken) as IMethodSymbol)?.ReturnType, local.ReturnType);
                case ParenthesizedLambdaExpressionSyntax lambda when lambda.ReturnType != null:
                    return ((model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol)?.ReturnType, lambda.ReturnType);
                default:
                    return (null, null);
            }
        }

        private static GenericNameSyntax? FindUnionSyntax(TypeSyntax returnTypeSyntax, ITypeSymbol returnType, WellKnownTypes types)
        {
            var syntax = ResponseDiscovery.RightMost(returnTypeSyntax);
            if (!ReferenceEquals(types.UnwrapTask(returnType), returnType))
            {
                if (!(syntax is GenericNameSyntax task) || task.TypeArgumentList.Arguments.Count != 1)
                {
                    return null;
                }

                syntax = ResponseDiscovery.RightMost(task.TypeArgumentList.Arguments[0]);
            }

            return syntax as GenericNameSyntax;
        }
    }
}
