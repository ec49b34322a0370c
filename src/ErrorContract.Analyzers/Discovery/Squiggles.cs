using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>The span a diagnostic marks, one definition for every rule.</summary>
    internal static class Squiggles
    {
        /// <summary>
        /// A call marked from the invoked member's name: <c>AddControllers()</c> in <c>services.AddControllers()</c>,
        /// so that a long receiver chain is not underlined. Any other node: all of it.
        /// </summary>
        public static TextSpan FromMemberName(SyntaxNode node)
        {
            if (node is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax access)
            {
                return TextSpan.FromBounds(access.Name.SpanStart, call.Span.End);
            }

            return node.Span;
        }

        /// <summary>
        /// A response site: the whole node (<c>Results.NotFound()</c>, <c>StatusCode(418)</c>), except that a call on
        /// the result of another call (<c>app.MapGet(…).Produces(418)</c>) is marked from the member name on.
        /// </summary>
        public static TextSpan ForResponseSite(SyntaxNode node)
        {
            if (node is InvocationExpressionSyntax invocation
                && invocation.Expression is MemberAccessExpressionSyntax access
                && (access.Expression is InvocationExpressionSyntax || access.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax }))
            {
                return FromMemberName(node);
            }

            return node.Span;
        }
    }
}
