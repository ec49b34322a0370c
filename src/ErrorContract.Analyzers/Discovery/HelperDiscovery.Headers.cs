using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// The response headers the project's helpers set (<see cref="HeaderDiscovery"/>), summarised once per helper per
    /// compilation like their statuses: a response made in one method with its headers set by a helper it calls.
    /// </summary>
    internal sealed partial class HelperDiscovery
    {
        private readonly ConcurrentDictionary<IMethodSymbol, HeaderWrites> headerSummaries =
            new ConcurrentDictionary<IMethodSymbol, HeaderWrites>(SymbolEqualityComparer.Default);

        /// <summary>
        /// Adds the headers <paramref name="method"/> (a method of this compilation, with source) sets to
        /// <paramref name="writes"/>. A summary is kept once complete (no cycle or depth limit cut it short).
        /// </summary>
        public void AddHeadersWrittenBy(IMethodSymbol method, HeaderDiscovery discovery, HeaderWrites writes, HashSet<IMethodSymbol>? visiting)
        {
            if (headerSummaries.TryGetValue(method, out var known))
            {
                writes.AddAll(known);
                return;
            }

            if (!discovery.MaySetHeaders(method))
            {
                headerSummaries.TryAdd(method, new HeaderWrites());
                return;
            }

            visiting ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (visiting.Contains(method) || visiting.Count > MaxDepth)
            {
                return;
            }

            visiting.Add(method);
            var summary = new HeaderWrites();
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                // As for the status summaries: a helper's body is read once per helper per compilation (the summary is cached).
                var body = SourceBodies.Of(compilation, syntax, System.Threading.CancellationToken.None);
                if (body != null)
                {
                    discovery.Collect(body, summary, visiting);
                }
            }

            visiting.Remove(method);
            if (visiting.Count == 0)
            {
                headerSummaries.TryAdd(method, summary);
            }

            writes.AddAll(summary);
        }
    }
}
