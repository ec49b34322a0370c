using System.Linq;
using ErrorContract.Analyzers.CodeFixes.Internals;
using ErrorContract.Analyzers.Discovery;
using ErrorContract.Analyzers.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>
    /// The fixes' preferred rewrite when the project has the generated error factories: the whole result becomes the
    /// factory's call (<c>return NotFound();</c> → <c>return ApiErrors.NotFound("Resource not found");</c>), which has the
    /// contract's status, body, content type and headers by construction. Offered only where the factory's result takes
    /// the result's place (an <c>IActionResult</c>, <c>ActionResult&lt;T&gt;</c> or <c>IResult</c> is expected, not a typed
    /// result or a <c>Results&lt;…&gt;</c> union) and the factory needs no value but the message.
    /// </summary>
    internal static class FactoryCalls
    {
        /// <summary>
        /// The factory call that replaces <paramref name="result"/> (a call or creation of a framework result answering
        /// <paramref name="status"/>), with <paramref name="message"/> (a string expression of the code) or the contract's
        /// message for the status; null when there is no such factory or it cannot take the result's place.
        /// </summary>
        public static ExpressionSyntax? TryCreate(FixContext context, ExpressionSyntax result, int status, ExpressionSyntax? message)
        {
            var factories = FindClass(context);
            if (factories == null || !(result is InvocationExpressionSyntax || result is BaseObjectCreationExpressionSyntax))
            {
                return null;
            }

            var target = context.Model.GetTypeInfo(result, context.CancellationToken).ConvertedType;
            if (target == null || target.TypeKind == TypeKind.Error)
            {
                return null;
            }

            foreach (var member in factories.GetMembers())
            {
                if (!(member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: true, DeclaredAccessibility: Accessibility.Public } factory)
                    || !context.Types.TryGetFactoryStatus(factory, out var factoryStatus)
                    || factoryStatus != status)
                {
                    continue;
                }

                // The first factory of the status (the contract's first code) that needs the message only.
                var required = factory.Parameters.Where(p => !p.IsOptional).ToList();
                if (required.Count != 1 || required[0].Type.SpecialType != SpecialType.System_String)
                {
                    return null;
                }

                var conversion = context.Model.Compilation.ClassifyConversion(factory.ReturnType, target);
                if (!conversion.Exists || !conversion.IsImplicit)
                {
                    return null;
                }

                var text = message?.WithoutTrivia() ?? DocumentedMessage(context, status);
                if (text == null)
                {
                    return null;
                }

                var name = factories.ToMinimalDisplayString(context.Model, result.SpanStart) + "." + factory.Name;
                return SyntaxFactory.InvocationExpression(
                        SyntaxFactory.ParseExpression(name),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(text))))
                    .WithTriviaFrom(result);
            }

            return null;
        }

        /// <summary>The generated factory class of the project (named by its MSBuild properties), or null.</summary>
        private static INamedTypeSymbol? FindClass(FixContext context)
        {
            var settings = FactorySettings.From(context.Document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions);
            return settings.Enabled ? settings.FindClass(context.Model.Compilation) : null;
        }

        private static ExpressionSyntax? DocumentedMessage(FixContext context, int status)
        {
            var entry = context.Contract != null && context.Contract.Statuses.TryGetValue(status, out var found) ? found : null;
            var text = entry?.Message ?? entry?.Description;
            return text == null ? null : SyntaxHelpers.StringLiteral(text);
        }

        /// <summary>
        /// A site the factory may replace as a whole: a framework result made by a call or a creation that states its status
        /// (<c>NotFound()</c>, <c>Results.Problem("…")</c>, <c>new BadRequestObjectResult("…")</c>), not a status written to a response.
        /// </summary>
        public static ExpressionSyntax? ReplaceableResult(ResponseSite site)
        {
            switch (site.Api)
            {
                case ResponseApi.ControllerBase:
                case ResponseApi.Results:
                case ResponseApi.TypedResults:
                case ResponseApi.MvcResultType:
                case ResponseApi.HttpResultType:
                    return site.ReportsStatus && site.Operation != null && site.Operation.Syntax == site.Node
                        && (site.Operation.Kind == OperationKind.Invocation || site.Operation.Kind == OperationKind.ObjectCreation)
                        ? site.Node as ExpressionSyntax
                        : null;
                default:
                    return null;
            }
        }

        /// <summary>The message a site's body carries as text (<c>BadRequest("Name is required")</c>), or null.</summary>
        public static ExpressionSyntax? MessageOf(ResponseBody? body)
        {
            var message = body?.Message;
            return message != null && message.Type?.SpecialType == SpecialType.System_String ? message.Syntax as ExpressionSyntax : null;
        }
    }
}
