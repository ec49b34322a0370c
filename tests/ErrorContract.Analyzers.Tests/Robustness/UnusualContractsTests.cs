using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Contract;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Valid contracts unlike the seeds (no code field, no message field, no 4xx at all, no authorization, a
    /// validation variant on 422, ProblemDetails fields) are normal input too: every analyzer and every fix
    /// runs over every corpus source under each of them without an exception.
    /// </summary>
    public sealed class UnusualContractsTests
    {
        public static IEnumerable<object[]> Contracts()
        {
            yield return new object[] { "only-500", """{ "statuses": { "500": {} }, "errorBody": { "fields": { "detail": { "type": "string" } } } }""" };
            yield return new object[] { "no-message-field", """
{ "successStatuses": "any", "statuses": { "400": { "errorCode": "bad" }, "404": { "errorCode": "missing" } },
                "errorBody": { "fields": { "code": { "type": "string", "required": true } }, "codeField": "code" } }
""" };
            yield return new object[] { "problem-details", """
{ "statuses": { "200": {}, "400": {}, "404": {}, "500": {} },
                "errorBody": { "fields": { "type": { "type": "string" }, "title": { "type": "string", "required": true },
                  "status": { "type": "integer", "required": true }, "detail": { "type": "string" } } },
                "authorization": { "bearer": "required", "header": "X-Api-Key" } }
""" };
            yield return new object[] { "validation-on-422", """
{ "successStatuses": "any", "statuses": { "401": { "message": "No key" }, "422": { "requiredFields": ["errors"] }, "429": { "requiredFields": ["retryAfter"] } },
                "replacements": { "400": 422, "404": 401 },
                "errorBody": { "fields": { "message": { "type": "string", "required": true }, "errors": { "type": "array" }, "retryAfter": { "type": "number" } },
                  "messageField": "message", "validation": { "field": "errors", "statuses": [422], "itemFields": ["path"] } },
                "authorization": { "bearer": "forbidden" } }
""" };
        }

        [Theory]
        [MemberData(nameof(Contracts))]
        public async Task EveryAnalyzerAndFix_RunsUnderUnusualContracts(string name, string contract)
        {
            var parsed = ContractParser.Parse(contract);
            Assert.True(parsed.Contract != null, name + ": " + string.Join("; ", parsed.Errors.Select(e => e.Message)));

            var host = await AnalyzerHost.CreateAsync();
            var failures = new List<string>();
            var diagnostics = 0;
            foreach (var (source, text) in SourceCorpus.Sources)
            {
                var document = host.Document(text, contract);
                var found = new List<string>();
                var result = await AnalyzerHost.AnalyzeAsync(document, found, concurrent: true, CancellationToken.None);
                diagnostics += result.Length;
                await AnalyzerHost.ApplyEveryFixAsync(document, result, found, CancellationToken.None);
                failures.AddRange(found.Select(f => source + ": " + f));
            }

            Assert.True(diagnostics > 0, name + " should flag something in the corpus");
            Assert.True(failures.Count == 0, string.Join(System.Environment.NewLine, failures.Take(5)));
        }
    }
}
