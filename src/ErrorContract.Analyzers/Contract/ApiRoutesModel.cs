using System.Collections.Immutable;
using ErrorContract.Analyzers.Contract.OpenApi;

namespace ErrorContract.Analyzers.Contract
{
    public sealed partial class ErrorContractModel
    {
        /// <summary>
        /// The contract's <c>apiRoutes</c>: the route patterns (<c>/v1/**</c>) that are the API. Empty when the contract has none,
        /// and then every route is the API.
        /// </summary>
        public ImmutableArray<string> ApiRoutes { get; internal set; } = ImmutableArray<string>.Empty;

        /// <summary>Whether a normalised route template (<see cref="RouteTemplates.Normalize"/>) is part of the API the contract documents.</summary>
        public bool IsApiRoute(string normalized)
        {
            if (ApiRoutes.IsDefaultOrEmpty)
            {
                return true;
            }

            foreach (var pattern in ApiRoutes)
            {
                if (RouteGlob.Matches(pattern, normalized))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
