using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery.Endpoints
{
    /// <summary>
    /// The discovery of endpoints, once per compilation: what each endpoint declares (<see cref="ControllerEndpoints"/>,
    /// <see cref="MinimalEndpoints"/>, <see cref="GlobalFilters"/>, <see cref="ApiConventions"/>) and what it returns
    /// (<see cref="ReturnDiscovery"/>). Reached through <see cref="WellKnownTypes.Endpoints"/>, made on the first question.
    /// </summary>
    internal sealed class EndpointDiscovery
    {
        internal EndpointDiscovery(Compilation compilation, TypeLookup lookup, WellKnownTypes types)
        {
            Compilation = compilation;
            Types = new EndpointTypes(lookup, types);
            Controllers = new ControllerEndpoints(Types, compilation);
            Returns = new ReturnDiscovery(compilation, types);
        }

        public Compilation Compilation { get; }

        public EndpointTypes Types { get; }

        public ControllerEndpoints Controllers { get; }

        public ReturnDiscovery Returns { get; }

        /// <summary>What each route group kept in a local declares, read once per local (a Program.cs maps many endpoints on one group).</summary>
        public ConcurrentDictionary<ILocalSymbol, EndpointDeclarations> GroupLocals { get; } =
            new ConcurrentDictionary<ILocalSymbol, EndpointDeclarations>(SymbolEqualityComparer.Default);
    }
}
