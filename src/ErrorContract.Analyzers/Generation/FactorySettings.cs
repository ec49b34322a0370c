using System;
using System.Linq;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Generation
{
    /// <summary>
    /// The MSBuild properties of the error factories (<c>build_property.*</c>): whether they are generated, the class's name and
    /// its namespace. Compared by value, so that the generator's later steps are skipped when they did not change.
    /// </summary>
    internal sealed class FactorySettings : IEquatable<FactorySettings>
    {
        public const string EnabledProperty = "build_property.ErrorContractFactories";
        public const string ClassProperty = "build_property.ErrorContractFactoriesClass";
        public const string NamespaceProperty = "build_property.ErrorContractFactoriesNamespace";
        public const string RootNamespaceProperty = "build_property.RootNamespace";
        public const string DefaultClassName = "ApiErrors";

        public FactorySettings(bool enabled, string className, string? @namespace)
        {
            Enabled = enabled;
            ClassName = className;
            Namespace = @namespace;
        }

        /// <summary>False when the project sets <c>ErrorContractFactories</c> to false.</summary>
        public bool Enabled { get; }

        public string ClassName { get; }

        /// <summary>The namespace (the project's root namespace unless set); null or empty for the global namespace.</summary>
        public string? Namespace { get; }

        /// <summary>The class's metadata name (<c>Artworks.Api.ApiErrors</c>).</summary>
        public string MetadataName => string.IsNullOrEmpty(Namespace) ? ClassName : Namespace + "." + ClassName;

        /// <summary>Why the class name or namespace cannot be used, or null when both are valid C# names.</summary>
        public string? Problem
        {
            get
            {
                if (!Identifiers.IsValidName(ClassName))
                {
                    return "ErrorContractFactoriesClass '" + ClassName + "' is not a valid C# class name";
                }

                if (!string.IsNullOrEmpty(Namespace))
                {
                    foreach (var part in Namespace!.Split('.'))
                    {
                        if (!Identifiers.IsValidName(part))
                        {
                            return "the namespace '" + Namespace + "' (ErrorContractFactoriesNamespace, else the project's RootNamespace) is not a valid C# namespace";
                        }
                    }
                }

                return null;
            }
        }

        public static FactorySettings From(AnalyzerConfigOptions options)
        {
            var enabled = !(options.TryGetValue(EnabledProperty, out var switchValue) && string.Equals(switchValue.Trim(), "false", StringComparison.OrdinalIgnoreCase));
            var className = options.TryGetValue(ClassProperty, out var name) && !string.IsNullOrWhiteSpace(name) ? name.Trim() : DefaultClassName;
            string? @namespace = null;
            if (options.TryGetValue(NamespaceProperty, out var set) && !string.IsNullOrWhiteSpace(set))
            {
                @namespace = set.Trim();
            }
            else if (options.TryGetValue(RootNamespaceProperty, out var root) && !string.IsNullOrWhiteSpace(root))
            {
                @namespace = root.Trim();
            }

            return new FactorySettings(enabled, className, @namespace);
        }

        /// <summary>The generated class in a compilation (null when the project has none, or a type of its own by that name).</summary>
        public INamedTypeSymbol? FindClass(Compilation compilation)
        {
            var type = compilation.Assembly.GetTypeByMetadataName(MetadataName);
            return type != null && IsGenerated(type) ? type : null;
        }

        /// <summary>True for the class the generator writes (its <c>[GeneratedCode]</c> names this package).</summary>
        public static bool IsGenerated(INamedTypeSymbol type)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "GeneratedCodeAttribute"
                    && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is string tool
                    && tool == FactoryWriter.Tool)
                {
                    return true;
                }
            }

            return false;
        }

        public bool Equals(FactorySettings? other) =>
            other != null && Enabled == other.Enabled && ClassName == other.ClassName && Namespace == other.Namespace;

        public override bool Equals(object? obj) => Equals(obj as FactorySettings);

        public override int GetHashCode() => (ClassName.GetHashCode() * 31) + (Namespace?.GetHashCode() ?? 0) + (Enabled ? 1 : 0);
    }

    /// <summary>What the project's ASP.NET Core offers the generated code, and whether a type of its own takes the class's name.</summary>
    internal sealed class PlatformFeatures : IEquatable<PlatformFeatures>
    {
        public PlatformFeatures(bool aspNetCore, bool actionResult, bool endpointMetadata, bool clash, bool extended = false, bool globalUsings = true)
        {
            GlobalUsings = globalUsings;
            AspNetCore = aspNetCore;
            ActionResult = actionResult;
            EndpointMetadata = endpointMetadata;
            Clash = clash;
            Extended = extended;
        }

        /// <summary>The project references ASP.NET Core's <c>IResult</c> (without it, nothing is generated).</summary>
        public bool AspNetCore { get; }

        /// <summary>MVC's <c>ActionResult</c> is there: the results are also controller results (<c>IActionResult</c>, <c>ActionResult&lt;T&gt;</c>).</summary>
        public bool ActionResult { get; }

        /// <summary><c>IEndpointMetadataProvider</c> and <c>ProducesResponseTypeMetadata</c> (ASP.NET Core 8+, C# 11+): the results describe themselves to OpenAPI.</summary>
        public bool EndpointMetadata { get; }

        /// <summary>The project declares a type with the class's full name itself.</summary>
        public bool Clash { get; }

        /// <summary>C# 10 or newer: a <c>global using</c> alias names the class everywhere in the project (top-level statements too).</summary>
        public bool GlobalUsings { get; }

        /// <summary>The project declares a <c>static partial</c> part of the class: its accessibility is the project's.</summary>
        public bool Extended { get; }

        public static PlatformFeatures Of(Compilation compilation, FactorySettings settings)
        {
            if (!settings.Enabled)
            {
                return new PlatformFeatures(false, false, false, false);
            }

            // Each type is looked up in the assembly of the shared framework that defines it (the analyzers' TypeLookup): a
            // search of every reference reads every assembly's type names, which costs milliseconds on each new compilation.
            var lookup = new TypeLookup(compilation);
            var aspNetCore = lookup.GetFromPackage(WellKnownTypes.HttpAbstractions, "Microsoft.AspNetCore.Http.IResult") != null
                && lookup.GetFromPackage(WellKnownTypes.HttpAbstractions, "Microsoft.AspNetCore.Http.IStatusCodeHttpResult") != null;
            if (!aspNetCore)
            {
                return new PlatformFeatures(false, false, false, false);
            }

            var actionResult = lookup.GetFromPackage(WellKnownTypes.MvcCore, "Microsoft.AspNetCore.Mvc.ActionResult") != null;
            var metadata = lookup.GetFromPackage(WellKnownTypes.HttpAbstractions, "Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider") != null
                && lookup.GetFromPackage(WellKnownTypes.HttpAbstractions, "Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata") != null
                && compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp11 };
            var own = settings.Problem == null ? compilation.Assembly.GetTypeByMetadataName(settings.MetadataName) : null;
            var extended = own != null && ExtendsTheClass(own);

            // The alias is left out where it would conflict with a name the project declares in the global namespace (CS0576):
            // a type of that name there, or the class's own namespace starting with the class's name.
            var globalUsings = compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp10 }
                && !string.IsNullOrEmpty(settings.Namespace)
                && settings.Namespace!.Split('.')[0] != settings.ClassName
                && !compilation.Assembly.GlobalNamespace.GetMembers(settings.ClassName).Any();
            return new PlatformFeatures(aspNetCore, actionResult, metadata, own != null && !extended, extended, globalUsings);
        }

        /// <summary>A <c>static partial</c> class of the project's own adds members to the generated one; any other type takes its name.</summary>
        private static bool ExtendsTheClass(INamedTypeSymbol type)
        {
            if (!type.IsStatic)
            {
                return false;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (!(reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax declaration) || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return false;
                }
            }

            return true;
        }

        public bool Equals(PlatformFeatures? other) =>
            other != null && AspNetCore == other.AspNetCore && ActionResult == other.ActionResult && EndpointMetadata == other.EndpointMetadata && Clash == other.Clash && Extended == other.Extended && GlobalUsings == other.GlobalUsings;

        public override bool Equals(object? obj) => Equals(obj as PlatformFeatures);

        public override int GetHashCode() => (AspNetCore ? 1 : 0) | (ActionResult ? 2 : 0) | (EndpointMetadata ? 4 : 0) | (Clash ? 8 : 0) | (Extended ? 16 : 0) | (GlobalUsings ? 32 : 0);
    }
}
