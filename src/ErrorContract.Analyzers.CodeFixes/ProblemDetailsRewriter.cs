using System.Collections.Generic;
using System.Linq;
using ErrorContract.Analyzers.CodeFixes.Internals;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using ErrorContract.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>
    /// The EC0002 fix under a problem-details contract: writes the documented <c>type</c> for the status into
    /// <c>Problem(…)</c> (a <c>type:</c> argument) or <c>new ProblemDetails { … }</c> (a <c>Type = …</c> initializer), and the
    /// <c>Status</c> and <c>Title</c> a created problem lacks. Extension members and values computed at run time are the
    /// developer's: no fix then.
    /// </summary>
    internal static class ProblemDetailsRewriter
    {
        public static bool Plan(DocumentEdits edits, ResponseBody body, ErrorBodyExpectation expected)
        {
            var problem = body.Problem;
            if (body.Kind != ResponseBodyKind.ProblemDetails || problem == null || ProblemDetailsBodyRules.HasExtensionIssues(problem, expected))
            {
                // Any other body under a problem-details contract would have to become a Problem(…) call of another result
                // type, which the declared return type may not accept.
                return false;
            }

            var members = new List<(string Name, ExpressionSyntax? Existing, ExpressionSyntax Value)>();
            var codes = expected.Shape.CodeField == ProblemDetailsMembers.Type && expected.Entry != null ? expected.Entry.ErrorCodes : default;
            if (!codes.IsDefaultOrEmpty && (problem.Type == null || (problem.ConstantType is string type && codes.IndexOf(type) < 0)))
            {
                members.Add(("Type", problem.Type?.Syntax as ExpressionSyntax, SyntaxHelpers.StringLiteral(codes[0])));
            }

            var equalsStatus = expected.Shape.Find(ProblemDetailsMembers.Status)?.EqualsStatus == true;
            if (problem.Status?.ConstantValue.Value is int given && given != expected.Status && equalsStatus)
            {
                members.Add(("Status", problem.Status.Syntax as ExpressionSyntax, SyntaxHelpers.IntLiteral(expected.Status)));
            }
            else if (problem.Status == null && !problem.FrameworkFillsDefaults && body.Writer != null && IsRequired(expected, ProblemDetailsMembers.Status))
            {
                members.Add(("Status", null, SyntaxHelpers.IntLiteral(expected.Status)));
            }

            if (problem.Title == null && !problem.FrameworkFillsDefaults && IsRequired(expected, ProblemDetailsMembers.Title))
            {
                var title = expected.DefaultsEntry?.Message ?? expected.Entry?.Description;
                if (title == null)
                {
                    return false;
                }

                members.Add(("Title", null, SyntaxHelpers.StringLiteral(title)));
            }

            if (members.Count == 0)
            {
                return false;
            }

            switch (problem.Origin)
            {
                case IInvocationOperation invocation when invocation.Syntax is InvocationExpressionSyntax call:
                    return PlanCall(edits, invocation, call, members);
                case IObjectCreationOperation creation when creation.Syntax is BaseObjectCreationExpressionSyntax created:
                    return PlanCreation(edits, created, members);
                default:
                    return false;
            }
        }

        private static bool IsRequired(ErrorBodyExpectation expected, string member) => expected.Shape.Find(member)?.Required == true;

        /// <summary><c>Problem(title: "Gone")</c> → <c>Problem(title: "Gone", type: "https://…/not-found")</c>.</summary>
        private static bool PlanCall(DocumentEdits edits, IInvocationOperation invocation, InvocationExpressionSyntax call, List<(string Name, ExpressionSyntax? Existing, ExpressionSyntax Value)> members)
        {
            if (members.Count != 1 || members[0].Name != "Type" || !invocation.TargetMethod.Parameters.Any(p => p.Name == "type" && p.Type.SpecialType == SpecialType.System_String))
            {
                // The status of a Problem(…) call is the response's own; a call without a 'type' parameter cannot take one.
                return false;
            }

            var (_, existing, value) = members[0];
            if (existing != null)
            {
                edits.Replace(existing, value.WithTriviaFrom(existing));
                return true;
            }

            var named = SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName("type")), default, value);
            var arguments = call.ArgumentList.Arguments;
            var separator = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            var list = arguments.Count == 0
                ? SyntaxFactory.SingletonSeparatedList(named)
                : SyntaxFactory.SeparatedList<ArgumentSyntax>(arguments.GetWithSeparators().Add(separator).Add(named));
            edits.Replace(call.ArgumentList, call.ArgumentList.WithArguments(list));
            return true;
        }

        /// <summary><c>new ProblemDetails { Title = "Gone" }</c> → <c>new ProblemDetails { Title = "Gone", Type = "https://…/not-found" }</c>.</summary>
        private static bool PlanCreation(DocumentEdits edits, BaseObjectCreationExpressionSyntax created, List<(string Name, ExpressionSyntax? Existing, ExpressionSyntax Value)> members)
        {
            var replaced = new Dictionary<ExpressionSyntax, ExpressionSyntax>();
            var added = new List<ExpressionSyntax>();
            foreach (var (name, existing, value) in members)
            {
                if (existing == null)
                {
                    added.Add(SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.IdentifierName(name).WithTrailingTrivia(SyntaxFactory.Space),
                        SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
                        value));
                }
                else if (created.Contains(existing))
                {
                    replaced[existing] = value.WithTriviaFrom(existing);
                }
                else
                {
                    return false;
                }
            }

            var result = created.ReplaceNodes(replaced.Keys, (original, _) => replaced[original]);
            if (added.Count > 0)
            {
                result = AddInitializers(result, added);
            }

            edits.Replace(created, result);
            return true;
        }

        private static BaseObjectCreationExpressionSyntax AddInitializers(BaseObjectCreationExpressionSyntax created, List<ExpressionSyntax> added)
        {
            var initializer = created.Initializer;
            if (initializer == null)
            {
                var trailing = created.GetTrailingTrivia();
                var open = SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space);
                var close = SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(trailing);
                var items = SyntaxFactory.SeparatedList(added, added.Skip(1).Select(_ => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space)));
                return created.WithoutTrailingTrivia()
                    .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, open, items, close));
            }

            var expressions = initializer.Expressions;
            var multiline = initializer.OpenBraceToken.GetLocation().GetLineSpan().StartLinePosition.Line
                != initializer.CloseBraceToken.GetLocation().GetLineSpan().StartLinePosition.Line;
            var nodes = expressions.GetWithSeparators();
            if (expressions.Count > 0 && expressions.SeparatorCount < expressions.Count)
            {
                // No trailing comma: the last element's line break (multi-line) moves after the new separator.
                var last = expressions[expressions.Count - 1];
                nodes = nodes.Replace(nodes[nodes.Count - 1], last.WithoutTrailingTrivia());
                nodes = nodes.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiline ? last.GetTrailingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.Space)));
            }

            var indentation = expressions.Count > 0 ? expressions[0].GetLeadingTrivia() : SyntaxFactory.TriviaList();
            for (var i = 0; i < added.Count; i++)
            {
                var item = multiline ? added[i].WithLeadingTrivia(indentation) : added[i];
                if (i > 0)
                {
                    nodes = nodes.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiline ? SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine("\n")) : SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                }

                nodes = nodes.Add(multiline && i == added.Count - 1 && expressions.SeparatorCount < expressions.Count
                    ? item.WithTrailingTrivia(expressions.Count > 0 ? expressions[expressions.Count - 1].GetTrailingTrivia() : SyntaxFactory.TriviaList())
                    : item);
            }

            if (expressions.Count > 0 && expressions.SeparatorCount == expressions.Count)
            {
                nodes = nodes.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiline ? expressions.GetSeparator(expressions.SeparatorCount - 1).TrailingTrivia : SyntaxFactory.TriviaList()));
            }

            var open2 = initializer.OpenBraceToken;
            var close2 = initializer.CloseBraceToken;
            if (expressions.Count == 0 && !multiline)
            {
                open2 = open2.WithTrailingTrivia(SyntaxFactory.Space);
                close2 = close2.WithLeadingTrivia(SyntaxFactory.Space);
            }

            return created.WithInitializer(initializer.WithOpenBraceToken(open2).WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(nodes)).WithCloseBraceToken(close2));
        }
    }
}
