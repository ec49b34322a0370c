using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>
    /// EC0011: writes the contract's error content type where the code has a place for it: the constant it gives is
    /// replaced (<c>"text/plain"</c> becomes <c>"application/problem+json"</c>), and a call that leaves its
    /// <c>contentType</c> parameter to the default is given it (<c>Results.Json(…, contentType: "application/problem+json")</c>).
    /// A call with no such parameter (<c>WriteAsJsonAsync(value)</c>) gets no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ErrorContentTypeFixProvider))]
    [Shared]
    public sealed class ErrorContentTypeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "EC0011.WriteDocumentedContentType";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ErrorContentType);

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
                var contentType = DiagnosticPropertyReader.GetString(diagnostic, DiagnosticProperties.ContentType);
                var fix = DiagnosticPropertyReader.GetString(diagnostic, DiagnosticProperties.ContentTypeFix);
                if (contentType == null || fix == null)
                {
                    continue;
                }

                var node = SyntaxHelpers.FindReportedNode(root, diagnostic.Location.SourceSpan);
                SyntaxNode? newRoot = null;
                if (fix == DiagnosticProperties.ContentTypeFixes.Replace && node is ExpressionSyntax value && node.Span == diagnostic.Location.SourceSpan)
                {
                    newRoot = root.ReplaceNode(value, SyntaxHelpers.StringLiteral(contentType).WithTriviaFrom(value));
                }
                else if (fix == DiagnosticProperties.ContentTypeFixes.AddArgument && node is InvocationExpressionSyntax invocation)
                {
                    var argument = SyntaxFactory.Argument(SyntaxHelpers.StringLiteral(contentType))
                        .WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName("contentType")));
                    newRoot = root.ReplaceNode(invocation.ArgumentList, invocation.ArgumentList.AddArguments(argument));
                }

                if (newRoot == null)
                {
                    continue;
                }

                var fixedRoot = newRoot;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Write the documented content type " + contentType,
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
