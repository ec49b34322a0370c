using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery.Endpoints
{
    /// <summary>One status an endpoint declares, and the syntax that declares it.</summary>
    internal sealed class StatusDeclaration
    {
        public StatusDeclaration(int status, Location? location, bool onEndpoint)
        {
            Status = status;
            Location = location;
            OnEndpoint = onEndpoint;
        }

        public int Status { get; }

        /// <summary>The attribute, the <c>.Produces(…)</c> call or the <c>Results&lt;…&gt;</c> type argument; null when there is none in source.</summary>
        public Location? Location { get; }

        /// <summary>
        /// Declared on the endpoint itself (the action, the handler, the Map call): not on the controller, a base class, a group,
        /// a global filter or a convention, which declare for many endpoints at once.
        /// </summary>
        public bool OnEndpoint { get; }
    }

    /// <summary>
    /// What an endpoint declares it returns, merged as ASP.NET Core's API explorer merges it, and what the framework answers
    /// for it by itself (the statuses a declaration may name without the code returning them).
    /// </summary>
    internal sealed class EndpointDeclarations
    {
        private readonly List<StatusDeclaration> declarations = new List<StatusDeclaration>();

        /// <summary>A declaration could not be read (a derived attribute from a library, a builder from elsewhere): the endpoint is not judged.</summary>
        public bool Open { get; set; }

        /// <summary>
        /// The endpoint is mapped, directly or through groups made in the same method, on that method's
        /// <c>IEndpointRouteBuilder</c> parameter (<c>static void MapTools(this IEndpointRouteBuilder app)</c>). What it declares is
        /// all known only when every call of the method passes the application itself (not a route group, whose declarations
        /// and prefix would apply too): the rule checks that before judging it.
        /// </summary>
        public IParameterSymbol? AppParameter { get; set; }

        /// <summary><c>[ProducesDefaultResponseType]</c>: every status is declared.</summary>
        public bool DeclaresDefault { get; set; }

        /// <summary>The framework answers 400 for it: <c>[ApiController]</c>, or parameters bound from the request.</summary>
        public bool BadRequestByFramework { get; set; }

        /// <summary>401 and 403: <c>[Authorize]</c> or <c>RequireAuthorization()</c>.</summary>
        public bool Authorized { get; set; }

        /// <summary>415: <c>[Consumes]</c>.</summary>
        public bool Consumes { get; set; }

        /// <summary>429: <c>[EnableRateLimiting]</c> or <c>RequireRateLimiting(…)</c>.</summary>
        public bool RateLimited { get; set; }

        public IReadOnlyList<StatusDeclaration> Statuses => declarations;

        /// <summary>
        /// Nothing declared at all: such an endpoint is not judged. What the framework infers from a minimal API's return type
        /// (a value is a 200, <c>Ok&lt;T&gt;</c> its own status) is no declaration of the code's.
        /// </summary>
        public bool IsEmpty => !DeclaresDefault && !declaresSomething;

        private bool declaresSomething;

        public void Add(int status, Location? location, bool onEndpoint)
        {
            declarations.Add(new StatusDeclaration(status, location, onEndpoint));
            declaresSomething = true;
        }

        /// <summary>A status the API explorer infers from the handler's return type: declared, but not by the code.</summary>
        public void AddInferred(int status) => declarations.Add(new StatusDeclaration(status, null, false));

        public void AddRange(EndpointDeclarations other)
        {
            declarations.AddRange(other.declarations);
            declaresSomething |= other.declaresSomething;
            Open |= other.Open;
            AppParameter ??= other.AppParameter;
            DeclaresDefault |= other.DeclaresDefault;
            BadRequestByFramework |= other.BadRequestByFramework;
            Authorized |= other.Authorized;
            Consumes |= other.Consumes;
            RateLimited |= other.RateLimited;
        }

        public bool Declares(int status)
        {
            if (DeclaresDefault)
            {
                return true;
            }

            foreach (var declaration in declarations)
            {
                if (declaration.Status == status)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the framework answers this status for the endpoint by itself (EC0013 is silent about it).</summary>
        public bool FrameworkProduces(int status)
        {
            switch (status)
            {
                case 400:
                    return BadRequestByFramework;
                case 401:
                case 403:
                    return Authorized;
                case 415:
                    return Consumes;
                case 429:
                    return RateLimited;
                case 500:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The declared statuses for messages: "200, 404", or "default" with <c>[ProducesDefaultResponseType]</c>.</summary>
        public string List()
        {
            var statuses = new List<int>(declarations.Count);
            foreach (var declaration in declarations)
            {
                if (!statuses.Contains(declaration.Status))
                {
                    statuses.Add(declaration.Status);
                }
            }

            statuses.Sort();
            var builder = new StringBuilder();
            foreach (var status in statuses)
            {
                builder.Append(builder.Length == 0 ? string.Empty : ", ").Append(status.ToString(CultureInfo.InvariantCulture));
            }

            var list = builder.ToString();
            if (DeclaresDefault)
            {
                list = list.Length == 0 ? "default" : list + ", default";
            }

            return list;
        }
    }
}
