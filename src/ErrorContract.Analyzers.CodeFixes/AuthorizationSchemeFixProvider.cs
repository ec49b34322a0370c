using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes.Internals;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>
    /// EC0003: rewrites the key's header value to the contract. Where the scheme is none, drops the scheme
    /// (<c>new AuthenticationHeaderValue("Bearer", key)</c> → <c>new AuthenticationHeaderValue(key)</c>,
    /// <c>"Bearer " + key</c> → <c>key</c>, <c>header.Substring("Bearer ".Length)</c> → <c>header</c>); where it
    /// is a word, adds it (<c>key</c> → <c>$"Bearer {key}"</c>, <c>$"Token {key}"</c>) or puts it in place of another
    /// word (<c>"Basic " + key</c> → <c>"Token " + key</c>); a key sent in a forbidden header gets the documented
    /// header's name (<c>headers.Add("Authorization", key)</c> → <c>headers.Add("X-API-Key", key)</c>). Sites with no
    /// safe rewrite get no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AuthorizationSchemeFixProvider))]
    [Shared]
    public sealed class AuthorizationSchemeFixProvider : CodeFixProvider
    {
        /// <summary>
        /// One key for every EC0003 rewrite, so that Fix All (and dotnet format, which runs Fix All with the
        /// key of the first fix it finds) rewrites every fixable EC0003 in one pass.
        /// </summary>
        public const string EquivalenceKey = "EC0003.UseContractScheme";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.AuthorizationScheme);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var kind = DiagnosticPropertyReader.GetString(diagnostic, DiagnosticProperties.AuthorizationFix);
                if (kind == null)
                {
                    continue;
                }

                var node = SyntaxHelpers.FindReportedNode(root, diagnostic.Location.SourceSpan);
                var word = DiagnosticPropertyReader.GetString(diagnostic, DiagnosticProperties.AuthorizationScheme) ?? AuthorizationDiscovery.BearerWord;
                var headerName = DiagnosticPropertyReader.GetString(diagnostic, DiagnosticProperties.AuthorizationHeader);
                var rewrite = Rewrite(kind, node, model, word, headerName, context.CancellationToken);
                if (rewrite == null)
                {
                    continue;
                }

                var (oldNode, newNode) = rewrite.Value;
                var (title, key) = Describe(kind, word, headerName);
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        ct => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode))),
                        key),
                    diagnostic);
            }
        }

        private static (string Title, string Key) Describe(string kind, string word, string? headerName)
        {
            switch (kind)
            {
                case DiagnosticProperties.AuthorizationFixes.RemoveSchemeArgument:
                    return ("Send the key without a scheme", EquivalenceKey);
                case DiagnosticProperties.AuthorizationFixes.RemovePrefix:
                    return ("Send the key without a scheme prefix", EquivalenceKey);
                case DiagnosticProperties.AuthorizationFixes.RemoveParsing:
                    return ("Read the whole header as the key", EquivalenceKey);
                case DiagnosticProperties.AuthorizationFixes.AddSchemeArgument:
                    return ("Send the key with the " + word + " scheme", EquivalenceKey);
                case DiagnosticProperties.AuthorizationFixes.ReplaceScheme:
                    return ("Use the " + word + " scheme", EquivalenceKey);
                case DiagnosticProperties.AuthorizationFixes.RenameHeader:
                    return ("Use the " + headerName + " header", EquivalenceKey);
                default:
                    return ("Send the key with the " + word + " prefix", EquivalenceKey);
            }
        }

        /// <summary>The node to replace and its replacement, or null when the code is not in a form the fix can rewrite safely.</summary>
        private static (SyntaxNode Old, SyntaxNode New)? Rewrite(string kind, SyntaxNode node, SemanticModel model, string word, string? headerName, CancellationToken cancellationToken)
        {
            switch (kind)
            {
                case DiagnosticProperties.AuthorizationFixes.RemoveSchemeArgument:
                    return RemoveSchemeArgument(node);
                case DiagnosticProperties.AuthorizationFixes.RemovePrefix:
                    return RemovePrefix(node, model, cancellationToken);
                case DiagnosticProperties.AuthorizationFixes.RemoveParsing:
                    if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
                    {
                        return (node, access.Expression.WithTriviaFrom(node));
                    }

                    return null;
                case DiagnosticProperties.AuthorizationFixes.AddSchemeArgument:
                    return AddSchemeArgument(node, word);
                case DiagnosticProperties.AuthorizationFixes.AddPrefix:
                    return AddPrefix(node, word);
                case DiagnosticProperties.AuthorizationFixes.ReplaceScheme:
                    return ReplaceScheme(node, model, word, cancellationToken);
                case DiagnosticProperties.AuthorizationFixes.RenameHeader:
                    return headerName == null ? null : RenameHeader(node, headerName);
                default:
                    return null;
            }
        }

        private static (SyntaxNode, SyntaxNode)? RemoveSchemeArgument(SyntaxNode node)
        {
            if (!(node is BaseObjectCreationExpressionSyntax creation) || creation.ArgumentList is not { Arguments.Count: 2 } list)
            {
                return null;
            }

            var scheme = list.Arguments[0];
            var parameter = list.Arguments[1];
            if (parameter.NameColon != null)
            {
                parameter = parameter.WithNameColon(null);
            }

            parameter = parameter.WithLeadingTrivia(scheme.GetLeadingTrivia());
            var newList = list.WithArguments(SyntaxFactory.SingletonSeparatedList(parameter));
            return (list, newList);
        }

        private static (SyntaxNode, SyntaxNode)? AddSchemeArgument(SyntaxNode node, string word)
        {
            if (!(node is BaseObjectCreationExpressionSyntax creation) || creation.ArgumentList is not { Arguments.Count: 1 } list)
            {
                return null;
            }

            var key = list.Arguments[0];
            var scheme = SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(word)))
                .WithLeadingTrivia(key.GetLeadingTrivia());
            var parameter = key.WithNameColon(null).WithLeadingTrivia(SyntaxFactory.Space);
            var newList = list.WithArguments(SyntaxFactory.SeparatedList(
                new[] { scheme, parameter },
                new[] { SyntaxFactory.Token(SyntaxKind.CommaToken) }));
            return (list, newList);
        }

        private static (SyntaxNode, SyntaxNode)? RemovePrefix(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            if (node is BinaryExpressionSyntax)
            {
                // "Bearer " + key, or ("Bearer " + key) + rest: drop the constant on the left spine.
                var current = node;
                while (current is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    var left = model.GetConstantValue(binary.Left, cancellationToken);
                    if (left.HasValue && left.Value is string text && AuthorizationDiscovery.IsSchemePrefixOnly(text))
                    {
                        return (binary, binary.Right.WithTriviaFrom(binary));
                    }

                    if (left.HasValue)
                    {
                        return null;
                    }

                    current = binary.Left;
                }

                return null;
            }

            if (!(node is InterpolatedStringExpressionSyntax interpolated)
                || interpolated.Contents.Count == 0
                || !(interpolated.Contents[0] is InterpolatedStringTextSyntax first))
            {
                return null;
            }

            var token = first.TextToken;
            var length = AuthorizationDiscovery.SchemePrefixLength(token.Text);
            if (length == 0 || token.ValueText.Length < length)
            {
                return null;
            }

            var rest = token.Text.Substring(length);
            var contents = interpolated.Contents;
            if (rest.Length == 0
                && contents.Count == 2
                && contents[1] is InterpolationSyntax { AlignmentClause: null, FormatClause: null } only
                && model.GetTypeInfo(only.Expression, cancellationToken).Type?.SpecialType == SpecialType.System_String)
            {
                // $"Bearer {key}" → key
                var expression = only.Expression.WithoutTrivia();
                if (!IsPrimary(expression))
                {
                    expression = SyntaxFactory.ParenthesizedExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation);
                }

                return (interpolated, expression.WithTriviaFrom(interpolated));
            }

            if (rest.Length == 0)
            {
                contents = contents.RemoveAt(0);
            }
            else
            {
                var newToken = SyntaxFactory.Token(token.LeadingTrivia, SyntaxKind.InterpolatedStringTextToken, rest, token.ValueText.Substring(length), token.TrailingTrivia);
                contents = contents.Replace(first, first.WithTextToken(newToken));
            }

            if (contents.Count == 0)
            {
                return null;
            }

            return (interpolated, interpolated.WithContents(contents));
        }

        private static (SyntaxNode, SyntaxNode)? AddPrefix(SyntaxNode node, string word)
        {
            if (!(node is ExpressionSyntax expression))
            {
                return null;
            }

            if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                var token = literal.Token;
                string text;
                if (token.Text.StartsWith("\"", System.StringComparison.Ordinal) && !token.Text.StartsWith("\"\"\"", System.StringComparison.Ordinal))
                {
                    text = "\"" + word + " " + token.Text.Substring(1);
                }
                else if (token.Text.StartsWith("@\"", System.StringComparison.Ordinal))
                {
                    text = "@\"" + word + " " + token.Text.Substring(2);
                }
                else
                {
                    return null;
                }

                var newToken = SyntaxFactory.Token(token.LeadingTrivia, SyntaxKind.StringLiteralToken, text, word + " " + token.ValueText, token.TrailingTrivia);
                return (literal, literal.WithToken(newToken));
            }

            if (expression is InterpolatedStringExpressionSyntax interpolated)
            {
                var start = interpolated.StringStartToken;
                if (!start.IsKind(SyntaxKind.InterpolatedStringStartToken) && !start.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken))
                {
                    return null;
                }

                var contents = interpolated.Contents;
                if (contents.Count > 0 && contents[0] is InterpolatedStringTextSyntax first)
                {
                    var token = first.TextToken;
                    var newToken = SyntaxFactory.Token(
                        token.LeadingTrivia,
                        SyntaxKind.InterpolatedStringTextToken,
                        word + " " + token.Text,
                        word + " " + token.ValueText,
                        token.TrailingTrivia);
                    contents = contents.Replace(first, first.WithTextToken(newToken));
                }
                else
                {
                    contents = contents.Insert(0, PrefixText(word));
                }

                return (interpolated, interpolated.WithContents(contents));
            }

            var inner = expression.WithoutTrivia();
            if (inner is ConditionalExpressionSyntax || inner.DescendantTokens().Any(t => t.IsKind(SyntaxKind.ColonColonToken)))
            {
                inner = SyntaxFactory.ParenthesizedExpression(inner);
            }

            var result = SyntaxFactory.InterpolatedStringExpression(
                    SyntaxFactory.Token(SyntaxKind.InterpolatedStringStartToken),
                    SyntaxFactory.List(new InterpolatedStringContentSyntax[] { PrefixText(word), SyntaxFactory.Interpolation(inner) }),
                    SyntaxFactory.Token(SyntaxKind.InterpolatedStringEndToken))
                .WithTriviaFrom(expression)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return (expression, result);
        }

        private static InterpolatedStringTextSyntax PrefixText(string word)
        {
            var text = word + " ";
            return SyntaxFactory.InterpolatedStringText(
                SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, text, text, default));
        }

        /// <summary>
        /// <c>new AuthenticationHeaderValue("Basic", key)</c> → <c>("Token", key)</c>; <c>"Basic " + key</c> → <c>"Token " + key</c>;
        /// <c>$"Basic {key}"</c> → <c>$"Token {key}"</c>: the written word, and only it, becomes the documented one.
        /// </summary>
        private static (SyntaxNode, SyntaxNode)? ReplaceScheme(SyntaxNode node, SemanticModel model, string word, CancellationToken cancellationToken)
        {
            if (node is BaseObjectCreationExpressionSyntax { ArgumentList: { Arguments.Count: 2 } list })
            {
                return list.Arguments[0].Expression is LiteralExpressionSyntax literal ? ReplaceLeadingWord(literal, word, wholeWord: true) : null;
            }

            if (node is BinaryExpressionSyntax)
            {
                var current = node;
                while (current is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    var left = model.GetConstantValue(binary.Left, cancellationToken);
                    if (left.HasValue && left.Value is string text && AuthorizationDiscovery.IsSchemePrefixOnly(text))
                    {
                        return binary.Left is LiteralExpressionSyntax literal ? ReplaceLeadingWord(literal, word, wholeWord: false) : null;
                    }

                    if (left.HasValue)
                    {
                        return null;
                    }

                    current = binary.Left;
                }

                return null;
            }

            if (node is InterpolatedStringExpressionSyntax { Contents.Count: > 0 } interpolated
                && interpolated.Contents[0] is InterpolatedStringTextSyntax first)
            {
                var token = first.TextToken;
                var length = AuthorizationDiscovery.TokenLength(token.Text);
                if (length == 0 || AuthorizationDiscovery.SchemePrefixLength(token.Text) == 0 || token.ValueText.Length < length)
                {
                    return null;
                }

                var newToken = SyntaxFactory.Token(
                    token.LeadingTrivia,
                    SyntaxKind.InterpolatedStringTextToken,
                    word + token.Text.Substring(length),
                    word + token.ValueText.Substring(length),
                    token.TrailingTrivia);
                return (first, first.WithTextToken(newToken));
            }

            return null;
        }

        /// <summary>A regular string literal whose text starts with a word (<c>"Basic"</c>, <c>"Basic "</c>): that word replaced.</summary>
        private static (SyntaxNode, SyntaxNode)? ReplaceLeadingWord(LiteralExpressionSyntax literal, string word, bool wholeWord)
        {
            var token = literal.Token;
            if (!literal.IsKind(SyntaxKind.StringLiteralExpression) || !token.Text.StartsWith("\"", System.StringComparison.Ordinal) || token.Text.StartsWith("\"\"\"", System.StringComparison.Ordinal))
            {
                return null;
            }

            var value = token.ValueText;
            var length = AuthorizationDiscovery.TokenLength(value);
            if (length == 0 || (wholeWord && length != value.Length) || token.Text.Substring(1, length) != value.Substring(0, length))
            {
                return null;
            }

            var newToken = SyntaxFactory.Token(token.LeadingTrivia, SyntaxKind.StringLiteralToken, "\"" + word + token.Text.Substring(1 + length), word + value.Substring(length), token.TrailingTrivia);
            return (literal, literal.WithToken(newToken));
        }

        /// <summary>The header's name, a regular string literal, becomes the documented header's (<c>"Authorization"</c> → <c>"X-API-Key"</c>).</summary>
        private static (SyntaxNode, SyntaxNode)? RenameHeader(SyntaxNode node, string headerName)
        {
            if (node is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                || !literal.Token.Text.StartsWith("\"", System.StringComparison.Ordinal)
                || literal.Token.Text.StartsWith("\"\"\"", System.StringComparison.Ordinal))
            {
                return null;
            }

            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(headerName)).WithTriviaFrom(literal);
            return (literal, replacement);
        }

        private static bool IsPrimary(ExpressionSyntax expression)
        {
            return expression is IdentifierNameSyntax
                || expression is MemberAccessExpressionSyntax
                || expression is InvocationExpressionSyntax
                || expression is ElementAccessExpressionSyntax
                || expression is ParenthesizedExpressionSyntax
                || expression is LiteralExpressionSyntax
                || expression is ThisExpressionSyntax;
        }
    }
}
