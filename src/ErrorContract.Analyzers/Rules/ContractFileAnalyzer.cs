using System.Collections.Immutable;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// EC0000: reports what is wrong with the project's errorcontract.json, at its position in the file. EC0017: the error page the
    /// project generates from it (the <c>ErrorContractPageFile</c> property) is out of date.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ContractFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.EC0000_InvalidContract, Descriptors.EC0009_ContractWithoutAspNetCore, Descriptors.EC0017_ErrorPageOutOfDate);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
            context.RegisterCompilationAction(AnalyzeCompilation);
        }

        private static void AnalyzeCompilation(CompilationAnalysisContext context)
        {
            var files = ContractLoader.FindContractFiles(context.Options.AdditionalFiles);
            if (files.Length > 1)
            {
                ReportSeveralContracts(context, files);
                return;
            }

            for (var i = 0; i < files.Length; i++)
            {
                var file = files[i];
                var text = file.GetText(context.CancellationToken);
                if (text == null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EC0000_InvalidContract,
                        Location.Create(file.Path, default, default),
                        "the file could not be read"));
                    continue;
                }

                var result = ContractLoader.Parse(text.ToString());
                if (result.Contract != null
                    && WellKnownTypes.Get(context.Compilation).HttpResponse == null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EC0009_ContractWithoutAspNetCore,
                        Location.Create(file.Path, new TextSpan(0, 0), new LinePositionSpan(default, default))));
                }

                if (result.Contract != null)
                {
                    ErrorPageCheck.Check(context, result.Contract, file);
                }

                foreach (var error in result.Errors)
                {
                    var start = new LinePosition(error.Line, error.Column);
                    var span = new TextSpan(error.Start, error.Length);
                    LinePosition end;
                    if (error.Start + error.Length <= text.Length)
                    {
                        end = text.Lines.GetLinePosition(error.Start + error.Length);
                    }
                    else
                    {
                        end = start;
                        span = new TextSpan(error.Start, 0);
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EC0000_InvalidContract,
                        Location.Create(file.Path, span, new LinePositionSpan(start, end)),
                        error.Message));
                }
            }
        }

        /// <summary>
        /// Several contract files: which one is meant is not a guess the analyzers make. Every one of them is
        /// reported (the order of additional files is up to the host, so none is singled out).
        /// </summary>
        private static void ReportSeveralContracts(CompilationAnalysisContext context, ImmutableArray<AdditionalText> files) =>
            AdditionalFileLocations.ReportEach(
                context,
                Descriptors.EC0000_InvalidContract,
                files,
                (count, list) => "the project has " + count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + " contract files (" + list + "); keep exactly one in AdditionalFiles, or set the ErrorContractFile property to the one to use",
                withFileName: false);
    }
}
