using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>
    /// EC0013: removes the declaration of a status the endpoint never returns: the <c>[ProducesResponseType(…)]</c> attribute (its
    /// attribute list when it is alone there; the comments and documentation above the member are kept), or the
    /// <c>.Produces(…)</c>/<c>.ProducesProblem(…)</c> call from the Map call's chain (the rest of the chain, and its layout, kept). A
    /// <c>Results&lt;…&gt;</c> type argument gets no fix: the handler's returns and its signature change together.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnreturnedDeclarationFixProvider))]
    [Shared]
    public sealed class UnreturnedDeclarationFixProvider : CodeFixProvider
    {
        /// <summary>One key for every EC0013 fix, so Fix All groups them.</summary>
        public const string EquivalenceKey = "EC0013.RemoveDeclaration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DeclaredStatusNeverReturned);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var target = Target(root, diagnostic);
                if (target == null)
                {
                    continue;
                }

                // The title names the declaration as written: "Remove [ProducesResponseType(409)]", "Remove .ProducesProblem(404)".
                var written = target is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax member
                    ? "." + member.Name + call.ArgumentList
                    : "[" + target + "]";
                context.RegisterCodeFix(
                    RewriteActions.ForOne("Remove " + written, EquivalenceKey, context.Document, diagnostic, FixAsync),
                    diagnostic);
            }
        }

        /// <summary>The attribute, or the chained call, the diagnostic marks; null when there is no fix.</summary>
        private static SyntaxNode? Target(SyntaxNode root, Diagnostic diagnostic)
        {
            var span = diagnostic.Location.SourceSpan;
            if (diagnostic.Location.SourceTree != root.SyntaxTree || span.End > root.FullSpan.End)
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            var attribute = node.FirstAncestorOrSelf<AttributeSyntax>();
            if (attribute != null && attribute.Span == span && attribute.Parent is AttributeListSyntax)
            {
                return attribute;
            }

            var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation != null && invocation.Expression is MemberAccessExpressionSyntax access
                && access.Name.SpanStart == span.Start && invocation.Span.End == span.End)
            {
                return invocation;
            }

            return null;
        }

        private static async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return null;
            }

            // Each target is marked, then removed one at a time on the evolving tree: the innermost call of a chain first, so
            // that an outer call marked too is still found (its receiver changes under it, not its mark).
            var marks = new List<SyntaxAnnotation>();
            var targets = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var diagnostic in diagnostics)
            {
                if (Target(root, diagnostic) is SyntaxNode target && !targets.ContainsKey(target))
                {
                    var mark = new SyntaxAnnotation("EC0013");
                    targets[target] = mark;
                    marks.Add(mark);
                }
            }

            if (targets.Count == 0)
            {
                return null;
            }

            root = root.ReplaceNodes(targets.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(targets[original]));
            foreach (var mark in marks.OrderBy(m => root.GetAnnotatedNodes(m).FirstOrDefault()?.Span.Length ?? 0))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var target = root.GetAnnotatedNodes(mark).FirstOrDefault();
                var rewritten = target switch
                {
                    AttributeSyntax attribute => RemoveAttribute(root, attribute),
                    InvocationExpressionSyntax invocation => RemoveCall(root, invocation),
                    _ => null,
                };
                root = rewritten ?? root;
            }

            return document.WithSyntaxRoot(root);
        }

        private static SyntaxNode? RemoveAttribute(SyntaxNode root, AttributeSyntax attribute)
        {
            var list = (AttributeListSyntax)attribute.Parent!;
            if (list.Attributes.Count > 1)
            {
                var shorter = list.RemoveNode(attribute, SyntaxRemoveOptions.KeepNoTrivia);
                return shorter == null ? null : root.ReplaceNode(list, shorter);
            }

            // The list alone on its line: removed with its indentation and line end. The member's leading trivia (its
            // documentation comment, comments, indentation) stays the member's, whichever attribute list comes first.
            var owner = list.Parent;
            if (owner == null)
            {
                return null;
            }

            var withoutList = owner.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia);
            if (withoutList == null)
            {
                return null;
            }

            if (owner.GetFirstToken() == list.GetFirstToken())
            {
                withoutList = withoutList.WithLeadingTrivia(owner.GetLeadingTrivia());
            }

            return root.ReplaceNode(owner, withoutList);
        }

        /// <summary><c>x.Produces(200).ProducesProblem(404)</c> becomes <c>x.Produces(200)</c>, ending as the removed call ended.</summary>
        private static SyntaxNode? RemoveCall(SyntaxNode root, InvocationExpressionSyntax invocation)
        {
            if (!(invocation.Expression is MemberAccessExpressionSyntax access))
            {
                return null;
            }

            var receiver = access.Expression.WithTrailingTrivia(invocation.GetTrailingTrivia());
            return root.ReplaceNode(invocation, receiver);
        }
    }
}
