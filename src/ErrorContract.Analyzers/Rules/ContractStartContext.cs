using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>What a rule receives at the start of a compilation that has a valid contract.</summary>
    public sealed class ContractStartContext
    {
        // RS1012 expects a start context to register actions where it is received: this one only hands it on, to the
        // rule's OnContractStart, which registers them.
#pragma warning disable RS1012
        internal ContractStartContext(CompilationStartAnalysisContext analysis, WellKnownTypes types, ErrorContractModel contract)
        {
            Analysis = analysis;
            Types = types;
            Contract = contract;
        }
#pragma warning restore RS1012

        /// <summary>Roslyn's compilation start context: where the rule registers its actions.</summary>
        public CompilationStartAnalysisContext Analysis { get; }

        /// <summary>The compilation's well-known types, resolved once for every analyzer and fix.</summary>
        internal WellKnownTypes Types { get; }

        /// <summary>The project's contract (valid: an invalid one turns every rule off).</summary>
        internal ErrorContractModel Contract { get; }
    }
}
