using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Code that expects the Bearer scheme in the incoming header: string parsing of the whole header
    /// (<c>header.StartsWith("Bearer ")</c>, <c>Substring("Bearer ".Length)</c> or <c>Substring(7)</c>, <c>Replace("Bearer ", "")</c>,
    /// <c>Split(' ')</c>, a range <c>[7..]</c>, a regex that mentions Bearer, <c>AuthenticationHeaderValue.Parse(header).Parameter</c>),
    /// and comparisons of the scheme (<c>value.Scheme == "Bearer"</c>, <c>header == "Bearer " + key</c>).
    /// </summary>
    internal sealed partial class AuthorizationDiscovery
    {
        private void FromStringParsing(IInvocationOperation invocation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // The caller has checked that the method is one of string's.
            var method = invocation.TargetMethod;
            if (method.IsStatic || invocation.Instance == null)
            {
                return;
            }

            // A call that strips the prefix and nothing else (what the fix can drop, leaving the header).
            if (!HandlesScheme(invocation, cancellationToken, out var strips))
            {
                return;
            }

            if (!IsWholeHeaderRead(invocation.Instance, 0, cancellationToken))
            {
                return;
            }

            if ((method.Name == "StartsWith" || method.Name == "Contains") && TurnsBearerAway(invocation))
            {
                // if (header.StartsWith("Bearer ")) return Results.Unauthorized(…); enforces a contract without the scheme.
                return;
            }

            var syntax = strips && invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax _ }
                ? AuthorizationSiteSyntax.PrefixStrippingCall
                : AuthorizationSiteSyntax.Other;
            Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ExpectsBearer, invocation.Syntax.GetLocation(), syntax));
        }

        /// <summary>
        /// True when a Bearer check turns the request away: it decides an <c>if</c> (alone, under <c>!</c>, or as a side of
        /// <c>||</c>/<c>&amp;&amp;</c> that settles the condition) whose branch for a header with the scheme leaves (<c>return</c>,
        /// <c>throw</c>) without reading the checked value: <c>if (header.StartsWith("Bearer ")) return Results.Unauthorized();</c>.
        /// </summary>
        private static bool TurnsBearerAway(IInvocationOperation check)
        {
            // The value of the expression being climbed when the header carries the scheme (the check itself: true).
            var holds = true;
            IOperation current = check;
            var parent = check.Parent;
            while (parent != null)
            {
                switch (parent)
                {
                    case IConversionOperation _:
                    case IParenthesizedOperation _:
                        break;
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                        holds = !holds;
                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } when holds:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } when !holds:
                        // true || …, false && …: the check settles the condition.
                        break;
                    case IConditionalOperation conditional when current == conditional.Condition:
                        var branch = holds ? conditional.WhenTrue : conditional.WhenFalse;
                        return branch != null && Exits(branch) && !(ValueSymbol(check.Instance) is ISymbol value && Reads(branch, value));
                    default:
                        return false;
                }

                current = parent;
                parent = parent.Parent;
            }

            return false;
        }

        /// <summary>Whether <paramref name="branch"/> reads <paramref name="value"/> (the checked header's local, parameter, field or property).</summary>
        private static bool Reads(IOperation branch, ISymbol value)
        {
            foreach (var operation in branch.Descendants())
            {
                if (RefersTo(operation, value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>Regex.Match(header, "^Bearer (.+)$")</c>, <c>BearerPattern.Match(header)</c>: a regex whose pattern mentions Bearer, applied to the header.</summary>
        private void FromRegex(IInvocationOperation invocation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "input"
                    && RegexMentionsBearer(invocation, cancellationToken) == true
                    && IsWholeHeaderRead(argument.Value, 0, cancellationToken))
                {
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ExpectsBearer, invocation.Syntax.GetLocation(), AuthorizationSiteSyntax.Other));
                    return;
                }
            }
        }

        /// <summary><c>value.Scheme.Equals("Bearer", …)</c> and <c>string.Equals(value.Scheme, "Bearer", …)</c>.</summary>
        private void FromSchemeEquals(IInvocationOperation invocation, ref List<AuthorizationSite>? sites)
        {
            // The caller has checked that the method is one of string's.
            var method = invocation.TargetMethod;
            if (method.Name != "Equals")
            {
                return;
            }

            var arguments = Ordered(invocation.Arguments);
            IOperation? left;
            IOperation? right;
            if (method.IsStatic)
            {
                if (arguments.Length < 2)
                {
                    return;
                }

                left = arguments[0].Value;
                right = arguments[1].Value;
            }
            else
            {
                if (arguments.Length < 1)
                {
                    return;
                }

                left = invocation.Instance;
                right = arguments[0].Value;
            }

            if (left != null && right != null && ((IsSchemeProperty(left) && IsExactlyBearerConstant(right)) || (IsSchemeProperty(right) && IsExactlyBearerConstant(left))))
            {
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ExpectsBearer, invocation.Syntax.GetLocation(), AuthorizationSiteSyntax.Other));
            }
        }

        /// <summary>
        /// <c>value.Scheme == "Bearer"</c>, or the whole header compared with a value that starts with Bearer; true when the
        /// comparison is one (reported), and it then says nothing else.
        /// </summary>
        private bool FromSchemeComparison(IOperation comparison, IOperation left, IOperation right, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            if ((IsSchemeProperty(left) && IsExactlyBearerConstant(right)) || (IsSchemeProperty(right) && IsExactlyBearerConstant(left)))
            {
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ExpectsBearer, comparison.Syntax.GetLocation(), AuthorizationSiteSyntax.Other));
                return true;
            }

            if ((IsBearer(LeadingText(right, out _, 0, cancellationToken)) && IsWholeHeaderRead(left, 0, cancellationToken))
                || (IsBearer(LeadingText(left, out _, 0, cancellationToken)) && IsWholeHeaderRead(right, 0, cancellationToken)))
            {
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ExpectsBearer, comparison.Syntax.GetLocation(), AuthorizationSiteSyntax.Other));
                return true;
            }

            return false;
        }

        private bool IsSchemeProperty(IOperation operation)
        {
            return Unwrap(operation) is IPropertyReferenceOperation property
                && property.Property.Name == "Scheme"
                && types.IsAuthenticationHeaderValue(property.Property.ContainingType);
        }

        private static bool IsExactlyBearerConstant(IOperation operation)
        {
            return Unwrap(operation).ConstantValue.Value is string s && (IsExactlyBearer(s) || IsBearerPrefixOnly(s));
        }

        private static bool IsSpaceSeparator(IOperation operation)
        {
            var op = Unwrap(operation);
            if (op is IArrayCreationOperation { Initializer: { } initializer } && initializer.ElementValues.Length > 0)
            {
                op = Unwrap(initializer.ElementValues[0]);
            }

            return op.ConstantValue.Value is char c ? c == ' ' : op.ConstantValue.Value is string s && s == " ";
        }
    }
}
