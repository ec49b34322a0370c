using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>EC0001: replaces an undocumented status with the documented one the contract maps it to.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UndocumentedStatusCodeFixProvider))]
    [Shared]
    public sealed class UndocumentedStatusCodeFixProvider : CodeFixProvider
    {
        /// <summary>One key for every EC0001 fix, so Fix All groups them.</summary>
        public const string EquivalenceKey = "EC0001.UseDocumentedStatus";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UndocumentedStatusCode);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) => await StatusRewriter.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!DiagnosticPropertyReader.TryGetInt(diagnostic, DiagnosticProperties.Replacement, out var replacement))
                {
                    continue;
                }

                // Offer the fix only when a rewrite exists; no fix rather than a wrong one.
                var canFix = await StatusRewriter.CanFixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (!canFix)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    RewriteActions.ForOne("Use documented status " + replacement.ToString(CultureInfo.InvariantCulture), EquivalenceKey, context.Document, diagnostic, StatusRewriter.FixAsync),
                    diagnostic);
            }
        }
    }
}
