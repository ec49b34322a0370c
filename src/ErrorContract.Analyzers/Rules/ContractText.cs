using ErrorContract.Analyzers.Contract;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>How messages name the contract.</summary>
    internal static class ContractText
    {
        /// <summary>"Artworks API error contract", or "error contract" when the contract has no name.</summary>
        public static string DisplayName(ErrorContractModel contract) =>
            string.IsNullOrEmpty(contract.Name) ? "error contract" : contract.Name + " error contract";
    }
}
