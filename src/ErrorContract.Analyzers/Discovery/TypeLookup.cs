using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Finds well-known types fast. <c>Compilation.GetTypeByMetadataName</c> searches every reference (hundreds in
    /// an ASP.NET Core project) on each call, so each type is looked up first in the assembly that defines it in
    /// the shared framework (one dictionary lookup), and in the whole compilation only when it is not there.
    /// </summary>
    internal sealed class TypeLookup
    {
        private readonly Compilation compilation;
        private readonly Dictionary<string, IAssemblySymbol> assemblies = new Dictionary<string, IAssemblySymbol>(System.StringComparer.Ordinal);
        private readonly List<string> slowLookups = new List<string>();

        public TypeLookup(Compilation compilation)
        {
            this.compilation = compilation;
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!assemblies.ContainsKey(assembly.Identity.Name))
                {
                    assemblies.Add(assembly.Identity.Name, assembly);
                }
            }
        }

        /// <summary>The metadata names that were not in their assembly and took the slow search.</summary>
        public IReadOnlyList<string> SlowLookups => slowLookups;

        /// <summary>
        /// The public type <paramref name="metadataName"/> of a NuGet package that has always shipped it in the assembly
        /// <paramref name="assemblyName"/>, or null when the project does not reference that package: no other assembly is
        /// searched (a project without JWT Bearer would otherwise pay the search of every reference on each compilation).
        /// </summary>
        public INamedTypeSymbol? GetFromPackage(string assemblyName, string metadataName)
        {
            var type = assemblies.TryGetValue(assemblyName, out var assembly) ? assembly.GetTypeByMetadataName(metadataName) : null;
            return type != null && type.DeclaredAccessibility == Accessibility.Public ? type : null;
        }

        /// <summary>The public type <paramref name="metadataName"/>, from <paramref name="assemblyName"/> when it is there.</summary>
        public INamedTypeSymbol? Get(string assemblyName, string metadataName)
        {
            if (assemblies.TryGetValue(assemblyName, out var assembly))
            {
                var type = assembly.GetTypeByMetadataName(metadataName);
                if (type != null && type.DeclaredAccessibility == Accessibility.Public)
                {
                    return type;
                }
            }

            slowLookups.Add(metadataName);
            return compilation.GetTypeByMetadataName(metadataName);
        }
    }
}
