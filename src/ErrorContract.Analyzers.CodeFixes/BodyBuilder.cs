using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ErrorContract.Analyzers.CodeFixes.Internals;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using ErrorContract.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>
    /// Writes an error body for one status: the contract's fields in documented order, with the values the code
    /// already had where it had them, the documented error code, the text the code meant as the message, the
    /// contract's default message otherwise, and a TODO placeholder (that compiles) for values nobody can know.
    /// The body is an instance of the project's own error type when one has the contract's JSON shape, else an
    /// anonymous object.
    /// </summary>
    internal sealed partial class BodyBuilder
    {
        /// <summary>Disallowed properties whose text is what the code meant as the message.</summary>
        private static readonly string[] MessageCandidates = { "detail", "title", "description", "reason", "msg", "errorMessage", "error_description", "error" };

        /// <summary>Marks a value the fix wrote instead of the one in source (a wrong code, a value of the wrong type).</summary>
        private static readonly SyntaxAnnotation Replaced = new SyntaxAnnotation("EC0002.Replaced");

        private readonly FixContext context;
        private readonly ErrorBodyExpectation expected;
        private readonly int position;
        private readonly bool declaredNames;

        /// <param name="context">The document's fix context.</param>
        /// <param name="expected">The body the contract documents for the status.</param>
        /// <param name="position">Where the body is written (the project's error type must be accessible there).</param>
        /// <param name="declaredNames">
        /// The body is serialized without a naming policy (<c>JsonSerializer.Serialize(x)</c>): its names are the C# names, so
        /// the fix writes an anonymous object, never the project's error type (whose names are camelCase only in ASP.NET Core).
        /// </param>
        public BodyBuilder(FixContext context, ErrorBodyExpectation expected, int position, bool declaredNames = false)
        {
            this.context = context;
            this.expected = expected;
            this.position = position;
            this.declaredNames = declaredNames;
        }

        public bool IsMessageCandidate(BodyMember member) =>
            Array.IndexOf(MessageCandidates, member.JsonName) >= 0 && !expected.IsAllowed(member.JsonName);

        /// <summary>
        /// The body for the status, from an existing object body (may be null), the message the code meant (may be null) and
        /// the contract's validation list made from the errors the code sent (may be null).
        /// </summary>
        public ExpressionSyntax? Build(ResponseBody? existing, ExpressionSyntax? message, ExpressionSyntax? validationErrors = null)
        {
            var fields = Fields(existing, message, validationErrors);
            if (fields == null)
            {
                return null;
            }

            return ProjectErrorType(fields) is (INamedTypeSymbol type, IMethodSymbol constructor)
                ? Construct(type, constructor, fields)
                : Anonymous(fields);
        }

        /// <summary>True when the fix writes the project's error type for this body rather than editing the anonymous object.</summary>
        public bool HasProjectErrorType(ResponseBody existing)
        {
            var fields = Fields(existing, null);
            return fields != null && ProjectErrorType(fields) != null;
        }

        /// <summary>Edits an anonymous body in place: disallowed members removed, a wrong code replaced, missing members appended.</summary>
        public AnonymousObjectCreationExpressionSyntax? EditAnonymous(AnonymousObjectCreationExpressionSyntax syntax, ResponseBody body)
        {
            var fields = Fields(body, null);
            if (fields == null)
            {
                return null;
            }

            var values = fields.ToDictionary(f => f.Name, f => f.Value);
            var kept = new List<AnonymousObjectMemberDeclaratorSyntax>();
            var present = new HashSet<string>();
            foreach (var declarator in syntax.Initializers)
            {
                var name = MemberName(declarator);
                if (name == null)
                {
                    return null;
                }

                if (!expected.IsAllowed(name))
                {
                    continue;
                }

                present.Add(name);
                var value = values.TryGetValue(name, out var v) ? v : null;
                if (value != null && value.HasAnnotation(Replaced))
                {
                    var replacement = value.GetLeadingTrivia().Any(SyntaxKind.MultiLineCommentTrivia) ? value : value.WithLeadingTrivia(declarator.Expression.GetLeadingTrivia());
                    kept.Add(declarator.WithExpression(replacement.WithTrailingTrivia(declarator.Expression.GetTrailingTrivia())));
                }
                else
                {
                    kept.Add(declarator);
                }
            }

            var originalCount = kept.Count;
            foreach (var field in fields)
            {
                if (!present.Contains(field.Name))
                {
                    var declarator = AnonymousMember(field.Name, field.Value);
                    if (declarator == null)
                    {
                        return null;
                    }

                    kept.Add(declarator);
                }
            }

            return syntax.WithInitializers(Join(syntax.Initializers, kept, originalCount));
        }

        /// <summary>
        /// A validation item as the contract documents it: <c>new { field, message }</c> completed with the item fields it
        /// lacks, members the contract does not list removed. Null when nothing changes or a member's name is unknown.
        /// </summary>
        public AnonymousObjectCreationExpressionSyntax? CompleteItem(AnonymousObjectCreationExpressionSyntax syntax, ResponseBody item, IEnumerable<string> itemFields)
        {
            var allowed = new List<string>(itemFields);
            var members = new List<AnonymousObjectMemberDeclaratorSyntax>();
            var present = new HashSet<string>();
            var removed = false;
            foreach (var declarator in syntax.Initializers)
            {
                var name = MemberName(declarator);
                if (name == null)
                {
                    return null;
                }

                if (!allowed.Contains(name))
                {
                    removed = true;
                    continue;
                }

                present.Add(name);
                members.Add(declarator);
            }

            var keptCount = members.Count;
            foreach (var field in allowed)
            {
                if (!present.Contains(field) && item.Find(field) == null)
                {
                    var declarator = AnonymousMember(field, Placeholder(field, BodyFieldType.String));
                    if (declarator == null)
                    {
                        return null;
                    }

                    members.Add(declarator);
                }
            }

            return !removed && members.Count == keptCount ? null : syntax.WithInitializers(Join(syntax.Initializers, members, keptCount));
        }

        // ---- the fields and their values ----

        private List<(string Name, ExpressionSyntax Value)>? Fields(ResponseBody? existing, ExpressionSyntax? message, ExpressionSyntax? validationErrors = null)
        {
            var shape = expected.Shape;
            var names = new List<string>();
            foreach (var field in shape.Fields)
            {
                if (expected.IsAllowed(field.Name))
                {
                    names.Add(field.Name);
                }
            }

            foreach (var name in expected.RequiredFields)
            {
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }

            var result = new List<(string, ExpressionSyntax)>();
            foreach (var name in names)
            {
                var member = existing?.Find(name) ?? (declaredNames ? FindDeclared(existing, name) : null);
                ExpressionSyntax? value = null;
                if (member != null)
                {
                    if (!(member.Value?.Syntax is ExpressionSyntax written))
                    {
                        return null;
                    }

                    var documented = expected.Field(name)?.Type;
                    if (name == shape.CodeField && expected.ErrorCode != null && member.ConstantString != null && !expected.ErrorCodes.Contains(member.ConstantString))
                    {
                        value = SyntaxHelpers.StringLiteral(expected.ErrorCode).WithAdditionalAnnotations(Replaced);
                    }
                    else if (documented is BodyFieldType type && member.JsonType is BodyFieldType actual && !ErrorBodyRules.IsCompatible(actual, type))
                    {
                        value = (name == shape.CodeField && CodeLiteral(expected.ErrorCode, type) is ExpressionSyntax code ? code : Convert(member, name, type))
                            .WithAdditionalAnnotations(Replaced);
                    }
                    else
                    {
                        value = Clean(written);
                    }
                }
                else if (expected.RequiredFields.Contains(name))
                {
                    value = DefaultValue(name, existing, message);
                }
                else if (validationErrors != null && expected.AllowsValidation && name == shape.Validation?.Field)
                {
                    value = validationErrors;
                }

                if (value != null)
                {
                    result.Add((name, value));
                }
            }

            return result;
        }

        /// <summary>The member written as declared whose camelCase name is <paramref name="name"/> (<c>Message</c> for <c>message</c>).</summary>
        private static BodyMember? FindDeclared(ResponseBody? existing, string name)
        {
            foreach (var member in existing?.Members ?? ImmutableArray<BodyMember>.Empty)
            {
                if (JsonShape.CamelCase(member.JsonName) == name)
                {
                    return member;
                }
            }

            return null;
        }

        /// <summary>The status's documented code as a literal of the code field's type, or null when there is none.</summary>
        private static ExpressionSyntax? CodeLiteral(string? code, BodyFieldType type)
        {
            if (code == null)
            {
                return null;
            }

            if (type == BodyFieldType.Integer)
            {
                return int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? SyntaxHelpers.IntLiteral(number) : null;
            }

            return type == BodyFieldType.String ? SyntaxHelpers.StringLiteral(code) : null;
        }

        /// <summary>A value of the documented type: <c>"45"</c> → <c>45</c>, <c>404</c> → <c>"404"</c>, else a placeholder.</summary>
        private static ExpressionSyntax Convert(BodyMember member, string name, BodyFieldType type)
        {
            var constant = member.Value != null && member.Value.ConstantValue.HasValue ? member.Value.ConstantValue.Value : null;
            if (type == BodyFieldType.Integer && constant is string text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return SyntaxHelpers.IntLiteral(number);
            }

            if (type == BodyFieldType.String && constant != null && !(constant is bool))
            {
                return SyntaxHelpers.StringLiteral(System.Convert.ToString(constant, CultureInfo.InvariantCulture) ?? string.Empty);
            }

            return Placeholder(name, type);
        }

        private ExpressionSyntax DefaultValue(string name, ResponseBody? existing, ExpressionSyntax? message)
        {
            var shape = expected.Shape;
            var entry = expected.DefaultsEntry;
            if (name == shape.CodeField)
            {
                return entry?.ErrorCode != null ? SyntaxHelpers.StringLiteral(entry.ErrorCode) : Placeholder(name, BodyFieldType.String);
            }

            if (name == shape.MessageField)
            {
                if (message != null)
                {
                    return message;
                }

                if (existing != null)
                {
                    foreach (var candidate in existing.Members)
                    {
                        if (IsMessageCandidate(candidate) && candidate.Value?.Syntax is ExpressionSyntax text && candidate.Value.Type?.SpecialType == SpecialType.System_String)
                        {
                            return Clean(text);
                        }
                    }
                }

                var defaultMessage = entry?.Message ?? entry?.Description;
                return defaultMessage != null ? SyntaxHelpers.StringLiteral(defaultMessage) : Placeholder(name, BodyFieldType.String);
            }

            return Placeholder(name, expected.Field(name)?.Type ?? BodyFieldType.String);
        }

        /// <summary>A value that compiles and leads the developer to what must be filled in, never a silent guess.</summary>
        private static ExpressionSyntax Placeholder(string name, BodyFieldType type)
        {
            var isRetry = name.IndexOf("retry", StringComparison.OrdinalIgnoreCase) >= 0;
            var comment = isRetry ? "/* TODO: seconds until the client may retry */" : "/* TODO: " + name + " */";
            var value = type switch
            {
                BodyFieldType.Integer => SyntaxHelpers.IntLiteral(isRetry ? 60 : 0),
                BodyFieldType.Number => SyntaxHelpers.IntLiteral(0),
                BodyFieldType.Boolean => SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression),
                BodyFieldType.Array => SyntaxFactory.ParseExpression("new object[0]"),
                BodyFieldType.Object => SyntaxFactory.ParseExpression("new { }"),
                _ => SyntaxHelpers.StringLiteral(string.Empty),
            };
            return value.WithLeadingTrivia(SyntaxFactory.Comment(comment), SyntaxFactory.Space);
        }

        /// <summary>The expression without surrounding whitespace and line breaks (comments stay).</summary>
        private static ExpressionSyntax Clean(ExpressionSyntax expression)
        {
            static IEnumerable<SyntaxTrivia> Keep(SyntaxTriviaList list) =>
                list.Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));

            var leading = Keep(expression.GetLeadingTrivia()).SelectMany(t => new[] { t, SyntaxFactory.Space }).ToList();
            var trailing = Keep(expression.GetTrailingTrivia()).SelectMany(t => new[] { SyntaxFactory.Space, t }).ToList();
            return expression.WithLeadingTrivia(leading).WithTrailingTrivia(trailing);
        }

        // ---- the project's error type ----

        private (INamedTypeSymbol Type, IMethodSymbol Constructor)? ProjectErrorType(List<(string Name, ExpressionSyntax Value)> fields)
        {
            (INamedTypeSymbol Type, IMethodSymbol Constructor)? best = null;
            if (declaredNames)
            {
                return best;
            }

            var bestScore = int.MaxValue;
            var written = new HashSet<string>(fields.Select(f => f.Name));
            foreach (var (type, properties) in context.CandidateErrorTypes)
            {
                if (!context.Model.IsAccessible(position, type))
                {
                    continue;
                }

                var jsonNames = new HashSet<string>(properties.Select(p => p.JsonName));
                if (!written.IsSubsetOf(jsonNames) || jsonNames.Any(n => !expected.IsAllowed(n)))
                {
                    continue;
                }

                var constructor = ChooseConstructor(type, properties, written);
                if (constructor == null)
                {
                    continue;
                }

                var score = (jsonNames.Count - written.Count) * 4 + (type.Name.IndexOf("Error", StringComparison.Ordinal) >= 0 ? 0 : 2);
                if (best == null || score < bestScore || (score == bestScore && string.CompareOrdinal(type.ToDisplayString(), best.Value.Type.ToDisplayString()) < 0))
                {
                    best = (type, constructor);
                    bestScore = score;
                }
            }

            return best;
        }

        /// <summary>A public constructor whose parameters all map to written fields, the rest settable; the widest such one.</summary>
        private IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, IReadOnlyList<JsonMember> properties, HashSet<string> written)
        {
            IMethodSymbol? chosen = null;
            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.DeclaredAccessibility != Accessibility.Public || (chosen != null && constructor.Parameters.Length <= chosen.Parameters.Length))
                {
                    continue;
                }

                var covered = new HashSet<string>();
                var ok = true;
                foreach (var parameter in constructor.Parameters)
                {
                    var property = properties.FirstOrDefault(p => string.Equals(p.Member.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                    if (property.Member == null || !written.Contains(property.JsonName) || constructor.Parameters.Length == 1 && type.IsRecord && SymbolEqualityComparer.Default.Equals(parameter.Type, type))
                    {
                        ok = false;
                        break;
                    }

                    covered.Add(property.JsonName);
                }

                foreach (var property in properties)
                {
                    if (ok && written.Contains(property.JsonName) && !covered.Contains(property.JsonName)
                        && !(property.Member is IPropertySymbol { SetMethod: { DeclaredAccessibility: Accessibility.Public } }))
                    {
                        ok = false;
                    }
                }

                if (ok)
                {
                    chosen = constructor;
                }
            }

            return chosen;
        }

        private ExpressionSyntax Construct(INamedTypeSymbol type, IMethodSymbol constructor, List<(string Name, ExpressionSyntax Value)> fields)
        {
            var properties = JsonShape.GetProperties(type, context.Types)!;
            var values = fields.ToDictionary(f => f.Name, f => f.Value);
            var arguments = new List<ArgumentSyntax>();
            var covered = new HashSet<string>();
            foreach (var parameter in constructor.Parameters)
            {
                var property = properties.First(p => string.Equals(p.Member.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                covered.Add(property.JsonName);
                arguments.Add(SyntaxFactory.Argument(values[property.JsonName]));
            }

            var assignments = new List<ExpressionSyntax>();
            foreach (var property in properties)
            {
                if (values.TryGetValue(property.JsonName, out var value) && !covered.Contains(property.JsonName))
                {
                    assignments.Add(SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.IdentifierName(property.Member.Name).WithTrailingTrivia(SyntaxFactory.Space),
                        SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
                        value));
                }
            }

            var typeSyntax = SyntaxFactory.ParseTypeName(type.ToMinimalDisplayString(context.Model, position));
            var creation = SyntaxFactory.ObjectCreationExpression(
                SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                typeSyntax,
                arguments.Count > 0 || assignments.Count == 0 ? SyntaxFactory.ArgumentList(CommaList(arguments)) : null,
                null);
            if (assignments.Count > 0)
            {
                creation = creation
                    .WithType(arguments.Count > 0 ? typeSyntax : typeSyntax.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithInitializer(SyntaxFactory.InitializerExpression(
                        SyntaxKind.ObjectInitializerExpression,
                        SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(arguments.Count > 0 ? SyntaxFactory.Space : default(SyntaxTrivia)).WithTrailingTrivia(SyntaxFactory.Space),
                        CommaList(assignments),
                        SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space)));
            }

            return creation;
        }

        // ---- anonymous objects ----

        private static ExpressionSyntax? Anonymous(List<(string Name, ExpressionSyntax Value)> fields)
        {
            var members = new List<AnonymousObjectMemberDeclaratorSyntax>();
            foreach (var (name, value) in fields)
            {
                var member = AnonymousMember(name, value);
                if (member == null)
                {
                    return null;
                }

                members.Add(member);
            }

            return SyntaxFactory.AnonymousObjectCreationExpression(
                SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.Space),
                CommaList(members),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space));
        }

        /// <summary><c>name = value</c>, when System.Text.Json writes that C# name as <paramref name="jsonName"/>.</summary>
        private static AnonymousObjectMemberDeclaratorSyntax? AnonymousMember(string jsonName, ExpressionSyntax value)
        {
            if (!SyntaxFacts.IsValidIdentifier(jsonName) || JsonShape.CamelCase(jsonName) != jsonName)
            {
                return null;
            }

            // Reserved keywords need '@' ('class'); contextual ones ('type', 'param') are names, but for 'await' in async code.
            var identifier = SyntaxFacts.GetKeywordKind(jsonName) != SyntaxKind.None || jsonName == "await"
                ? SyntaxFactory.Identifier("@" + jsonName)
                : SyntaxFactory.Identifier(jsonName);
            return SyntaxFactory.AnonymousObjectMemberDeclarator(
                SyntaxFactory.NameEquals(
                    SyntaxFactory.IdentifierName(identifier).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space)),
                value);
        }

        private string? MemberName(AnonymousObjectMemberDeclaratorSyntax declarator)
        {
            var symbol = context.Model.GetDeclaredSymbol(declarator);
            return symbol == null ? null : declaredNames ? symbol.Name : JsonShape.CamelCase(symbol.Name);
        }

        private static SeparatedSyntaxList<T> CommaList<T>(IEnumerable<T> nodes)
            where T : SyntaxNode
        {
            var list = nodes.ToList();
            var separators = Enumerable.Range(0, Math.Max(0, list.Count - 1)).Select(_ => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            return SyntaxFactory.SeparatedList(list, separators);
        }

        /// <summary>The whitespace after the last line break of a leading trivia (comments are not copied).</summary>
        private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
        {
            var result = new List<SyntaxTrivia>();
            foreach (var trivia in leading)
            {
                if (trivia.IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    result.Add(trivia);
                }
                else
                {
                    result.Clear();
                }
            }

            return SyntaxFactory.TriviaList(result);
        }

        /// <summary>
        /// The new member list laid out like the original: original separators reused, appended members indented
        /// like the last kept one, and the original last member's trailing trivia (a line break before <c>}</c>) kept last.
        /// </summary>
        private static SeparatedSyntaxList<AnonymousObjectMemberDeclaratorSyntax> Join(
            SeparatedSyntaxList<AnonymousObjectMemberDeclaratorSyntax> original,
            List<AnonymousObjectMemberDeclaratorSyntax> members,
            int keptCount)
        {
            if (members.Count == 0)
            {
                return default;
            }

            var multiline = original.GetWithSeparators().Any(e => e.GetTrailingTrivia().Any(SyntaxKind.EndOfLineTrivia) || e.GetLeadingTrivia().Any(SyntaxKind.EndOfLineTrivia));
            var lastTrailing = original.Count > 0 ? original[original.Count - 1].GetTrailingTrivia() : default;
            var indentation = Indentation(keptCount > 0 ? members[keptCount - 1].GetLeadingTrivia() : original.Count > 0 ? original[0].GetLeadingTrivia() : default);
            var separator = original.SeparatorCount > 0
                ? original.GetSeparator(0)
                : multiline
                    ? SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
                    : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);

            var nodes = new List<AnonymousObjectMemberDeclaratorSyntax>();
            for (var i = 0; i < members.Count; i++)
            {
                var member = members[i];
                if (i >= keptCount && multiline)
                {
                    member = member.WithLeadingTrivia(indentation);
                }

                if (i < members.Count - 1 && member.GetTrailingTrivia().All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)))
                {
                    member = member.WithTrailingTrivia();
                }

                if (i == members.Count - 1)
                {
                    member = member.WithTrailingTrivia(lastTrailing);
                }

                nodes.Add(member);
            }

            var separators = new List<SyntaxToken>();
            for (var i = 0; i < nodes.Count - 1; i++)
            {
                separators.Add(i < original.SeparatorCount && i < keptCount - 1 ? original.GetSeparator(i) : separator);
            }

            if (original.Count > 0 && original.SeparatorCount == original.Count)
            {
                // A trailing comma (and the line break after it) stays last.
                separators.Add(original.GetSeparator(original.SeparatorCount - 1));
            }

            return SyntaxFactory.SeparatedList(nodes, separators);
        }
    }
}
