using System.Linq;
using ErrorContract.Analyzers.CodeFixes.Internals;
using ErrorContract.Analyzers.Discovery;
using ErrorContract.Analyzers.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

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
            if (!(result is InvocationExpressionSyntax || result is BaseObjectCreationExpressionSyntax))
            {
                return null;
            }

            var target = context.Model.GetTypeInfo(result, context.CancellationToken).ConvertedType;
            var factory = FindFactory(context, status);
            if (target == null || target.TypeKind == TypeKind.Error || factory == null)
            {
                return null;
            }

            var conversion = context.Model.Compilation.ClassifyConversion(factory.ReturnType, target);
            return conversion.Exists && conversion.IsImplicit ? Call(context, factory, status, message, result.SpanStart)?.WithTriviaFrom(result) : null;
        }

        /// <summary>
        /// A body written to a response after its status (<c>Response.StatusCode = 404;</c> then
        /// <c>await Response.WriteAsJsonAsync(…)</c>): the write becomes the factory's (<c>ApiErrors.NotFound("…").WriteAsync(Response)</c>),
        /// which writes the status, the headers, the content type and the body. Both return a <c>Task</c>, so the write may stand
        /// anywhere the old one did; the status assignment before it is left (the factory's result sets the same status).
        /// </summary>
        public static ExpressionSyntax? TryCreateWrite(FixContext context, ResponseSite site, int status, ExpressionSyntax? message)
        {
            if (site.Api != ResponseApi.HttpResponse || !(site.Operation is IInvocationOperation writer) || !(writer.Syntax is InvocationExpressionSyntax syntax)
                || !(writer.Type is INamedTypeSymbol { Name: "Task", IsGenericType: false }))
            {
                return null;
            }

            var response = writer.Instance ?? (writer.TargetMethod.IsExtensionMethod && writer.Arguments.Length > 0 ? writer.Arguments[0].Value : null);
            while (response is IConversionOperation { IsImplicit: true } conversion)
            {
                response = conversion.Operand;
            }

            var factory = FindFactory(context, status);
            if (factory == null || !(response?.Syntax is ExpressionSyntax responseSyntax) || !ResponseDiscovery.DerivesFrom(response.Type, context.Types.HttpResponse))
            {
                return null;
            }

            var call = Call(context, factory, status, message, syntax.SpanStart);
            return call == null
                ? null
                : SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, call, SyntaxFactory.IdentifierName("WriteAsync")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(responseSyntax.WithoutTrivia()))))
                    .WithTriviaFrom(syntax);
        }

        /// <summary>The first factory of the status (the contract's first code) that needs the message only; null when there is none.</summary>
        private static IMethodSymbol? FindFactory(FixContext context, int status)
        {
            var factories = FindClass(context);
            if (factories == null)
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

                var required = factory.Parameters.Where(p => !p.IsOptional).ToList();
                return required.Count == 1 && required[0].Type.SpecialType == SpecialType.System_String ? factory : null;
            }

            return null;
        }

        /// <summary><c>ApiErrors.NotFound("…")</c>, the class named as the code at <paramref name="position"/> can name it.</summary>
        private static InvocationExpressionSyntax? Call(FixContext context, IMethodSymbol factory, int status, ExpressionSyntax? message, int position)
        {
            var text = message?.WithoutTrivia() ?? DocumentedMessage(context, status);
            if (text == null)
            {
                return null;
            }

            var name = factory.ContainingType.ToMinimalDisplayString(context.Model, position) + "." + factory.Name;
            return SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression(name),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(text))));
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
