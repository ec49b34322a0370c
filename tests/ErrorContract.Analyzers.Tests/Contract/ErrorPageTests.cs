extern alias PageWriter;

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using PageWriterProgram = PageWriter::ErrorContract.PageWriter.Program;

namespace ErrorContract.Analyzers.Tests.Contract
{
    /// <summary>
    /// The error page written from the contract (<see cref="ErrorPage"/>), under every sample contract: every documented status and
    /// its codes, every body field, every documented header, how the key is sent, and an example body per error status that is
    /// valid JSON and carries the status's documented code. The page writer program writes exactly that page.
    /// </summary>
    public sealed class ErrorPageTests
    {
        private static ErrorContractModel Model(string name) => ContractParser.Parse(TestContracts.Get(name)).Contract!;

        private static string Render(string name) => ErrorPage.Render(Model(name), "errorcontract.json");

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public void ThePage_ListsEveryStatus_WithItsCodes(string name)
        {
            var contract = Model(name);
            var page = Render(name);
            Assert.StartsWith(ErrorPage.Marker + "\n", page);
            Assert.DoesNotContain("\r", page);
            foreach (var entry in contract.Statuses.Values)
            {
                var row = page.Split('\n').SingleOrDefault(line => line.StartsWith("| " + entry.Code + " | ", System.StringComparison.Ordinal));
                Assert.True(row != null, "no row for " + entry.Code + " in\n" + page);
                if (contract.ErrorBody.CodeField != null && entry.Code >= 400)
                {
                    foreach (var code in entry.ErrorCodes)
                    {
                        Assert.Contains("`" + code + "`", row);
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public void ThePage_DescribesEveryBodyField_AndEveryDocumentedHeader(string name)
        {
            var contract = Model(name);
            var page = Render(name);
            foreach (var path in FieldPaths(contract.ErrorBody.Fields, string.Empty))
            {
                Assert.Contains("| `" + path + "` | ", page);
            }

            foreach (var headers in contract.Headers.ByStatus.Values)
            {
                foreach (var header in headers)
                {
                    Assert.Contains("- `" + header.Name + "` header", page);
                }
            }

            if (contract.Authorization is AuthorizationContract authorization)
            {
                Assert.Contains("## Authentication", page);
                Assert.Contains(authorization.Example, page);
                Assert.Equal(authorization.QueryForbidden, page.Contains("in the query string"));
            }
            else
            {
                Assert.DoesNotContain("## Authentication", page);
            }
        }

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public void EveryExampleBody_IsJson_WithTheStatussCodeAndRequiredFields(string name)
        {
            var contract = Model(name);
            var examples = Examples(Render(name));
            var errorStatuses = contract.Statuses.Keys.Where(status => status >= 400).ToList();
            Assert.Equal(errorStatuses, examples.Keys.ToList());
            foreach (var (status, json) in examples)
            {
                using var document = JsonDocument.Parse(json);
                var expectation = ErrorBodyExpectation.For(contract, status);
                var required = expectation.Nested?.Required ?? expectation.RequiredFields;
                foreach (var field in required)
                {
                    Assert.True(document.RootElement.TryGetProperty(field, out _), status + ": no " + field + " in " + json);
                }

                if (expectation.ErrorCode != null && contract.ErrorBody.CodeField is string codeField)
                {
                    var value = document.RootElement;
                    foreach (var segment in codeField.Split('.'))
                    {
                        Assert.True(value.TryGetProperty(segment, out value), status + ": no " + codeField + " in " + json);
                    }

                    Assert.Equal(expectation.ErrorCode, value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
                }
            }
        }

        /// <summary>
        /// EC0017 renders the page inside the compiler: every contract the parser accepts must render, with JSON examples. Mutations
        /// that keep most contracts valid (values, names and numbers changed) are rendered, under every sample contract.
        /// </summary>
        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public void EveryContractTheParserAccepts_RendersAPage_WithJsonExamples(string name)
        {
            const string alphabet = "abcdefxyz_019 .-|`*#\"\u00E9\u2028";
            var rendered = 0;
            foreach (var mutated in JsonMutations.Random(TestContracts.Get(name), 4242, alphabet, 1500))
            {
                if (ContractParser.Parse(mutated).Contract is not ErrorContractModel contract)
                {
                    continue;
                }

                var page = ErrorPage.Render(contract, "errorcontract.json");
                foreach (var json in Examples(page).Values)
                {
                    using var document = JsonDocument.Parse(json);
                }

                rendered++;
            }

            Assert.True(rendered >= 100, "only " + rendered + " of the mutated contracts were valid");
        }

        /// <summary>Each sample ships the page its contract generates (the e2e build fails with EC0017 otherwise; this says so sooner).</summary>
        [Theory]
        [InlineData("Artworks.Api", "samples/Artworks.Api/errorcontract.json")]
        [InlineData("Studio.Api", "samples/contracts/studio/errorcontract.json")]
        public void EachSample_ShipsThePageItsContractGenerates(string sample, string contractPath)
        {
            var root = ErrorContract.Analyzers.Tests.Meta.PackageConventionTests.RepositoryRoot();
            var contract = ContractParser.Parse(File.ReadAllText(Path.Combine(root, contractPath))).Contract!;
            var committed = File.ReadAllText(Path.Combine(root, "samples", sample, "docs", "errors.md"));
            Assert.Equal(ErrorPage.Normalize(ErrorPage.Render(contract, "errorcontract.json")), ErrorPage.Normalize(committed));
        }

        [Fact]
        public void TheSameContract_AlwaysGivesTheSamePage()
        {
            Assert.Equal(Render("payments"), Render("payments"));
            Assert.NotEqual(Render("artworks"), Render("studio"));
        }

        [Fact]
        public void ThePageWriter_WritesThePage_ThenLeavesAnUpToDatePageAlone()
        {
            var directory = Directory.CreateTempSubdirectory("errorpage").FullName;
            var contractPath = Path.Combine(directory, "errorcontract.json");
            var pagePath = Path.Combine(directory, "docs", "errors.md");
            File.WriteAllText(contractPath, TestContracts.Artworks);

            var output = new StringWriter();
            Assert.Equal(0, PageWriterProgram.Write(contractPath, pagePath, output, new StringWriter()));
            Assert.Equal(ErrorPage.Render(Model("artworks"), "errorcontract.json"), File.ReadAllText(pagePath));
            Assert.Contains("wrote", output.ToString());

            var written = File.GetLastWriteTimeUtc(pagePath);
            File.SetLastWriteTimeUtc(pagePath, written.AddMinutes(-5));
            output = new StringWriter();
            Assert.Equal(0, PageWriterProgram.Write(contractPath, pagePath, output, new StringWriter()));
            Assert.Contains("is up to date", output.ToString());
            Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(pagePath));
        }

        [Fact]
        public void ThePageWriter_ReportsAnInvalidContract_AsTheBuildDoes_AndWritesNothing()
        {
            var directory = Directory.CreateTempSubdirectory("errorpage").FullName;
            var contractPath = Path.Combine(directory, "errorcontract.json");
            var pagePath = Path.Combine(directory, "errors.md");
            File.WriteAllText(contractPath, "{\n  \"statuses\": { \"404\": {} },\n}");

            var errors = new StringWriter();
            Assert.Equal(1, PageWriterProgram.Write(contractPath, pagePath, new StringWriter(), errors));
            Assert.Contains(contractPath + "(2,28): error EC0000: trailing comma", errors.ToString());
            Assert.False(File.Exists(pagePath));
            Assert.Equal(1, PageWriterProgram.Write(Path.Combine(directory, "missing.json"), pagePath, new StringWriter(), new StringWriter()));
        }

        private static IEnumerable<string> FieldPaths(System.Collections.Immutable.ImmutableArray<BodyField> fields, string prefix)
        {
            foreach (var field in fields)
            {
                yield return prefix + field.Name;
                foreach (var nested in FieldPaths(field.Fields, prefix + field.Name + "."))
                {
                    yield return nested;
                }

                if (field.Items != null)
                {
                    foreach (var item in FieldPaths(field.Items.Fields, prefix + field.Name + "[]."))
                    {
                        yield return item;
                    }
                }
            }
        }

        /// <summary>The example body of each status: the json block under its "### NNN" heading.</summary>
        private static SortedDictionary<int, string> Examples(string page)
        {
            var examples = new SortedDictionary<int, string>();
            var lines = page.Split('\n');
            int? status = null;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("### ", System.StringComparison.Ordinal) && int.TryParse(lines[i].Substring(4).Split(' ')[0], out var heading))
                {
                    status = heading;
                }
                else if (lines[i] == "```json" && status != null)
                {
                    var end = System.Array.IndexOf(lines, "```", i + 1);
                    examples[status.Value] = string.Join("\n", lines.Skip(i + 1).Take(end - i - 1));
                    status = null;
                    i = end;
                }
            }

            return examples;
        }
    }
}
