using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>
    /// EC0007: makes the rate limiter reject with the contract's rate-limit status,
    /// <c>RejectionStatusCode = StatusCodes.Status429TooManyRequests</c>. The missing OnRejected body has
    /// no fix: what to write is the application's decision.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RateLimiterRejectionStatusFixProvider))]
    [Shared]
    public sealed class RateLimiterRejectionStatusFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "EC0007.RejectWith429";

        private const string StatusExpression = "global::Microsoft.AspNetCore.Http.StatusCodes.Status429TooManyRequests";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RateLimiterRejection);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var problem = DiagnosticPropertyReader.GetString(diagnostic, DiagnosticProperties.RateLimiterProblem);
                if (problem == null)
                {
                    continue;
                }

                SyntaxNode? newRoot = null;
                if (problem == DiagnosticProperties.RateLimiterProblems.WrongStatus)
                {
                    newRoot = ReplaceStatus(root, diagnostic);
                }
                else if (problem == DiagnosticProperties.RateLimiterProblems.MissingStatus)
                {
                    newRoot = AddStatus(root, diagnostic);
                }

                if (newRoot == null)
                {
                    continue;
                }

                var fixedRoot = newRoot;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Reject with the contract's rate-limit status 429",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static SyntaxNode? ReplaceStatus(SyntaxNode root, Diagnostic diagnostic)
        {
            var node = SyntaxHelpers.FindReportedNode(root, diagnostic.Location.SourceSpan);
            if (!(node is ExpressionSyntax value) || node.Span != diagnostic.Location.SourceSpan)
            {
                return null;
            }

            return root.ReplaceNode(value, Status().WithTriviaFrom(value));
        }

        private static SyntaxNode? AddStatus(SyntaxNode root, Diagnostic diagnostic)
        {
            var node = SyntaxHelpers.FindReportedNode(root, diagnostic.Location.SourceSpan);
            var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation == null)
            {
                return null;
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (!(argument.Expression is LambdaExpressionSyntax lambda))
                {
                    continue;
                }

                var parameter = lambda switch
                {
                    SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
                    ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
                    _ => null,
                };
                if (parameter == null)
                {
                    return null;
                }

                var statement = SyntaxFactory.ExpressionStatement(
                        SyntaxFactory.AssignmentExpression(
                            SyntaxKind.SimpleAssignmentExpression,
                            SyntaxFactory.MemberAccessExpression(
                                SyntaxKind.SimpleMemberAccessExpression,
                                SyntaxFactory.IdentifierName(parameter),
                                SyntaxFactory.IdentifierName("RejectionStatusCode")),
                            Status()))
                    .WithAdditionalAnnotations(Formatter.Annotation);

                if (lambda.Block is BlockSyntax block)
                {
                    var newBlock = block.WithStatements(block.Statements.Insert(0, statement));
                    return root.ReplaceNode(block, newBlock);
                }

                if (lambda.ExpressionBody is ExpressionSyntax body
                    && (body is InvocationExpressionSyntax || body is AssignmentExpressionSyntax))
                {
                    // o => o.X = y   becomes a block on lines of its own, indented like the call's line.
                    var text = root.SyntaxTree.GetText();
                    var line = text.Lines.GetLineFromPosition(invocation.SpanStart);
                    var lineText = line.ToString();
                    var indent = lineText.Substring(0, lineText.Length - lineText.TrimStart().Length);
                    var newLine = line.EndIncludingLineBreak > line.End ? text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak)) : "\n";
                    var blockText = "{" + newLine
                        + indent + "    " + parameter + ".RejectionStatusCode = " + StatusExpression + ";" + newLine
                        + indent + "    " + body.WithoutTrivia().ToFullString() + ";" + newLine
                        + indent + "}";
                    if (!(SyntaxFactory.ParseStatement(blockText) is BlockSyntax parsed) || parsed.ContainsDiagnostics)
                    {
                        return null;
                    }

                    var status = parsed.DescendantNodes().OfType<MemberAccessExpressionSyntax>().First(m => m.ToString() == StatusExpression);
                    parsed = parsed.ReplaceNode(status, status.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
                    var newLambda = lambda.WithExpressionBody(null)
                        .WithArrowToken(lambda.ArrowToken.WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine)))
                        .WithBlock(parsed.WithLeadingTrivia(SyntaxFactory.Whitespace(indent)));
                    return root.ReplaceNode(lambda, newLambda);
                }

                return null;
            }

            return null;
        }

        private static ExpressionSyntax Status() =>
            SyntaxFactory.ParseExpression(StatusExpression)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
    }
}
