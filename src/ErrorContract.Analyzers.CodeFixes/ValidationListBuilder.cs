using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ErrorContract.Analyzers.CodeFixes.Internals;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>
    /// The contract's validation list (contract B's <c>errors: [{field, message, code}]</c>) made from the validation errors a
    /// framework problem response sent: <c>ValidationProblem(ModelState)</c>, <c>ValidationProblem()</c> (the controller's own
    /// ModelState), <c>BadRequest(ModelState)</c>, or the dictionary
    /// given to <c>Results.ValidationProblem(errors)</c>. Without it, the fix would keep the message and drop every field error.
    /// </summary>
    internal static class ValidationListBuilder
    {
        /// <summary>Item fields that name the invalid input (filled with the entry's key).</summary>
        private static readonly string[] KeyNames = { "field", "name", "path", "property", "parameter", "key", "member" };

        /// <summary>Item fields that say what is wrong with it (filled with the error's message).</summary>
        private static readonly string[] MessageNames = { "message", "detail", "description", "error", "reason" };

        /// <summary>
        /// The list, or null when the status carries none, the site sends no validation errors, or the items cannot be
        /// filled in from them (an item field that names neither the input nor the message gets a TODO placeholder).
        /// </summary>
        public static ExpressionSyntax? Build(FixContext context, ResponseSite site, ResponseBody body, ErrorBodyExpectation expected)
        {
            if (!expected.AllowsValidation || body.Kind != ResponseBodyKind.ProblemDetails || expected.ValidationItemFields.IsEmpty)
            {
                return null;
            }

            string sourceText;
            ITypeSymbol? sourceType;
            bool isModelState;
            var source = FindErrors(context, body, out isModelState);
            if (source != null && source.Syntax is ExpressionSyntax sourceSyntax)
            {
                // A cast, a conditional or an await is parenthesized before .SelectMany is put after it.
                sourceText = sourceSyntax is IdentifierNameSyntax || sourceSyntax is MemberAccessExpressionSyntax || sourceSyntax is InvocationExpressionSyntax
                    || sourceSyntax is ElementAccessExpressionSyntax || sourceSyntax is ParenthesizedExpressionSyntax
                    ? sourceSyntax.WithoutTrivia().ToString()
                    : "(" + sourceSyntax.WithoutTrivia() + ")";
                sourceType = source.Type;
            }
            else if (IsParameterlessValidationProblem(site, context.Types))
            {
                // ValidationProblem() sends the controller's own ModelState.
                sourceText = "ModelState";
                sourceType = context.Types.ModelStateDictionary;
                isModelState = true;
            }
            else
            {
                return null;
            }

            // SelectMany and Select are LINQ's: without System.Linq in scope the list would not compile.
            var position = site.Node.SpanStart;
            if (sourceType == null || context.Model.LookupSymbols(position, sourceType, "SelectMany", includeReducedExtensionMethods: true).IsEmpty)
            {
                return null;
            }

            var entry = FreeName(context, position, "entry");
            var error = FreeName(context, position, isModelState ? "error" : "text");
            var key = entry + ".Key";
            var message = isModelState ? error + ".ErrorMessage" : error;
            var item = Item(expected.ValidationItemFields, key, message);
            if (item == null)
            {
                return null;
            }

            // A ModelStateDictionary's entries are declared nullable; a dictionary's values are the messages themselves.
            var errors = isModelState
                ? entry + ".Value" + (SupportsNullForgiving(site.Node) ? "!" : string.Empty) + ".Errors"
                : entry + ".Value";
            var text = string.Format(
                CultureInfo.InvariantCulture,
                "{0}.SelectMany({1} => {2}.Select({3} => {4}))",
                sourceText,
                entry,
                errors,
                error,
                item);
            return SyntaxFactory.ParseExpression(text);
        }

        /// <summary>
        /// The validation errors the discovery found in the body (<see cref="ResponseBody.ValidationErrors"/>), when they are a
        /// ModelStateDictionary or a dictionary of string arrays, the two shapes the list is written for.
        /// </summary>
        private static IOperation? FindErrors(FixContext context, ResponseBody body, out bool isModelState)
        {
            var errors = body.ValidationErrors;
            isModelState = errors != null && ResponseDiscovery.DerivesFrom(errors.Type, context.Types.ModelStateDictionary);
            return isModelState || IsStringArrayDictionary(errors?.Type, context.Types) ? errors : null;
        }

        /// <summary><c>ValidationProblem()</c> called on the controller itself (no receiver written), with no arguments.</summary>
        private static bool IsParameterlessValidationProblem(ResponseSite site, WellKnownTypes types)
        {
            return site.Operation is IInvocationOperation invocation
                && invocation.TargetMethod.Name == "ValidationProblem"
                && invocation.TargetMethod.Parameters.IsEmpty
                && invocation.Instance is IInstanceReferenceOperation { IsImplicit: true }
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, types.ControllerBase);
        }

        /// <summary>A dictionary of string keys and string-array values (what <c>Results.ValidationProblem</c> takes).</summary>
        private static bool IsStringArrayDictionary(ITypeSymbol? type, WellKnownTypes types)
        {
            if (!(type is INamedTypeSymbol named))
            {
                return false;
            }

            foreach (var candidate in named.AllInterfaces.Add(named))
            {
                var definition = candidate.OriginalDefinition;
                if ((SymbolEqualityComparer.Default.Equals(definition, types.IDictionary2) || SymbolEqualityComparer.Default.Equals(definition, types.IReadOnlyDictionary2))
                    && candidate.TypeArguments[0].SpecialType == SpecialType.System_String
                    && candidate.TypeArguments[1] is IArrayTypeSymbol array
                    && array.ElementType.SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>new { field = entry.Key, message = error.ErrorMessage, code = /* TODO: code */ "" }</c>, its members named after
        /// the contract's item fields; null when none names the input or none the message, or a name is no C# identifier
        /// (contextual keywords such as <c>field</c> are identifiers here).
        /// </summary>
        private static string? Item(ImmutableArray<string> itemFields, string key, string message)
        {
            var builder = new StringBuilder("new { ");
            bool hasKey = false, hasMessage = false;
            for (var i = 0; i < itemFields.Length; i++)
            {
                var name = itemFields[i];
                if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
                {
                    return null;
                }

                string value;
                if (!hasKey && Array.IndexOf(KeyNames, name.ToLowerInvariant()) >= 0)
                {
                    value = key;
                    hasKey = true;
                }
                else if (!hasMessage && Array.IndexOf(MessageNames, name.ToLowerInvariant()) >= 0)
                {
                    value = message;
                    hasMessage = true;
                }
                else
                {
                    value = "/* TODO: " + name + " */ \"\"";
                }

                builder.Append(i == 0 ? string.Empty : ", ").Append(name).Append(" = ").Append(value);
            }

            return hasKey && hasMessage ? builder.Append(" }").ToString() : null;
        }

        /// <summary><paramref name="name"/>, or <c>name2</c>, <c>name3</c>… when the code around already uses it.</summary>
        private static string FreeName(FixContext context, int position, string name)
        {
            var candidate = name;
            for (var i = 2; !context.Model.LookupSymbols(position, name: candidate).IsEmpty; i++)
            {
                candidate = name + i.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        private static bool SupportsNullForgiving(SyntaxNode node) =>
            !(node.SyntaxTree.Options is CSharpParseOptions options) || options.LanguageVersion >= LanguageVersion.CSharp8;
    }
}
