using System;
using System.Collections.Generic;
using System.Threading;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.CodeFixes.Internals
{
    /// <summary>
    /// Finds the response site of a diagnostic again: the fix runs the analyzer's discovery over the operation at the
    /// reported node and the operations around it, innermost first, and takes the first site the diagnostic describes.
    /// </summary>
    internal static class SiteRediscovery
    {
        /// <summary>How many operations, from the reported one outwards, are searched.</summary>
        private const int MaxDepth = 12;

        /// <param name="model">The semantic model of the document the diagnostic is in.</param>
        /// <param name="node">The node the diagnostic marks.</param>
        /// <param name="discover">Adds the sites of one operation to the list; false when the operation is not one to search.</param>
        /// <param name="matches">True for the site the diagnostic was reported for.</param>
        /// <param name="cancellationToken">Cancels the search.</param>
        public static ResponseSite? FindAround(
            SemanticModel model,
            SyntaxNode node,
            Func<IOperation, List<ResponseSite>, bool> discover,
            Func<ResponseSite, bool> matches,
            CancellationToken cancellationToken)
        {
            var sites = new List<ResponseSite>();
            var operation = model.GetOperation(node, cancellationToken);
            for (var depth = 0; operation != null && depth < MaxDepth; depth++, operation = operation.Parent)
            {
                sites.Clear();
                if (!discover(operation, sites))
                {
                    continue;
                }

                foreach (var site in sites)
                {
                    if (matches(site))
                    {
                        return site;
                    }
                }
            }

            return null;
        }
    }
}
