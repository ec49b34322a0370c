using System.Threading;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// The operation tree of a declaration elsewhere in the compilation (a helper method, a mapped handler method, a derived
    /// attribute's constructor), which an operation callback is not handed: built through the compilation's semantic model of
    /// its tree. Every caller reads it once per member and caches what it learns, so the model is asked for rarely.
    /// </summary>
    internal static class SourceBodies
    {
        /// <summary>The operation of <paramref name="declaration"/> (a method body, a constructor body, a local function), or null.</summary>
        public static IOperation? Of(Compilation compilation, SyntaxNode declaration, CancellationToken cancellationToken)
        {
            if (!compilation.ContainsSyntaxTree(declaration.SyntaxTree))
            {
                return null;
            }

#pragma warning disable RS1030 // The declaration is not the callback's own: its tree's model is needed (read once per member, see above).
            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
            return model.GetOperation(declaration, cancellationToken);
        }
    }
}
