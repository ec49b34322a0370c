using System.Collections.Generic;

namespace ErrorContract.Analyzers.Discovery.Endpoints
{
    /// <summary>What an endpoint returns: the response sites attributed to it, and whether some return cannot be read.</summary>
    internal sealed class EndpointReturns
    {
        private readonly HashSet<int> statuses = new HashSet<int>();

        /// <summary>
        /// The sites in the endpoint's own code (its body, the local functions it calls) and at its calls of the project's
        /// helpers (a site there stands for what the helper returns), each with a status a diagnostic can name.
        /// </summary>
        public List<ResponseSite> Sites { get; } = new List<ResponseSite>();

        /// <summary>Something is returned whose status cannot be known (a result from a variable, <c>StatusCode(code)</c>…).</summary>
        public bool Unknown { get; set; }

        /// <summary>Every status returned, including the 200 of a value or of a method that returns nothing.</summary>
        public IReadOnlyCollection<int> Statuses => statuses;

        public void AddSite(ResponseSite site)
        {
            Sites.Add(site);
            statuses.Add(site.Status);
        }

        public void AddStatus(int status) => statuses.Add(status);

        public bool Returns(int status) => statuses.Contains(status);
    }
}
