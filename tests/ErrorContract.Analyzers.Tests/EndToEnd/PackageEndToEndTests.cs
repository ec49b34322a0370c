using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using ErrorContract.Analyzers.Tests.Meta;
using Xunit;

namespace ErrorContract.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// The package as a user installs it: tests/e2e/run.sh packs it, installs it into copies of both samples
    /// from a folder feed, and checks warnings, -warnaserror, .editorconfig severities, dotnet format, SARIF and
    /// the contract-file cases. Part of `dotnet test`; `dotnet test --filter Category!=EndToEnd` skips it.
    /// </summary>
    public sealed class PackageEndToEndTests
    {
        private static readonly TimeSpan Budget = TimeSpan.FromMinutes(20);

        [Fact]
        [Trait("Category", "EndToEnd")]
        public void ThePackedPackage_WorksInAConsumerBuild()
        {
            var root = PackageConventionTests.RepositoryRoot();
            var start = new ProcessStartInfo("bash", Path.Combine("tests", "e2e", "run.sh"))
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            // The test host's MSBuild settings must not leak into the consumer builds the script runs.
            foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
            {
                start.Environment.Remove(name);
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var finished = process.WaitForExit((int)Budget.TotalMilliseconds);
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            // .ci/run prints this after the run.
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "e2e-output.txt"), text);
            Assert.True(finished, "tests/e2e/run.sh took longer than " + Budget.TotalMinutes + " minutes" + Environment.NewLine + text);
            Assert.True(process.ExitCode == 0, "tests/e2e/run.sh failed (exit " + process.ExitCode + ")" + Environment.NewLine + text);
            Assert.Contains(", 0 failed", text, StringComparison.Ordinal);
        }
    }
}
