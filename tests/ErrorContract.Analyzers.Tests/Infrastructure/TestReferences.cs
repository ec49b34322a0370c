using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorContract.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The reference assemblies test code compiles against: Microsoft.NETCore.App.Ref and Microsoft.AspNetCore.App.Ref,
    /// downloaded by the test project's restore (its PackageDownload items) and read from the NuGet packages folder
    /// whose paths the build writes into this assembly's metadata. Nothing is downloaded while the tests run, so the
    /// first run on a fresh machine sees the same complete set of references as every later one.
    /// </summary>
    public static class TestReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> NetCoreReferences =
            new Lazy<ImmutableArray<MetadataReference>>(() => Load("NetCoreAppRef", "System.Runtime.dll"));

        private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCoreReferences =
            new Lazy<ImmutableArray<MetadataReference>>(() => NetCore.AddRange(Load("AspNetCoreAppRef", "Microsoft.AspNetCore.Http.Abstractions.dll")));

        private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCore8References =
            new Lazy<ImmutableArray<MetadataReference>>(() => Load("NetCoreAppRef8", "System.Runtime.dll").AddRange(Load("AspNetCoreAppRef8", "Microsoft.AspNetCore.Http.Abstractions.dll")));

        /// <summary>The .NET 8 and ASP.NET Core 8 reference assemblies: the oldest framework the package supports.</summary>
        public static ImmutableArray<MetadataReference> AspNetCore8 => AspNetCore8References.Value;

        /// <summary>The .NET 10 reference assemblies (Microsoft.NETCore.App.Ref).</summary>
        public static ImmutableArray<MetadataReference> NetCore => NetCoreReferences.Value;

        /// <summary>The .NET 10 and ASP.NET Core 10 reference assemblies, as a Web SDK project compiles against them.</summary>
        public static ImmutableArray<MetadataReference> AspNetCore => AspNetCoreReferences.Value;

        /// <summary>
        /// An assembly named <paramref name="assemblyName"/> compiled from <paramref name="source"/> against the .NET references:
        /// the API of a package the tests do not restore (Newtonsoft.Json), as a project that references it sees it. With
        /// <paramref name="references"/> (<see cref="AspNetCore"/>): a library built on ASP.NET Core.
        /// </summary>
        public static MetadataReference Compile(string assemblyName, string source, ImmutableArray<MetadataReference>? references = null)
        {
            var compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source) },
                references ?? NetCore,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException("The reference " + assemblyName + " does not compile: " + string.Join("; ", result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        /// <summary>The reference folder the build recorded under <paramref name="key"/>.</summary>
        public static string Folder(string key)
        {
            var folder = typeof(TestReferences).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == key)?.Value;
            if (string.IsNullOrEmpty(folder))
            {
                throw new InvalidOperationException(
                    $"The test assembly has no '{key}' metadata: build it with the test project (its PackageDownload items record the reference folders).");
            }

            return folder!;
        }

        private static ImmutableArray<MetadataReference> Load(string key, string expectedAssembly)
        {
            var folder = Folder(key);
            if (!File.Exists(Path.Combine(folder, expectedAssembly)))
            {
                throw new InvalidOperationException(
                    $"The reference assemblies are not in '{folder}' ({expectedAssembly} is missing): run 'dotnet restore' on the test project, which downloads them.");
            }

            return Directory.GetFiles(folder, "*.dll")
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
