using System.Collections.Generic;
using System.Linq;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using ErrorContract.Analyzers.Tests.Robustness;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Generation
{
    /// <summary>
    /// Generated code that does not compile breaks the user's build as surely as an analyzer that throws: every valid
    /// contract, however unusual its names and values, generates factories that compile without a warning, and every
    /// invalid one generates nothing, without an exception.
    /// </summary>
    public class ApiErrorsGeneratorRobustnessTests
    {
        public static IEnumerable<object[]> Unusual()
        {
            foreach (var contract in UnusualContractsTests.Contracts())
            {
                yield return contract;
            }

            // Names that are C# keywords, members of every object, the generated class's own names, or no name at all;
            // values with quotes and line breaks; codes that name the class's types.
            yield return new object[] { "awkward-names", """
{
  "statuses": {
    "400": { "description": "Bad \"input\"\nsecond line <b>&</b>", "errorCode": "error", "message": "Say \"no\" \\ twice" },
    "401": { "errorCode": "error_body", "message": "m" },
    "403": { "errorCode": "api_errors", "message": "m" },
    "404": { "errorCode": "validation_item", "message": "m" },
    "409": { "errorCode": "class", "message": "m" },
    "422": { "errorCode": "42", "message": "m", "requiredFields": ["headers", "body"],
             "headers": { "X-Body": { "type": "integer" }, "Message": { "type": "date" }, "X-Rate-Limit": {}, "X-RateLimit": { "required": false } } },
    "500": { "errorCode": "error-result", "message": "m" }
  },
  "errorBody": {
    "fields": {
      "code": { "type": "string", "required": true },
      "message": { "type": "string", "required": true },
      "headers": { "type": "array" },
      "body": { "type": "integer" },
      "params": { "type": "boolean" },
      "ToString": { "type": "string" },
      "WriteTo": { "type": "number" },
      "ErrorBody": { "type": "object", "fields": { "class": { "type": "string", "required": true }, "Class": { "type": "string" } } },
      "$": { "type": "string" },
      "ok": { "type": "boolean", "const": false },
      "level": { "type": "string", "enum": ["a\"b", "c"] },
      "status": { "type": "integer", "equalsStatus": true }
    },
    "codeField": "code",
    "messageField": "message",
    "validation": { "field": "headers", "statuses": [400], "itemFields": ["field", "Field"] }
  }
}
""" };
        }

        [Theory]
        [MemberData(nameof(Unusual))]
        public void Every_valid_contract_generates_factories_that_compile_without_a_warning(string name, string contract)
        {
            Assert.NotNull(ContractParser.Parse(contract).Contract);
            var (output, result) = GeneratorHost.Run("namespace Project; public class Marker { }", contract);
            Assert.True(result.Exception == null, name + ": " + result.Exception);
            Assert.Empty(result.Diagnostics);
            var problems = GeneratorHost.Problems(output);
            Assert.True(problems.Length == 0, name + ":\n" + string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public void Mutated_sample_contracts_generate_code_that_compiles_or_nothing(string name)
        {
            var failures = new List<string>();
            foreach (var mutated in JsonMutations.Random(TestContracts.Get(name), seed: name.Length * 7919, alphabet: "\"{}[],:0123456789aZ_-. \\", rounds: 60))
            {
                var (output, result) = GeneratorHost.Run("namespace Project; public class Marker { }", mutated);
                if (result.Exception != null)
                {
                    failures.Add("exception: " + result.Exception.Message);
                    continue;
                }

                var valid = ContractParser.Parse(mutated).Contract != null;
                if (!valid && result.GeneratedSources.Length > 0)
                {
                    failures.Add("an invalid contract generated code");
                }

                var problems = GeneratorHost.Problems(output);
                if (problems.Length > 0)
                {
                    failures.Add(string.Join("; ", problems.Take(3)) + "\n" + mutated);
                }
            }

            Assert.Empty(failures);
        }
    }
}
