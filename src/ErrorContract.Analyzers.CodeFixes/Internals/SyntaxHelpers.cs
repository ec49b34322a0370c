using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.CodeFixes.Internals
{
    /// <summary>Small syntax helpers every fix uses: the reported node, names of calls, functions, literals.</summary>
    internal static class SyntaxHelpers
    {
        /// <summary>The node a diagnostic marks: the innermost one whose span is the reported span.</summary>
        public static SyntaxNode FindReportedNode(SyntaxNode root, TextSpan span)
        {
            return root.FindNode(span, getInnermostNodeForTie: true);
        }

        /// <summary>The name a called expression ends in: <c>Name</c>, <c>x.Name</c> or <c>x?.Name</c>.</summary>
        public static SimpleNameSyntax? GetName(ExpressionSyntax expression)
        {
            return expression switch
            {
                MemberAccessExpressionSyntax access => access.Name,
                SimpleNameSyntax name => name,
                MemberBindingExpressionSyntax binding => binding.Name,
                _ => null,
            };
        }

        /// <summary>
        /// The name of <c>Name</c> or <c>x.Name</c>, and null for a conditional access (<c>x?.Name</c>): for rewrites
        /// that write the called expression anew.
        /// </summary>
        public static SimpleNameSyntax? GetNameOutsideConditionalAccess(ExpressionSyntax expression)
        {
            return expression is MemberBindingExpressionSyntax ? null : GetName(expression);
        }

        /// <summary>The name renamed in place: its type arguments, trivia and annotations kept.</summary>
        public static SimpleNameSyntax Rename(SimpleNameSyntax name, string newName)
        {
            var identifier = SyntaxFactory.Identifier(name.Identifier.LeadingTrivia, newName, name.Identifier.TrailingTrivia);
            return name.WithIdentifier(identifier);
        }

        /// <summary>A plain identifier (no type arguments) with the trivia of the name it replaces.</summary>
        public static IdentifierNameSyntax ReplacementName(string newName, SyntaxNode replaced)
        {
            return SyntaxFactory.IdentifierName(newName).WithTriviaFrom(replaced);
        }

        /// <summary>A method, constructor, operator, local function or lambda: what declares a body and its return.</summary>
        public static bool IsFunction(SyntaxNode node)
        {
            return node is BaseMethodDeclarationSyntax || node is LocalFunctionStatementSyntax || node is AnonymousFunctionExpressionSyntax;
        }

        /// <summary>The innermost function around <paramref name="node"/>, or null.</summary>
        public static SyntaxNode? EnclosingFunction(SyntaxNode node)
        {
            return node.Ancestors().FirstOrDefault(IsFunction);
        }

        public static LiteralExpressionSyntax StringLiteral(string value) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

        public static LiteralExpressionSyntax IntLiteral(int value) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value));
    }
}
