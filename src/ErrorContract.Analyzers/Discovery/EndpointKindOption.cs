using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>What the project says its endpoints in a file are (<see cref="EndpointKindOption"/>).</summary>
    internal enum EndpointKind
    {
        /// <summary>The default: <see cref="PageDiscovery"/> decides, endpoint by endpoint.</summary>
        Auto,

        /// <summary>Every endpoint in the file is part of the HTTP API: its responses are checked.</summary>
        Api,

        /// <summary>Every endpoint in the file is a page (a UI, not the API): its responses are not checked.</summary>
        Page,
    }

    /// <summary>
    /// The <c>.editorconfig</c> key <c>errorcontract.endpoint_kind = auto | api | page</c>, read per syntax tree: a project
    /// whose API and pages differ from <see cref="PageDiscovery"/>'s default says so by path, in a section such as
    /// <c>[Areas/Admin/**.cs]</c>. A missing or unknown value is <see cref="EndpointKind.Auto"/>.
    /// </summary>
    internal static class EndpointKindOption
    {
        public const string Key = "errorcontract.endpoint_kind";

        public static EndpointKind Read(AnalyzerOptions options, SyntaxTree tree)
        {
            // The options of a tree are looked up, not computed, by the compiler; this is asked only for a site about to be reported.
            if (!options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(Key, out var value) || value == null)
            {
                return EndpointKind.Auto;
            }

            value = value.Trim();
            if (string.Equals(value, "api", StringComparison.OrdinalIgnoreCase))
            {
                return EndpointKind.Api;
            }

            return string.Equals(value, "page", StringComparison.OrdinalIgnoreCase) ? EndpointKind.Page : EndpointKind.Auto;
        }
    }

    /// <summary>
    /// <see cref="EndpointKindOption"/> for the trees of one analysis (one set of options), each tree read once: a first build
    /// after adoption asks for thousands of reported sites in a few hundred files.
    /// </summary>
    internal sealed class EndpointKinds
    {
        private readonly AnalyzerOptions options;
        private readonly ConcurrentDictionary<SyntaxTree, EndpointKind> trees = new ConcurrentDictionary<SyntaxTree, EndpointKind>();

        /// <summary>
        /// The last tree answered: the driver analyses a file's operations one after the other, so the reported sites of a
        /// file ask in a row. One immutable pair, replaced whole (a reference write is atomic), so concurrent callers never see
        /// a tree with another tree's answer.
        /// </summary>
        private TreeKind? last;

        public EndpointKinds(AnalyzerOptions options)
        {
            this.options = options;
        }

        public EndpointKind Of(SyntaxTree tree)
        {
            var recent = last;
            if (recent != null && recent.Tree == tree)
            {
                return recent.Kind;
            }

            if (!trees.TryGetValue(tree, out var kind))
            {
                kind = EndpointKindOption.Read(options, tree);
                trees.TryAdd(tree, kind);
            }

            last = new TreeKind(tree, kind);
            return kind;
        }

        private sealed class TreeKind
        {
            public TreeKind(SyntaxTree tree, EndpointKind kind)
            {
                Tree = tree;
                Kind = kind;
            }

            public SyntaxTree Tree { get; }

            public EndpointKind Kind { get; }
        }
    }
}
