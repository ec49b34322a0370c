using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// The start every rule that compares code with the contract shares, done once here: concurrent execution, no
    /// generated code, and, per compilation, the well-known types and the project's valid contract. A rule runs only
    /// when both are there (and, unless <see cref="RunsWithoutAspNetCore"/>, when the project references ASP.NET
    /// Core); it receives them in a <see cref="ContractStartContext"/> and registers its actions there.
    /// </summary>
    public abstract class ContractAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>True for a rule that also checks code outside ASP.NET Core projects (an API client's headers).</summary>
        protected virtual bool RunsWithoutAspNetCore => false;

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
            context.RegisterCompilationStartAction(Start);
        }

        /// <summary>Registers the rule's actions for one compilation that has a valid contract.</summary>
        protected abstract void OnContractStart(ContractStartContext context);

        private void Start(CompilationStartAnalysisContext context)
        {
            // Both are resolved once per compilation and shared by every analyzer: the types first (a project without
            // ASP.NET Core leaves here), then the contract (a missing or invalid one is EC0000's business).
            var types = WellKnownTypes.Get(context.Compilation);
            if (types.HttpResponse == null && !RunsWithoutAspNetCore)
            {
                return;
            }

            var contract = ContractLoader.Load(context.Options.AdditionalFiles, context.CancellationToken);
            if (contract == null)
            {
                return;
            }

            OnContractStart(new ContractStartContext(context, types, contract));
        }
    }
}
