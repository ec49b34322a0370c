using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ErrorContract.Analyzers.CodeFixes.Internals
{
    /// <summary>
    /// The edits of one document, planned on one tree and applied together in one pass: node replacements,
    /// statements inserted after others, and using directives the new code needs.
    /// </summary>
    internal sealed class DocumentEdits
    {
        private readonly Dictionary<SyntaxNode, SyntaxNode> replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        private readonly Dictionary<StatementSyntax, StatementSyntax> insertions = new Dictionary<StatementSyntax, StatementSyntax>();
        private readonly HashSet<string> usings = new HashSet<string>();
        private readonly bool formatReplacements;

        /// <param name="formatReplacements">
        /// True to have the formatter lay out every replacement (<see cref="Formatter.Annotation"/>); false when the
        /// replacements are laid out by the fix itself (inserted statements are always formatted).
        /// </param>
        public DocumentEdits(bool formatReplacements)
        {
            this.formatReplacements = formatReplacements;
        }

        public bool IsEmpty => replacements.Count == 0 && insertions.Count == 0 && usings.Count == 0;

        public void Replace(SyntaxNode original, SyntaxNode replacement) => replacements[original] = replacement;

        public void InsertAfter(StatementSyntax anchor, StatementSyntax statement) => insertions[anchor] = statement;

        /// <summary>Adds <c>using <paramref name="ns"/>;</c> unless the file already has it.</summary>
        public void RequireUsing(string ns) => usings.Add(ns);

        /// <summary>Takes the edits of <paramref name="other"/> (planned on the same tree); an edit of a node already edited here is dropped.</summary>
        public void AddAll(DocumentEdits other)
        {
            foreach (var pair in other.replacements)
            {
                if (!replacements.ContainsKey(pair.Key))
                {
                    replacements[pair.Key] = pair.Value;
                }
            }

            foreach (var pair in other.insertions)
            {
                if (!insertions.ContainsKey(pair.Key))
                {
                    insertions[pair.Key] = pair.Value;
                }
            }

            usings.UnionWith(other.usings);
        }

        public SyntaxNode Apply(SyntaxNode root)
        {
            // An edit nested inside another edited node is dropped; the outer edit already carries its intent.
            var outer = replacements.Keys.Where(k => !replacements.Keys.Any(o => o != k && o.Span.Contains(k.Span) && o.Contains(k))).ToList();
            var anchors = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var anchor in insertions.Keys)
            {
                anchors[anchor] = new SyntaxAnnotation("ErrorContract.InsertAfter");
            }

            var nodes = outer.Concat(anchors.Keys.Where(a => !outer.Any(o => o.Contains(a)))).ToList();
            var newRoot = root.ReplaceNodes(nodes, (original, rewritten) =>
            {
                var result = replacements.TryGetValue(original, out var replacement)
                    ? formatReplacements ? replacement.WithAdditionalAnnotations(Formatter.Annotation) : replacement
                    : rewritten;
                return anchors.TryGetValue(original, out var annotation) ? result.WithAdditionalAnnotations(annotation) : result;
            });

            foreach (var pair in insertions)
            {
                var anchor = newRoot.GetAnnotatedNodes(anchors[pair.Key]).FirstOrDefault();
                if (anchor != null)
                {
                    newRoot = newRoot.InsertNodesAfter(anchor, new[] { pair.Value.WithAdditionalAnnotations(Formatter.Annotation) });
                }
            }

            return AddUsings(newRoot);
        }

        private SyntaxNode AddUsings(SyntaxNode root)
        {
            if (usings.Count == 0 || !(root is CompilationUnitSyntax unit))
            {
                return root;
            }

            foreach (var ns in usings)
            {
                if (unit.Usings.Any(u => u.Name?.ToString() == ns && u.Alias == null && u.StaticKeyword.IsKind(SyntaxKind.None)))
                {
                    continue;
                }

                var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns)).WithAdditionalAnnotations(Formatter.Annotation);
                unit = unit.AddUsings(directive.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed));
            }

            return unit;
        }
    }
}
