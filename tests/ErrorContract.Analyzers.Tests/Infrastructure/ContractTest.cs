using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ErrorContract.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// An analyzer (and code fix) test against the real .NET 10 and ASP.NET Core 10 reference assemblies,
    /// with the project's errorcontract.json as an additional file.
    /// </summary>
    public sealed class ContractTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public const string ContractPath = "/0/errorcontract.json";

        /// <summary>Global usings as the Web SDK's implicit usings provide them, kept out of the test text.</summary>
        public const string GlobalUsings = """
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Net;
global using System.Net.Http;
global using System.Net.Http.Headers;
global using System.Threading.Tasks;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Routing;

""";

        /// <summary>No reference package of the test framework's own: the references come from <see cref="TestReferences"/>.</summary>
        private static readonly ReferenceAssemblies NoPackages = new ReferenceAssemblies("net10.0");

        private ImmutableArray<MetadataReference> references = TestReferences.AspNetCore;

        /// <summary>The rules of the package that report on source code; a test asserts only the ones it fixes.</summary>
        public static readonly ImmutableArray<string> SourceRuleIds = ImmutableArray.Create("EC0001", "EC0002", "EC0003", "EC0010", "EC0011");

        public ContractTest()
        {
            // The reference assemblies restored with the test project, added to every project (the test's own and any
            // additional one) of every state (the test, the fixed and the Fix All one) of the solution the framework builds.
            ReferenceAssemblies = NoPackages;
            SolutionTransforms.Add((solution, _) =>
            {
                foreach (var id in solution.ProjectIds)
                {
                    solution = solution.AddMetadataReferences(id, references);
                }

                return solution;
            });

            // A rule may word its findings with several descriptors of one id (EC0003-EC0007 have one per wording): markup
            // such as {|EC0005:...|} names the id only, and checks the id, location and severity (which they all share).
            MarkupOptions = MarkupOptions.UseFirstDescriptor;

            // Each rule's tests assert that rule only: the rules the code fix under test does not fix are
            // disabled, so e.g. an EC0001 test's bodyless NotFound() does not also expect EC0002.
            var underTest = new TCodeFix().FixableDiagnosticIds;
            foreach (var id in SourceRuleIds)
            {
                if (!underTest.Contains(id))
                {
                    DisabledDiagnostics.Add(id);
                }
            }
        }

        /// <summary>Creates a test of <paramref name="source"/> under the given contract text (null: no contract file).</summary>
        public static ContractTest<TAnalyzer, TCodeFix> Create(string? contract, string source, string? fixedSource = null)
        {
            var test = new ContractTest<TAnalyzer, TCodeFix>();
            test.TestState.Sources.Add(("/0/Test0.cs", source));
            test.TestState.Sources.Add(("/0/GlobalUsings.cs", GlobalUsings));
            if (contract != null)
            {
                test.TestState.AdditionalFiles.Add((ContractPath, contract));
            }

            if (fixedSource != null)
            {
                test.FixedState.Sources.Add(("/0/Test0.cs", fixedSource));
                test.FixedState.Sources.Add(("/0/GlobalUsings.cs", GlobalUsings));
                if (contract != null)
                {
                    test.FixedState.AdditionalFiles.Add((ContractPath, contract));
                }

                test.BatchFixedState.Sources.Add(("/0/Test0.cs", fixedSource));
                test.BatchFixedState.Sources.Add(("/0/GlobalUsings.cs", GlobalUsings));
                if (contract != null)
                {
                    test.BatchFixedState.AdditionalFiles.Add((ContractPath, contract));
                }
            }

            return test;
        }

        /// <summary>Adds another source file to the test, and to the fixed states when the test has them (it is left unchanged).</summary>
        public ContractTest<TAnalyzer, TCodeFix> AddSource(string path, string source)
        {
            TestState.Sources.Add((path, source));
            if (FixedState.Sources.Count > 0)
            {
                FixedState.Sources.Add((path, source));
                BatchFixedState.Sources.Add((path, source));
            }

            return this;
        }

        /// <summary>
        /// Adds the error factories the package's generator writes from <paramref name="contract"/> (<c>ApiErrors</c>, in the
        /// global namespace), as the compiler adds them to the project: a generated file, in every state of the test.
        /// </summary>
        public ContractTest<TAnalyzer, TCodeFix> WithErrorFactories(string contract)
        {
            return AddSource("/0/ApiErrors.g.cs", ErrorFactorySource(contract));
        }

        /// <summary>The generated factories' C# for a contract (global namespace, class <c>ApiErrors</c>).</summary>
        public static string ErrorFactorySource(string contract)
        {
            var generated = ErrorContract.Analyzers.Generation.ApiErrorsGenerator.Generate(
                contract,
                new ErrorContract.Analyzers.Generation.FactorySettings(true, "ApiErrors", null),
                new ErrorContract.Analyzers.Generation.PlatformFeatures(true, true, true, false),
                System.Threading.CancellationToken.None);
            return generated.Text ?? throw new InvalidOperationException("the contract generates no factories");
        }

        /// <summary>The rules that report on source code are all on (a test of what no rule reports).</summary>
        public ContractTest<TAnalyzer, TCodeFix> WithEveryRule()
        {
            DisabledDiagnostics.Clear();
            return this;
        }

        /// <summary>The fixed code keeps diagnostics (markup allowed there): for a fix that leaves a TODO or another site behind.</summary>
        public ContractTest<TAnalyzer, TCodeFix> AllowMarkupInFixedCode()
        {
            FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
            BatchFixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
            return this;
        }

        /// <summary>
        /// The fix under test fixes a diagnostic reported when the compilation ends (EC0007's missing RejectionStatusCode):
        /// such a diagnostic is not local to one document, which the test framework rejects by default because the IDE
        /// offers its fix only where the whole project is analysed (a build, dotnet format, full solution analysis).
        /// </summary>
        public ContractTest<TAnalyzer, TCodeFix> FixesCompilationEndDiagnostics()
        {
            CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            return this;
        }

        /// <summary>A project without ASP.NET Core: the .NET reference assemblies only, and no global usings of ASP.NET namespaces.</summary>
        public ContractTest<TAnalyzer, TCodeFix> WithoutAspNetCore()
        {
            references = TestReferences.NetCore;
            return WithoutGlobalUsings();
        }

        /// <summary>Adds a reference to every project of the test: a package's API, compiled by <see cref="TestReferences.Compile"/>.</summary>
        public ContractTest<TAnalyzer, TCodeFix> WithReference(MetadataReference reference)
        {
            references = references.Add(reference);
            return this;
        }

        /// <summary>Removes the global usings file (for a source that must spell out its own usings).</summary>
        public ContractTest<TAnalyzer, TCodeFix> WithoutGlobalUsings()
        {
            foreach (var state in new[] { TestState, FixedState, BatchFixedState })
            {
                state.Sources.RemoveAll(s => s.filename == "/0/GlobalUsings.cs");
            }

            return this;
        }
    }

    public static class Verify<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        /// <summary>Asserts exactly the diagnostics marked in <paramref name="source"/> (and <paramref name="expected"/>).</summary>
        public static Task AnalyzerAsync(string? contract, string source, params DiagnosticResult[] expected)
        {
            var test = ContractTest<TAnalyzer, TCodeFix>.Create(contract, source);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>As <see cref="AnalyzerAsync(string?, string, DiagnosticResult[])"/>, with a last word on the test (another file, other references).</summary>
        public static Task AnalyzerAsync(string? contract, string source, Action<ContractTest<TAnalyzer, TCodeFix>> configure, params DiagnosticResult[] expected)
        {
            var test = ContractTest<TAnalyzer, TCodeFix>.Create(contract, source);
            configure(test);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>As <see cref="CodeFixAsync(string, string, string, DiagnosticResult[])"/>, with a last word on the test.</summary>
        public static Task CodeFixAsync(string contract, string source, string fixedSource, Action<ContractTest<TAnalyzer, TCodeFix>> configure, params DiagnosticResult[] expected)
        {
            var test = ContractTest<TAnalyzer, TCodeFix>.Create(contract, source, fixedSource);
            configure(test);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>Asserts the diagnostics, then that the fix (one at a time and Fix All) turns source into fixedSource.</summary>
        public static Task CodeFixAsync(string contract, string source, string fixedSource, params DiagnosticResult[] expected)
        {
            var test = ContractTest<TAnalyzer, TCodeFix>.Create(contract, source, fixedSource);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>Asserts the diagnostics and that no fix is offered for them.</summary>
        public static Task NoCodeFixAsync(string contract, string source, params DiagnosticResult[] expected)
        {
            var test = ContractTest<TAnalyzer, TCodeFix>.Create(contract, source, source);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }
    }
}
