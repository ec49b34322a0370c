using System;
using System.Collections.Generic;
using System.Globalization;
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
    /// Bodies of a contract that uses the nested language (<see cref="ErrorBodyExpectation.Nested"/>): nested anonymous
    /// objects with the first code of the status at the code path, the message at the message path, constants and the
    /// status where the contract fixes them, TODO placeholders for free values. Members the code wrote at a level where the
    /// contract does not allow them move into the nested object that is being written when it allows them there (a flat
    /// <c>new { type, message }</c> becomes <c>new { error = new { type, message } }</c>). A required value that cannot be
    /// known (an enum field other than the code, a code the contract does not give) gets no fix rather than a guess.
    /// </summary>
    internal sealed partial class BodyBuilder
    {
        private const int MaxNestedDepth = 8;

        /// <summary>The whole body for the status, with <paramref name="message"/> (may be null) as its message; null when no right body can be written.</summary>
        public ExpressionSyntax? BuildNested(ExpressionSyntax? message)
        {
            return expected.Nested == null ? null : BuildObject(expected.Nested, 0, true, true, message, new Leftovers());
        }

        /// <summary>
        /// An anonymous body edited in place, at every level of nested anonymous objects: fields not allowed removed (their
        /// values carried into a nested object written anew when it allows them), missing ones added, a wrong code, constant
        /// or status replaced. Null when nothing changes or no right edit exists.
        /// </summary>
        public AnonymousObjectCreationExpressionSyntax? EditNested(AnonymousObjectCreationExpressionSyntax syntax, ResponseBody body)
        {
            if (expected.Nested == null)
            {
                return null;
            }

            var changed = false;
            var edited = EditObject(syntax, body, expected.Nested, 0, true, true, new Leftovers(), ref changed);
            return changed ? edited : null;
        }

        private ExpressionSyntax? BuildObject(ObjectExpectation expectation, int depth, bool onCodePath, bool onMessagePath, ExpressionSyntax? message, Leftovers leftovers)
        {
            var fields = new List<(string Name, ExpressionSyntax Value)>();
            foreach (var name in expectation.Required)
            {
                var field = expectation.Field(name);
                var value = field == null ? null : NewValue(field, expectation, depth, onCodePath, onMessagePath, message, leftovers);
                if (value == null)
                {
                    return null;
                }

                fields.Add((name, value));
            }

            // Optional fields the code wrote elsewhere (a flat body's 'param'), in the order it wrote them.
            foreach (var name in leftovers.Names())
            {
                var field = expectation.Field(name);
                if (field == null || expectation.Required.Contains(name) || expectation.Child(name) != null)
                {
                    continue;
                }

                var value = FromLeftover(field, name, depth, onCodePath, leftovers);
                if (value != null)
                {
                    fields.Add((name, value));
                }
            }

            return Anonymous(fields);
        }

        /// <summary>The value the fix writes for a field the object lacks.</summary>
        private ExpressionSyntax? NewValue(BodyField field, ObjectExpectation expectation, int depth, bool onCodePath, bool onMessagePath, ExpressionSyntax? message, Leftovers leftovers)
        {
            var codePath = expected.Shape.CodePath;
            var messagePath = expected.Shape.MessagePath;
            var child = expectation.Child(field.Name);
            if (child == null && FromLeftover(field, field.Name, depth, onCodePath, leftovers) is ExpressionSyntax carried)
            {
                return carried;
            }

            if (onCodePath && codePath.Length == depth + 1 && codePath[depth] == field.Name)
            {
                // The status's first code (errorCode, errorCodes or the catalog); none known: no fix rather than a guess.
                var code = expected.DefaultsEntry?.ErrorCode;
                return code != null ? CodeLiteral(code)
                    : field.Enum.IsEmpty && field.Const == null ? Placeholder(field.Name, field.Type)
                    : field.Const != null ? Literal(field.Const)
                    : null;
            }

            if (onMessagePath && messagePath.Length == depth + 1 && messagePath[depth] == field.Name)
            {
                var entry = expected.DefaultsEntry;
                var defaultMessage = entry?.Message ?? entry?.Description;
                return message
                    ?? leftovers.TakeMessage()
                    ?? (defaultMessage != null ? SyntaxHelpers.StringLiteral(defaultMessage) : Placeholder(field.Name, BodyFieldType.String));
            }

            if (field.Const != null)
            {
                return Literal(field.Const);
            }

            if (field.EqualsStatus)
            {
                return SyntaxHelpers.IntLiteral(expected.Status);
            }

            if (child != null)
            {
                return depth < MaxNestedDepth
                    ? BuildObject(
                        child,
                        depth + 1,
                        onCodePath && codePath.Length > depth + 1 && codePath[depth] == field.Name,
                        onMessagePath && messagePath.Length > depth + 1 && messagePath[depth] == field.Name,
                        message,
                        leftovers)
                    : null;
            }

            // A value from a set that nobody can pick: no fix rather than a wrong one.
            return field.Enum.IsEmpty ? Placeholder(field.Name, field.Type) : null;
        }

        /// <summary>The value a removed member of that name carried, when it is right here (a wrong code is replaced); null otherwise.</summary>
        private ExpressionSyntax? FromLeftover(BodyField field, string name, int depth, bool onCodePath, Leftovers leftovers)
        {
            if (!leftovers.TryGet(name, out var member, out var syntax))
            {
                return null;
            }

            if (member.JsonType is BodyFieldType actual && !ErrorBodyRules.IsCompatible(actual, field.Type))
            {
                return null;
            }

            var codePath = expected.Shape.CodePath;
            var replacement = ReplacementValue(member, field, onCodePath && codePath.Length == depth + 1 && codePath[depth] == name, out var unfixable);
            if (unfixable)
            {
                return null;
            }

            leftovers.Take(name);
            return replacement ?? syntax;
        }

        private AnonymousObjectCreationExpressionSyntax? EditObject(
            AnonymousObjectCreationExpressionSyntax syntax,
            ResponseBody body,
            ObjectExpectation expectation,
            int depth,
            bool onCodePath,
            bool onMessagePath,
            Leftovers leftovers,
            ref bool changed)
        {
            var codePath = expected.Shape.CodePath;
            var messagePath = expected.Shape.MessagePath;

            // First the members not allowed here: removed, their values kept for a nested object written anew.
            var names = new List<string>();
            foreach (var declarator in syntax.Initializers)
            {
                var name = MemberName(declarator);
                if (name == null)
                {
                    return null;
                }

                names.Add(name);
                if (expectation.Field(name) == null && !expectation.Open && body.Find(name) is BodyMember removed)
                {
                    leftovers.Add(name, removed, Clean(declarator.Expression));
                }
            }

            var kept = new List<AnonymousObjectMemberDeclaratorSyntax>();
            var present = new HashSet<string>();
            for (var i = 0; i < syntax.Initializers.Count; i++)
            {
                var declarator = syntax.Initializers[i];
                var name = names[i];
                var field = expectation.Field(name);
                if (field == null && !expectation.Open)
                {
                    // Not allowed here (or only on other statuses): removed.
                    changed = true;
                    continue;
                }

                present.Add(name);
                var member = body.Find(name);
                if (field == null || member == null)
                {
                    kept.Add(declarator);
                    continue;
                }

                if (member.JsonType is BodyFieldType actual && !ErrorBodyRules.IsCompatible(actual, field.Type))
                {
                    // Another type of value: what was meant cannot be known.
                    return null;
                }

                var replacement = ReplacementValue(member, field, onCodePath && codePath.Length == depth + 1 && codePath[depth] == name, out var unfixable);
                if (unfixable)
                {
                    return null;
                }

                var child = expectation.Child(name);
                if (replacement == null && child != null && member.Nested is ResponseBody nested)
                {
                    // A nested object of a project type is left as written: rebuilding it is not the fix's call.
                    if (declarator.Expression is AnonymousObjectCreationExpressionSyntax childSyntax && depth < MaxNestedDepth)
                    {
                        var childChanged = false;
                        var edited = EditObject(
                            childSyntax,
                            nested,
                            child,
                            depth + 1,
                            onCodePath && codePath.Length > depth + 1 && codePath[depth] == name,
                            onMessagePath && messagePath.Length > depth + 1 && messagePath[depth] == name,
                            leftovers,
                            ref childChanged);
                        if (edited == null)
                        {
                            return null;
                        }

                        if (childChanged)
                        {
                            replacement = edited;
                        }
                    }
                }

                if (replacement != null)
                {
                    changed = true;
                    kept.Add(declarator.WithExpression(replacement.WithTriviaFrom(declarator.Expression)));
                }
                else
                {
                    kept.Add(declarator);
                }
            }

            var keptCount = kept.Count;
            foreach (var name in expectation.Required)
            {
                if (present.Contains(name))
                {
                    continue;
                }

                var field = expectation.Field(name);
                var value = field == null ? null : NewValue(field, expectation, depth, onCodePath, onMessagePath, null, leftovers);
                var declarator = value == null ? null : AnonymousMember(name, value);
                if (declarator == null)
                {
                    return null;
                }

                kept.Add(declarator);
                changed = true;
            }

            // Optional members the code wrote one level up (a flat body's 'param' next to 'type'), when they belong here.
            if (depth > 0)
            {
                foreach (var name in leftovers.Names())
                {
                    var field = expectation.Field(name);
                    if (field == null || present.Contains(name) || expectation.Required.Contains(name) || expectation.Child(name) != null)
                    {
                        continue;
                    }

                    var value = FromLeftover(field, name, depth, onCodePath, leftovers);
                    var declarator = value == null ? null : AnonymousMember(name, value);
                    if (declarator != null)
                    {
                        kept.Add(declarator);
                        changed = true;
                    }
                }
            }

            return syntax.WithInitializers(Join(syntax.Initializers, kept, keptCount));
        }

        /// <summary>The value that replaces a wrong constant (the status's first code, the constant, the status); null when it is right.</summary>
        private ExpressionSyntax? ReplacementValue(BodyMember member, BodyField field, bool isCode, out bool unfixable)
        {
            unfixable = false;
            if (!member.TryGetConstant(out var type, out var text))
            {
                return null;
            }

            if (isCode)
            {
                var first = expected.ErrorCode;
                if (first == null || type != expected.Shape.CodeType)
                {
                    // No code to compare with: the enum (if any) decides, as for any field.
                    return EnumViolated(field, type, text, out unfixable);
                }

                foreach (var code in expected.ErrorCodes)
                {
                    if (new ContractValue(type, code).Matches(type, text))
                    {
                        return null;
                    }
                }

                return CodeLiteral(first);
            }

            if (field.Const != null)
            {
                return field.Const.Matches(type, text) ? null : Literal(field.Const);
            }

            if (field.EqualsStatus)
            {
                return type == BodyFieldType.Integer && text == expected.Status.ToString(CultureInfo.InvariantCulture) ? null : SyntaxHelpers.IntLiteral(expected.Status);
            }

            return EnumViolated(field, type, text, out unfixable);
        }

        /// <summary>Null; <paramref name="unfixable"/> when the constant is outside the field's enum (nobody can pick the right one).</summary>
        private static ExpressionSyntax? EnumViolated(BodyField field, BodyFieldType type, string text, out bool unfixable)
        {
            unfixable = false;
            if (field.Enum.IsEmpty)
            {
                return null;
            }

            foreach (var value in field.Enum)
            {
                if (value.Matches(type, text))
                {
                    return null;
                }
            }

            unfixable = true;
            return null;
        }

        private ExpressionSyntax CodeLiteral(string code)
        {
            return Literal(new ContractValue(expected.Shape.CodeType, code));
        }

        private static ExpressionSyntax Literal(ContractValue value)
        {
            switch (value.Type)
            {
                case BodyFieldType.String:
                    return SyntaxHelpers.StringLiteral(value.Text);
                case BodyFieldType.Boolean:
                    return SyntaxFactory.LiteralExpression(value.Text == "true" ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
                default:
                    return int.TryParse(value.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                        ? SyntaxHelpers.IntLiteral(number)
                        : SyntaxFactory.ParseExpression(value.Text);
            }
        }

        /// <summary>Members removed where they were not allowed, in the order written, each used at most once.</summary>
        private sealed class Leftovers
        {
            private readonly List<(string Name, BodyMember Member, ExpressionSyntax Syntax)> members = new List<(string, BodyMember, ExpressionSyntax)>();

            public void Add(string name, BodyMember member, ExpressionSyntax syntax)
            {
                if (member.Value?.Syntax is ExpressionSyntax)
                {
                    members.Add((name, member, syntax));
                }
            }

            public List<string> Names()
            {
                var names = new List<string>();
                foreach (var entry in members)
                {
                    names.Add(entry.Name);
                }

                return names;
            }

            public bool TryGet(string name, out BodyMember member, out ExpressionSyntax syntax)
            {
                foreach (var entry in members)
                {
                    if (entry.Name == name)
                    {
                        member = entry.Member;
                        syntax = entry.Syntax;
                        return true;
                    }
                }

                member = null!;
                syntax = null!;
                return false;
            }

            public void Take(string name)
            {
                members.RemoveAll(e => e.Name == name);
            }

            /// <summary>The text of a removed member that the code meant as the message (<c>detail</c>, <c>title</c>, …).</summary>
            public ExpressionSyntax? TakeMessage()
            {
                foreach (var entry in members)
                {
                    if (Array.IndexOf(MessageCandidates, entry.Name) >= 0 && entry.Member.Value?.Type?.SpecialType == SpecialType.System_String)
                    {
                        Take(entry.Name);
                        return entry.Syntax;
                    }
                }

                return null;
            }
        }
    }
}
