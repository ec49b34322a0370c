using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>EC0002: rewrites an error body to the contract's shape for its status.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ErrorBodyFixProvider))]
    [Shared]
    public sealed class ErrorBodyFixProvider : CodeFixProvider
    {
        /// <summary>One key for every EC0002 fix, so Fix All groups them.</summary>
        public const string EquivalenceKey = "EC0002.UseContractErrorBody";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ErrorBodyShape);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) => await ErrorBodyRewriter.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                // Only this rule's diagnostics (EC0001 may be reported on the same call), and only when a rewrite exists.
                if (diagnostic.Id != RuleIds.ErrorBodyShape
                    || !await ErrorBodyRewriter.CanFixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    RewriteActions.ForOne("Write the error body the contract documents", EquivalenceKey, context.Document, diagnostic, ErrorBodyRewriter.FixAsync),
                    diagnostic);
            }
        }
    }
}
