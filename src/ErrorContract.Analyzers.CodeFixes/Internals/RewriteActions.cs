using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;

namespace ErrorContract.Analyzers.CodeFixes.Internals
{
    /// <summary>A rewrite of the diagnostics of one document (null or the same document when nothing changes).</summary>
    internal delegate Task<Document?> DocumentRewrite(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken);

    /// <summary>The code actions of the fixes whose Fix All provider runs a <see cref="DocumentRewrite"/>.</summary>
    internal static class RewriteActions
    {
        /// <summary>The action for one diagnostic: the same rewrite Fix All makes, given that diagnostic alone.</summary>
        public static CodeAction ForOne(string title, string equivalenceKey, Document document, Diagnostic diagnostic, DocumentRewrite rewrite)
        {
            return CodeAction.Create(
                title,
                async cancellationToken => await rewrite(document, ImmutableArray.Create(diagnostic), cancellationToken).ConfigureAwait(false) ?? document,
                equivalenceKey);
        }
    }
}
