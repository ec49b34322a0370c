using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// What is known of a value: its leading text (constants, concatenations, interpolations, locals), whether that
    /// text is the Bearer scheme or a prefix that can be dropped, its type; and the shared helpers of the other parts.
    /// The text helpers are also the code fix's (<see cref="BearerWord"/>, <see cref="IsBearerPrefixOnly"/>,
    /// <see cref="BearerPrefixLength"/>).
    /// </summary>
    internal sealed partial class AuthorizationDiscovery
    {
        /// <summary>
        /// The text a string value is known to start with: the whole constant for a constant, the constant
        /// left operands of a concatenation, the constant leading parts of an interpolation, the initializer
        /// of a local. <paramref name="complete"/> is true when the whole value is known.
        /// </summary>
        internal static string LeadingText(IOperation? operation, out bool complete, int depth, CancellationToken cancellationToken)
        {
            complete = false;
            if (operation == null || depth > MaxDepth)
            {
                return string.Empty;
            }

            var op = Unwrap(operation);
            if (op.ConstantValue.HasValue)
            {
                switch (op.ConstantValue.Value)
                {
                    case string s:
                        complete = true;
                        return s;
                    case char c:
                        complete = true;
                        return c.ToString();
                    case null:
                        complete = true;
                        return string.Empty;
                    default:
                        return string.Empty;
                }
            }

            switch (op)
            {
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add && IsString(binary.Type):
                    var left = LeadingText(binary.LeftOperand, out var leftComplete, depth + 1, cancellationToken);
                    if (!leftComplete)
                    {
                        return left;
                    }

                    return left + LeadingText(binary.RightOperand, out complete, depth + 1, cancellationToken);

                case IInterpolatedStringOperation interpolated:
                    var text = string.Empty;
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation literal && literal.Text?.ConstantValue.Value is string partText)
                        {
                            text += partText;
                        }
                        else if (part is IInterpolationOperation interpolation
                            && interpolation.Alignment == null
                            && interpolation.FormatString == null
                            && interpolation.Expression?.ConstantValue.Value is string constant)
                        {
                            text += constant;
                        }
                        else
                        {
                            return text;
                        }
                    }

                    complete = true;
                    return text;

                case ILocalReferenceOperation local:
                    return LeadingText(LocalUses.Initializer(local, cancellationToken), out complete, depth + 1, cancellationToken);

                default:
                    return string.Empty;
            }
        }

        /// <summary>Strips conversions (to <c>StringValues</c>, <c>object</c>, <c>string?</c>).</summary>
        internal static IOperation Unwrap(IOperation operation)
        {
            // On the kind, not a type test: most values are no conversion, and a failed interface test is the slow one.
            var op = operation;
            while (op.Kind == OperationKind.Conversion && ((IConversionOperation)op).Operand is { } operand)
            {
                op = operand;
            }

            return op;
        }

        /// <summary>"Bearer", or "Bearer" followed by whitespace, at the start of the text; any case.</summary>
        internal static bool IsBearer(string text)
        {
            if (!text.StartsWith(BearerWord, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return text.Length == BearerWord.Length || char.IsWhiteSpace(text[BearerWord.Length]);
        }

        /// <summary>Exactly "Bearer" (a scheme name), any case.</summary>
        internal static bool IsExactlyBearer(string text) => string.Equals(text, BearerWord, StringComparison.OrdinalIgnoreCase);

        /// <summary>"Bearer" followed by whitespace only: the prefix a fix can drop.</summary>
        internal static bool IsBearerPrefixOnly(string text)
        {
            return text.Length > BearerWord.Length && IsBearer(text) && text.Substring(BearerWord.Length).Trim().Length == 0;
        }

        /// <summary>
        /// The scheme word a sent value starts with: one word (a token) followed by whitespace, as in <c>"Basic " + key</c> or
        /// <c>$"Token {key}"</c>; null when the text does not start so.
        /// </summary>
        internal static string? SchemeWord(string text)
        {
            var end = TokenLength(text);
            if (end == 0 || end >= text.Length || !char.IsWhiteSpace(text[end]))
            {
                return null;
            }

            return text.Substring(0, end);
        }

        /// <summary>One word followed by whitespace only (<c>"Basic "</c>): the prefix a fix can drop or reword.</summary>
        internal static bool IsSchemePrefixOnly(string text)
        {
            var end = TokenLength(text);
            return end > 0 && end < text.Length && text.Substring(end).Trim().Length == 0;
        }

        /// <summary>The length of a word plus the spaces after it at the start of raw source text; 0 when it does not start so.</summary>
        internal static int SchemePrefixLength(string sourceText)
        {
            var end = TokenLength(sourceText);
            if (end == 0)
            {
                return 0;
            }

            var spaces = end;
            while (spaces < sourceText.Length && sourceText[spaces] == ' ')
            {
                spaces++;
            }

            return spaces == end ? 0 : spaces;
        }

        /// <summary>The length of the HTTP token (a scheme word) at the start of the text.</summary>
        internal static int TokenLength(string text)
        {
            var end = 0;
            while (end < text.Length && IsTokenChar(text[end]))
            {
                end++;
            }

            return end;
        }

        private static bool IsTokenChar(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
        }

        /// <summary>The fix can drop the prefix: <c>"Bearer " + key</c> (or another word) with a string key, or an interpolation that starts with <c>Bearer </c>.</summary>
        private static bool CanRemovePrefix(IOperation operand)
        {
            var op = operand;
            while (op is IBinaryOperation binary && binary.OperatorKind == BinaryOperatorKind.Add && IsString(binary.Type))
            {
                if (binary.LeftOperand.ConstantValue.Value is string left && IsSchemePrefixOnly(left))
                {
                    return binary.RightOperand is not IConversionOperation && IsString(binary.RightOperand.Type);
                }

                if (binary.LeftOperand.ConstantValue.HasValue)
                {
                    return false;
                }

                op = binary.LeftOperand;
            }

            if (operand is IInterpolatedStringOperation interpolated
                && interpolated.Parts.Length > 0
                && interpolated.Parts[0] is IInterpolatedStringTextOperation first
                && first.Syntax is InterpolatedStringTextSyntax textSyntax)
            {
                return SchemePrefixLength(textSyntax.TextToken.Text) > 0;
            }

            return false;
        }

        /// <summary>The length of "Bearer" plus the spaces after it at the start of raw source text; 0 when it does not start so.</summary>
        internal static int BearerPrefixLength(string sourceText)
        {
            if (!sourceText.StartsWith(BearerWord, StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            var end = BearerWord.Length;
            while (end < sourceText.Length && sourceText[end] == ' ')
            {
                end++;
            }

            return end == BearerWord.Length ? 0 : end;
        }

        private static bool IsEmptyString(IOperation operation)
        {
            var op = Unwrap(operation);
            if (op.ConstantValue.Value is string s)
            {
                return s.Length == 0;
            }

            // string.Empty, StringValues.Empty
            return op is IFieldReferenceOperation field
                && field.Field.Name == "Empty"
                && (field.Field.ContainingType?.SpecialType == SpecialType.System_String || field.Field.ContainingType?.Name == "StringValues");
        }

        private bool IsStringValues(ITypeSymbol? type) => types.StringValues != null && SymbolEqualityComparer.Default.Equals(type, types.StringValues);

        private bool IsStringLike(ITypeSymbol? type) => IsString(type) || IsStringValues(type);

        private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

        private static bool IsStringMethod(IMethodSymbol method) => method.ContainingType?.SpecialType == SpecialType.System_String;

        private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

        private static string? ReferencedName(IOperation operation)
        {
            return operation switch
            {
                ILocalReferenceOperation local => local.Local.Name,
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IPropertyReferenceOperation property => property.Property.Name,
                _ => null,
            };
        }

        /// <summary>
        /// The arguments in the order of their parameters (named arguments can come in any order); empty when one has no
        /// parameter. Arguments almost always come in order already, and then the array is returned as it is.
        /// </summary>
        private static ImmutableArray<IArgumentOperation> Ordered(ImmutableArray<IArgumentOperation> arguments)
        {
            var previous = -1;
            var inOrder = true;
            foreach (var argument in arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null)
                {
                    return ImmutableArray<IArgumentOperation>.Empty;
                }

                inOrder &= parameter.Ordinal > previous;
                previous = parameter.Ordinal;
            }

            if (inOrder)
            {
                return arguments;
            }

            var builder = arguments.ToBuilder();
            builder.Sort((a, b) => a.Parameter!.Ordinal.CompareTo(b.Parameter!.Ordinal));
            return builder.ToImmutable();
        }
    }
}
