using System.IO;
using System.Linq;
using ErrorContract.Analyzers.Rules;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Meta
{
    /// <summary>
    /// The tests compile against reference assemblies that the restore put in place before any test started: the
    /// test framework is given no package to download (a download during the first run on a fresh machine is what
    /// made half the tests fail there), and the restored folders hold the complete framework.
    /// </summary>
    public sealed class TestReferencesTests
    {
        [Fact]
        public void TheTestFrameworkDownloadsNoReferencePackage()
        {
            var test = new ContractTest<ResponseContractAnalyzer, EmptyCodeFixProvider>();

            Assert.Null(test.ReferenceAssemblies.ReferenceAssemblyPackage);
            Assert.Empty(test.ReferenceAssemblies.Packages);
            Assert.Empty(test.ReferenceAssemblies.Assemblies);
        }

        [Theory]
        [InlineData("NetCoreAppRef", "System.Runtime.dll")]
        [InlineData("AspNetCoreAppRef", "Microsoft.AspNetCore.Mvc.Core.dll")]
        public void TheRestoredReferenceFolderIsComplete(string key, string assembly)
        {
            var folder = TestReferences.Folder(key);

            Assert.True(File.Exists(Path.Combine(folder, assembly)), $"{assembly} is not in {folder}");
            Assert.True(Directory.GetFiles(folder, "*.dll").Length > 50, $"{folder} holds only part of the framework");
        }

        [Fact]
        public void AspNetCoreTestsSeeBothFrameworks()
        {
            var names = TestReferences.AspNetCore.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath)).ToList();

            Assert.Contains("System.Runtime.dll", names);
            Assert.Contains("Microsoft.AspNetCore.Mvc.Core.dll", names);
            Assert.DoesNotContain("Microsoft.AspNetCore.Mvc.Core.dll", TestReferences.NetCore.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath)));
        }
    }
}
