using System.Collections.Generic;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>Reads the text of an <c>errorcontract.json</c> file. Never throws on bad input.</summary>
    public static class ContractParser
    {
        public const string FileName = "errorcontract.json";

        public static ContractParseResult Parse(string text)
        {
            // Placeholder until the real reader lands: every text is reported as not yet readable.
            return new ContractParseResult(null, new List<ContractError> { new ContractError("The contract reader is not implemented yet.", 0, 0, 0, 0) });
        }
    }
}
