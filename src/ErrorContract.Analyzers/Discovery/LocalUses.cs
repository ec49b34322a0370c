using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// The declaration and the uses of a local in the body it is declared in, without walking the body's operation tree: the
    /// local's name is looked for in the body's text, and each place it occurs is confirmed by the semantic model that built
    /// the tree (which hands back the tree's own operations). A route group kept in a local (<c>var api = app.MapGroup(…)</c>)
    /// is read this way once per local; the body around it may map dozens of endpoints.
    /// </summary>
    internal static class LocalUses
    {
        /// <summary>
        /// Adds to <paramref name="references"/> every reference to <paramref name="local"/> in <paramref name="root"/> (the whole
        /// body: the root of an operation tree) and returns the local's declarator there; false when the body cannot be read
        /// this way (no semantic model), in which case nothing is known of the local's uses.
        /// </summary>
        public static bool Find(ILocalSymbol local, IOperation root, List<ILocalReferenceOperation> references, out IVariableDeclaratorOperation? declarator, CancellationToken cancellationToken)
        {
            declarator = null;
            var model = root.SemanticModel;
            var syntax = root.Syntax;
            var name = local.Name;
            if (model == null || name.Length == 0 || syntax.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            // The body's text in a buffer kept per thread (a Program.cs body is read once per route group local in it).
            var span = syntax.Span;
            var text = Buffer(span.Length);
            syntax.SyntaxTree.GetText(cancellationToken).CopyTo(span.Start, text, 0, span.Length);
            if (IndexOf(text, span.Length, "\\u", 0) >= 0 || IndexOf(text, span.Length, "\\U", 0) >= 0)
            {
                // An identifier may be spelled with Unicode escapes (gr\u006Fup): its text would not be found.
                return false;
            }

            for (var index = IndexOf(text, span.Length, name, 0); index >= 0; index = IndexOf(text, span.Length, name, index + name.Length))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if ((index > 0 && IsIdentifierPart(text[index - 1])) || (index + name.Length < span.Length && IsIdentifierPart(text[index + name.Length])))
                {
                    // Part of a longer name (groups, apiGroup).
                    continue;
                }

                // The token that starts there, or at the @ before it (@group).
                var start = index > 0 && text[index - 1] == '@' ? index - 1 : index;
                var token = syntax.FindToken(span.Start + index);
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name || token.SpanStart != span.Start + start)
                {
                    // In a comment, a string, or another kind of token.
                    continue;
                }

                switch (token.Parent)
                {
                    case IdentifierNameSyntax identifier:
                        var operation = model.GetOperation(identifier, cancellationToken);
                        while (operation is IConversionOperation conversion && conversion.IsImplicit)
                        {
                            operation = conversion.Operand;
                        }

                        if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                        {
                            references.Add(reference);
                        }

                        break;
                    case VariableDeclaratorSyntax declaration:
                        if (model.GetOperation(declaration, cancellationToken) is IVariableDeclaratorOperation declared && SymbolEqualityComparer.Default.Equals(declared.Symbol, local))
                        {
                            declarator = declared;
                        }

                        break;
                }
            }

            return true;
        }

        /// <summary>The initializer of a local declared once with one (<c>var header = …;</c>), or the call that declares it as an <c>out var</c>.</summary>
        public static IOperation? Initializer(ILocalReferenceOperation reference, CancellationToken cancellationToken)
        {
            var model = reference.SemanticModel;
            var references = reference.Local.DeclaringSyntaxReferences;
            if (model == null || references.Length != 1 || references[0].SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            var syntax = references[0].GetSyntax(cancellationToken);
            if (syntax is VariableDeclaratorSyntax { Initializer: { } initializer })
            {
                return model.GetOperation(initializer.Value, cancellationToken);
            }

            if (syntax is SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } })
            {
                return model.GetOperation(call, cancellationToken);
            }

            return null;
        }

        [System.ThreadStatic]
        private static char[]? buffer;

        private static char[] Buffer(int length)
        {
            if (length > 1 << 20)
            {
                // A body of more than a million characters: not kept.
                return new char[length];
            }

            if (buffer == null || buffer.Length < length)
            {
                buffer = new char[System.Math.Max(length, 4096)];
            }

            return buffer;
        }

        private static int IndexOf(char[] text, int length, string value, int start)
        {
            // The span search is vectorized where the runtime has it (System.Memory forwards to the runtime's own on .NET).
            if (start > length - value.Length)
            {
                return -1;
            }

            var found = text.AsSpan(start, length - start).IndexOf(value.AsSpan(), StringComparison.Ordinal);
            return found < 0 ? -1 : start + found;
        }

        /// <summary>A character that continues an identifier (a letter, a digit, an underscore; others as the language allows).</summary>
        private static bool IsIdentifierPart(char c) => c == '_' || char.IsLetterOrDigit(c) || (c > 127 && SyntaxFacts.IsIdentifierPartCharacter(c));
    }
}
