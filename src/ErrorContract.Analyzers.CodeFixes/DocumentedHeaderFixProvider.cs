using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes.Internals;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>
    /// EC0010: sets the documented header before the response is made,
    /// <c>Response.Headers["X-RateLimit-Reset"] = "TODO"; // TODO: an integer: …</c>. The value cannot be known, so the fix
    /// writes a placeholder and what the contract says the value is. Offered only where a response is in scope: a
    /// controller's <c>Response</c>, an <c>HttpContext</c> or <c>HttpResponse</c> parameter, OnRejected's context.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DocumentedHeaderFixProvider))]
    [Shared]
    public sealed class DocumentedHeaderFixProvider : CodeFixProvider
    {
        /// <summary>One key for every EC0010 fix, so Fix All groups them.</summary>
        public const string EquivalenceKey = "EC0010.SetDocumentedHeader";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DocumentedHeaderMissing);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var fixContext = await FixContext.CreateAsync(context.Document, context.CancellationToken).ConfigureAwait(false);
            if (fixContext?.Contract == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Plan(fixContext, diagnostic) is not Insertion insertion)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    RewriteActions.ForOne("Set the documented header " + insertion.Header, EquivalenceKey, context.Document, diagnostic, FixAsync),
                    diagnostic);
            }
        }

        private static async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var context = await FixContext.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            if (context?.Contract == null)
            {
                return null;
            }

            // Every header goes before the statement that makes the response (or first in OnRejected), in the order the
            // diagnostics come, each header once per place.
            var bodies = new Dictionary<SyntaxNode, List<Insertion>>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (Plan(context, diagnostic) is not Insertion insertion)
                {
                    continue;
                }

                if (!bodies.TryGetValue(insertion.Target, out var list))
                {
                    bodies.Add(insertion.Target, list = new List<Insertion>());
                }

                if (!list.Any(i => i.Anchor == insertion.Anchor && string.Equals(i.Header, insertion.Header, System.StringComparison.OrdinalIgnoreCase)))
                {
                    list.Add(insertion);
                }
            }

            if (bodies.Count == 0)
            {
                return null;
            }

            var newRoot = context.Root.ReplaceNodes(bodies.Keys, (original, rewritten) => Apply(context, original, rewritten, bodies[original]));
            return document.WithSyntaxRoot(newRoot);
        }

        /// <summary>The rewritten block (statements inserted before their anchors) or function (an expression body made a block).</summary>
        private static SyntaxNode Apply(FixContext context, SyntaxNode original, SyntaxNode rewritten, List<Insertion> insertions)
        {
            if (rewritten is BlockSyntax block && original is BlockSyntax originalBlock)
            {
                var statements = new List<StatementSyntax>();
                for (var i = 0; i < block.Statements.Count; i++)
                {
                    var anchor = originalBlock.Statements[i];
                    var current = block.Statements[i];
                    foreach (var insertion in insertions)
                    {
                        if (insertion.Anchor != anchor)
                        {
                            continue;
                        }

                        // The anchor's comments stay above the code they introduce, the new statement included.
                        var leading = current.GetLeadingTrivia();
                        var indentation = leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia)
                            ? SyntaxFactory.TriviaList(leading.Last())
                            : SyntaxFactory.TriviaList();
                        statements.Add(insertion.Statement.WithLeadingTrivia(leading));
                        current = current.WithLeadingTrivia(indentation);
                    }

                    statements.Add(current);
                }

                foreach (var insertion in insertions)
                {
                    if (insertion.Anchor == null)
                    {
                        // An empty OnRejected block.
                        statements.Add(insertion.Statement);
                    }
                }

                return block.WithStatements(SyntaxFactory.List(statements));
            }

            var added = insertions.Select(i => i.Statement).ToList();
            switch (rewritten)
            {
                case AnonymousFunctionExpressionSyntax lambda when lambda.ExpressionBody != null:
                    added.Add(Final(context, original, lambda.ExpressionBody));
                    // The block's brace goes on a line of its own however the body was laid out (after "=>" or on the next line).
                    var arrowed = lambda is LambdaExpressionSyntax withArrow
                        && withArrow.ArrowToken.TrailingTrivia.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia))
                        ? withArrow.WithArrowToken(withArrow.ArrowToken.WithTrailingTrivia(SyntaxFactory.ElasticSpace))
                        : lambda;
                    return arrowed.WithExpressionBody(null)
                        .WithBlock(SyntaxFactory.Block(added).WithAdditionalAnnotations(Formatter.Annotation));
                case MethodDeclarationSyntax method when method.ExpressionBody != null:
                    added.Add(Final(context, original, method.ExpressionBody.Expression));
                    return method.WithExpressionBody(null)
                        .WithSemicolonToken(default)
                        .WithBody(SyntaxFactory.Block(added).WithAdditionalAnnotations(Formatter.Annotation))
                        .WithTrailingTrivia(method.SemicolonToken.TrailingTrivia);
                case LocalFunctionStatementSyntax local when local.ExpressionBody != null:
                    added.Add(Final(context, original, local.ExpressionBody.Expression));
                    return local.WithExpressionBody(null)
                        .WithSemicolonToken(default)
                        .WithBody(SyntaxFactory.Block(added).WithAdditionalAnnotations(Formatter.Annotation))
                        .WithTrailingTrivia(local.SemicolonToken.TrailingTrivia);
                default:
                    return rewritten;
            }
        }

        /// <summary>The statement an expression body becomes: <c>return x;</c>, or <c>x;</c> when the function returns nothing.</summary>
        private static StatementSyntax Final(FixContext context, SyntaxNode function, ExpressionSyntax expression)
        {
            var symbol = FunctionSymbol(context, function);
            var returnsValue = symbol != null && !symbol.ReturnsVoid
                && !(symbol.IsAsync && symbol.ReturnType is INamedTypeSymbol { IsGenericType: false });
            expression = expression.WithoutTrivia();
            return returnsValue ? SyntaxFactory.ReturnStatement(expression) : SyntaxFactory.ExpressionStatement(expression);
        }

        private static IMethodSymbol? FunctionSymbol(FixContext context, SyntaxNode function) =>
            function is AnonymousFunctionExpressionSyntax
                ? context.Model.GetSymbolInfo(function, context.CancellationToken).Symbol as IMethodSymbol
                : context.Model.GetDeclaredSymbol(function, context.CancellationToken) as IMethodSymbol;

        /// <summary>Where the header goes and how the response is reached; null when there is no response in scope (no fix).</summary>
        private static Insertion? Plan(FixContext context, Diagnostic diagnostic)
        {
            var headerName = DiagnosticPropertyReader.GetString(diagnostic, DiagnosticProperties.Header);
            if (headerName == null
                || !DiagnosticPropertyReader.TryGetInt(diagnostic, DiagnosticProperties.Status, out var status)
                || !context.Contract!.Headers.ByStatus.TryGetValue(status, out var documented))
            {
                return null;
            }

            var header = documented.FirstOrDefault(h => string.Equals(h.Name, headerName, System.StringComparison.OrdinalIgnoreCase));
            if (header == null)
            {
                return null;
            }

            var node = context.FindReportedNode(diagnostic.Location.SourceSpan);
            if (node.Parent is AssignmentExpressionSyntax assignment && assignment.Left == node)
            {
                return PlanOnRejected(assignment, header);
            }

            var function = SyntaxHelpers.EnclosingFunction(node);
            if (function == null)
            {
                return null;
            }

            var response = ResponseInScope(context, node);
            if (response == null)
            {
                return null;
            }

            var statement = HeaderStatement(response, header);
            for (var current = node; current != null && current != function; current = current.Parent)
            {
                if (current is StatementSyntax anchor)
                {
                    return anchor.Parent is BlockSyntax block ? new Insertion(block, anchor, header.Name, statement) : null;
                }

                if (IsConditional(current))
                {
                    // return limited ? StatusCode(429) : Ok(): a header set before the statement would go on every response.
                    return null;
                }
            }

            var hasExpressionBody = function switch
            {
                AnonymousFunctionExpressionSyntax lambda => lambda.ExpressionBody != null,
                MethodDeclarationSyntax method => method.ExpressionBody != null,
                LocalFunctionStatementSyntax local => local.ExpressionBody != null,
                _ => false,
            };
            return hasExpressionBody ? new Insertion(function, null, header.Name, statement) : null;
        }

        /// <summary>An expression that makes its operands only sometimes: <c>?:</c>, <c>??</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>switch</c>, <c>?.</c>.</summary>
        private static bool IsConditional(SyntaxNode node) =>
            node is ConditionalExpressionSyntax
            || node is SwitchExpressionArmSyntax
            || node is ConditionalAccessExpressionSyntax
            || (node is BinaryExpressionSyntax binary
                && (binary.IsKind(SyntaxKind.CoalesceExpression) || binary.IsKind(SyntaxKind.LogicalAndExpression) || binary.IsKind(SyntaxKind.LogicalOrExpression)));

        /// <summary><c>options.OnRejected = (context, token) => …</c>: the header goes first in the handler, on <c>context.HttpContext.Response</c>.</summary>
        private static Insertion? PlanOnRejected(AssignmentExpressionSyntax assignment, DocumentedHeader header)
        {
            var lambda = assignment.Right as AnonymousFunctionExpressionSyntax;
            var parameter = lambda switch
            {
                ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: > 0 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
                AnonymousMethodExpressionSyntax { ParameterList.Parameters.Count: > 0 } anonymous => anonymous.ParameterList!.Parameters[0].Identifier.ValueText,
                _ => null,
            };
            if (lambda == null || parameter == null || parameter == "_")
            {
                return null;
            }

            var statement = HeaderStatement(parameter + ".HttpContext.Response", header);
            if (lambda.Block is BlockSyntax block)
            {
                return new Insertion(block, block.Statements.FirstOrDefault(), header.Name, statement);
            }

            return new Insertion(lambda, null, header.Name, statement);
        }

        /// <summary>
        /// The response the code around <paramref name="node"/> can reach: an HttpContext or HttpResponse parameter of the
        /// innermost function that has one, else a controller's <c>Response</c>; null when there is none.
        /// </summary>
        private static string? ResponseInScope(FixContext context, SyntaxNode node)
        {
            var types = context.Types;
            foreach (var function in node.Ancestors().Where(SyntaxHelpers.IsFunction))
            {
                var symbol = FunctionSymbol(context, function);
                if (symbol == null)
                {
                    continue;
                }

                foreach (var parameter in symbol.Parameters)
                {
                    if (parameter.Name == "_" || parameter.Name.Length == 0)
                    {
                        continue;
                    }

                    if (ResponseDiscovery.DerivesFrom(parameter.Type, types.HttpContext))
                    {
                        return parameter.Name + ".Response";
                    }

                    if (ResponseDiscovery.DerivesFrom(parameter.Type, types.HttpResponse))
                    {
                        return parameter.Name;
                    }
                }

                if (function is BaseMethodDeclarationSyntax && !symbol.IsStatic && ResponseDiscovery.DerivesFrom(symbol.ContainingType, types.ControllerBase))
                {
                    return "Response";
                }
            }

            return null;
        }

        /// <summary><c>response.Headers["X-RateLimit-Reset"] = "TODO"; // TODO: an integer: Unix time …</c></summary>
        private static StatementSyntax HeaderStatement(string response, DocumentedHeader header)
        {
            var comment = "// TODO: " + header.ValueDescription.Replace("\r", " ").Replace("\n", " ");
            var statement = SyntaxFactory.ParseStatement(response + ".Headers[\"" + header.Name + "\"] = \"TODO\";");
            return statement
                .WithTrailingTrivia(SyntaxFactory.Space, SyntaxFactory.Comment(comment), SyntaxFactory.ElasticCarriageReturnLineFeed)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>One header to set: the block it goes in and the statement it goes before (or the function whose expression body becomes a block).</summary>
        private sealed class Insertion
        {
            public Insertion(SyntaxNode target, StatementSyntax? anchor, string header, StatementSyntax statement)
            {
                Target = target;
                Anchor = anchor;
                Header = header;
                Statement = statement;
            }

            public SyntaxNode Target { get; }

            public StatementSyntax? Anchor { get; }

            public string Header { get; }

            public StatementSyntax Statement { get; }
        }
    }
}
