using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes.Internals;
using ErrorContract.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>
    /// EC0012: declares the returned status on the endpoint, in the endpoint's own style: an
    /// <c>[ProducesResponseType(StatusCodes.Status404NotFound)]</c> on the action, after its other ProducesResponseType
    /// attributes; a <c>.Produces(404)</c> (<c>.ProducesProblem(404)</c> under a problem-details contract) appended to the Map
    /// call's chain, on a line of its own when the chain is written one call per line. A handler whose return type is a
    /// <c>Results&lt;…&gt;</c> union gets no fix (the compiler already makes that declaration). Fix All declares each status
    /// once per endpoint. A second fix returns the declared status instead, when the endpoint declares exactly one status of
    /// the same class (the diagnostic's replacement); the site is rewritten by <see cref="StatusRewriter"/>, as for EC0001.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EndpointStatusDeclarationFixProvider))]
    [Shared]
    public sealed class EndpointStatusDeclarationFixProvider : CodeFixProvider
    {
        /// <summary>One key for every EC0012 fix that declares the status, so Fix All groups them.</summary>
        public const string EquivalenceKey = "EC0012.DeclareStatusOnEndpoint";

        /// <summary>One key for every EC0012 fix that returns the declared status instead.</summary>
        public const string ReturnDeclaredEquivalenceKey = "EC0012.ReturnDeclaredStatus";

        private const string AttributeName = "ProducesResponseType";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UndeclaredStatusCode);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) => context.CodeActionEquivalenceKey == ReturnDeclaredEquivalenceKey
                ? await StatusRewriter.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false)
                : await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!DiagnosticPropertyReader.TryGetInt(diagnostic, DiagnosticProperties.Status, out var status))
                {
                    continue;
                }

                if (FindTarget(root, diagnostic) != null)
                {
                    context.RegisterCodeFix(
                        RewriteActions.ForOne("Declare " + status.ToString(CultureInfo.InvariantCulture) + " on the endpoint", EquivalenceKey, context.Document, diagnostic, FixAsync),
                        diagnostic);
                }

                // The only declared status of the same class, when the site can be rewritten to it (as EC0001's fix rewrites).
                if (DiagnosticPropertyReader.TryGetInt(diagnostic, DiagnosticProperties.Replacement, out var replacement)
                    && await StatusRewriter.CanFixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
                {
                    context.RegisterCodeFix(
                        RewriteActions.ForOne("Return the declared " + replacement.ToString(CultureInfo.InvariantCulture) + " instead", ReturnDeclaredEquivalenceKey, context.Document, diagnostic, StatusRewriter.FixAsync),
                        diagnostic);
                }
            }
        }

        /// <summary>Where the declaration goes: the action's method declaration, or the Map call; null when there is no fix.</summary>
        private static SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic)
        {
            var style = DiagnosticPropertyReader.GetString(diagnostic, EndpointRules.EndpointStyleProperty);
            if (DiagnosticPropertyReader.GetString(diagnostic, EndpointRules.DeclarationProperty) == null)
            {
                return null;
            }

            if (style == nameof(EndpointStyle.Action))
            {
                var site = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                return site.FirstAncestorOrSelf<MethodDeclarationSyntax>();
            }

            if (style == nameof(EndpointStyle.Minimal) && diagnostic.AdditionalLocations.Count > 0)
            {
                var map = diagnostic.AdditionalLocations[0];
                if (map.SourceTree != root.SyntaxTree)
                {
                    // The handler is mapped in another file: no fix from here.
                    return null;
                }

                return root.FindNode(map.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>(n => n.Span == map.SourceSpan);
            }

            return null;
        }

        private static async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return null;
            }

            // Each endpoint once, with the statuses to declare on it (each once, in order).
            var targets = new Dictionary<SyntaxNode, SortedDictionary<int, string>>();
            foreach (var diagnostic in diagnostics)
            {
                var target = FindTarget(root, diagnostic);
                var declaration = DiagnosticPropertyReader.GetString(diagnostic, EndpointRules.DeclarationProperty);
                if (target == null || declaration == null || !DiagnosticPropertyReader.TryGetInt(diagnostic, DiagnosticProperties.Status, out var status))
                {
                    continue;
                }

                if (!targets.TryGetValue(target, out var statuses))
                {
                    statuses = new SortedDictionary<int, string>();
                    targets.Add(target, statuses);
                }

                statuses[status] = declaration;
            }

            if (targets.Count == 0)
            {
                return null;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (!endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                endOfLine = SyntaxFactory.LineFeed;
            }

            var newRoot = root.ReplaceNodes(
                targets.Keys.Select(t => t is InvocationExpressionSyntax map ? ChainTop(map) : t),
                (original, rewritten) =>
                {
                    if (rewritten is MethodDeclarationSyntax method && targets.TryGetValue(original, out var onAction))
                    {
                        var useConstants = model != null && StatusCodesInScope(model, original.SpanStart);
                        return DeclareOnAction(method, onAction, useConstants, endOfLine);
                    }

                    foreach (var pair in targets)
                    {
                        if (pair.Key is InvocationExpressionSyntax map && ChainTop(map) == original)
                        {
                            return DeclareOnChain((ExpressionSyntax)rewritten, pair.Value, endOfLine);
                        }
                    }

                    return rewritten;
                });

            return document.WithSyntaxRoot(newRoot);
        }

        private static bool StatusCodesInScope(SemanticModel model, int position)
        {
            foreach (var symbol in model.LookupNamespacesAndTypes(position, name: "StatusCodes"))
            {
                if (symbol is INamedTypeSymbol type && type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Adds one <c>[ProducesResponseType(…)]</c> list per status after the action's last ProducesResponseType attribute (else its last attribute).</summary>
        private static MethodDeclarationSyntax DeclareOnAction(MethodDeclarationSyntax method, SortedDictionary<int, string> statuses, bool useConstants, SyntaxTrivia endOfLine)
        {
            var lists = method.AttributeLists;
            var insertAt = -1;
            for (var i = 0; i < lists.Count; i++)
            {
                if (lists[i].Attributes.Any(a => SyntaxHelpers.GetName(a.Name)?.Identifier.ValueText is string name && (name == AttributeName || name == AttributeName + "Attribute")))
                {
                    insertAt = i;
                }
            }

            if (insertAt < 0)
            {
                insertAt = lists.Count - 1;
            }

            var indentation = Indentation(lists.Count > 0 ? lists[System.Math.Max(insertAt, 0)].GetLeadingTrivia() : method.GetLeadingTrivia());
            var newLists = new List<AttributeListSyntax>();
            foreach (var pair in statuses)
            {
                var argument = useConstants ? pair.Value : pair.Key.ToString(CultureInfo.InvariantCulture);
                var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.Attribute(
                            SyntaxFactory.IdentifierName(AttributeName),
                            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression(argument)))))))
                    .WithLeadingTrivia(indentation)
                    .WithTrailingTrivia(endOfLine);
                newLists.Add(list);
            }

            if (lists.Count == 0)
            {
                // The method's leading trivia (comments, blank lines) goes before the new attribute; the method keeps its indentation.
                var leading = method.GetLeadingTrivia();
                newLists[0] = newLists[0].WithLeadingTrivia(leading);
                method = method.WithLeadingTrivia(indentation);
                return method.WithAttributeLists(SyntaxFactory.List(newLists));
            }

            return method.WithAttributeLists(lists.InsertRange(insertAt + 1, newLists));
        }

        /// <summary>The whitespace that indents the line a node starts on (the last whitespace of its leading trivia).</summary>
        private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
        {
            for (var i = leading.Count - 1; i >= 0; i--)
            {
                if (leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    return SyntaxFactory.TriviaList(leading[i]);
                }

                if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    break;
                }
            }

            return SyntaxFactory.TriviaList();
        }

        /// <summary>The last call chained on a Map call: <c>app.MapGet(…).Produces(200).RequireAuthorization()</c>.</summary>
        private static ExpressionSyntax ChainTop(InvocationExpressionSyntax map)
        {
            ExpressionSyntax top = map;
            while (top.Parent is MemberAccessExpressionSyntax access && access.Expression == top && access.Parent is InvocationExpressionSyntax next && next.Expression == access)
            {
                top = next;
            }

            return top;
        }

        /// <summary>Appends <c>.Produces(404)</c> per status; on a new line, indented alike, when the chain's last call is on a line of its own.</summary>
        private static ExpressionSyntax DeclareOnChain(ExpressionSyntax top, SortedDictionary<int, string> statuses, SyntaxTrivia endOfLine)
        {
            var trailing = top.GetTrailingTrivia();
            SyntaxTriviaList? dotLeading = null;
            if (top is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax last }
                && last.Expression.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                dotLeading = last.OperatorToken.LeadingTrivia;
            }

            var result = top.WithoutTrailingTrivia();
            foreach (var pair in statuses)
            {
                var dot = SyntaxFactory.Token(SyntaxKind.DotToken);
                if (dotLeading.HasValue)
                {
                    result = result.WithTrailingTrivia(endOfLine);
                    dot = dot.WithLeadingTrivia(dotLeading.Value);
                }

                result = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, result, dot, SyntaxFactory.IdentifierName(pair.Value)),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxHelpers.IntLiteral(pair.Key)))));
            }

            return result.WithTrailingTrivia(trailing);
        }
    }
}
