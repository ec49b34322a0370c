using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// The header types EC0003 matches, resolved once per compilation
    /// (<see cref="WellKnownTypes.Authorization"/>). Client code (an SDK, a test project
    /// using <c>HttpClient</c>) may not reference ASP.NET Core, and a web API may not use
    /// <c>System.Net.Http</c>: either family is enough for the rule to run.
    /// </summary>
    internal sealed class AuthorizationTypes
    {
        private readonly ConcurrentDictionary<ITypeSymbol, bool> headerDictionaryTypes = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        private AuthorizationTypes(TypeLookup lookup)
        {
            AuthenticationHeaderValue = lookup.Get("System.Net.Http", "System.Net.Http.Headers.AuthenticationHeaderValue");
            HttpHeaders = lookup.Get("System.Net.Http", "System.Net.Http.Headers.HttpHeaders");
            HeaderDictionary = lookup.Get("Microsoft.AspNetCore.Http.Features", "Microsoft.AspNetCore.Http.IHeaderDictionary");
            HeaderNames = lookup.Get("Microsoft.Net.Http.Headers", "Microsoft.Net.Http.Headers.HeaderNames");
            StringValues = lookup.Get("Microsoft.Extensions.Primitives", "Microsoft.Extensions.Primitives.StringValues");
            Regex = lookup.Get("System.Text.RegularExpressions", "System.Text.RegularExpressions.Regex");
            GeneratedRegexAttribute = lookup.Get("System.Text.RegularExpressions", "System.Text.RegularExpressions.GeneratedRegexAttribute");
            Encoding = lookup.Get("System.Runtime", "System.Text.Encoding");
            CryptographicOperations = lookup.Get("System.Security.Cryptography", "System.Security.Cryptography.CryptographicOperations");
        }

        /// <summary><c>System.Net.Http.Headers.AuthenticationHeaderValue</c>.</summary>
        public INamedTypeSymbol? AuthenticationHeaderValue { get; }

        /// <summary><c>System.Net.Http.Headers.HttpHeaders</c>, base of request, response and content headers.</summary>
        public INamedTypeSymbol? HttpHeaders { get; }

        /// <summary><c>Microsoft.AspNetCore.Http.IHeaderDictionary</c>.</summary>
        public INamedTypeSymbol? HeaderDictionary { get; }

        /// <summary><c>Microsoft.Net.Http.Headers.HeaderNames</c> (<c>HeaderNames.Authorization</c>).</summary>
        public INamedTypeSymbol? HeaderNames { get; }

        /// <summary><c>Microsoft.Extensions.Primitives.StringValues</c>.</summary>
        public INamedTypeSymbol? StringValues { get; }

        /// <summary><c>System.Text.RegularExpressions.Regex</c>: a regex applied to the header handles its scheme.</summary>
        public INamedTypeSymbol? Regex { get; }

        /// <summary><c>[GeneratedRegex(pattern)]</c> (.NET 7 and later): the pattern of a source-generated regex.</summary>
        public INamedTypeSymbol? GeneratedRegexAttribute { get; }

        /// <summary><c>System.Text.Encoding</c>: <c>GetBytes(header)</c> carries the header's value (to a hash or a comparison).</summary>
        public INamedTypeSymbol? Encoding { get; }

        /// <summary><c>System.Security.Cryptography.CryptographicOperations</c>: <c>FixedTimeEquals</c> compares a key.</summary>
        public INamedTypeSymbol? CryptographicOperations { get; }

        /// <summary>The types, or null when the compilation references neither HttpClient's nor ASP.NET Core's header types.</summary>
        internal static AuthorizationTypes? Create(TypeLookup lookup)
        {
            var types = new AuthorizationTypes(lookup);
            if (types.HttpHeaders == null && types.AuthenticationHeaderValue == null && types.HeaderDictionary == null)
            {
                return null;
            }

            return types;
        }

        /// <summary>True for HttpClient header collections (<c>HttpRequestHeaders</c>, <c>HttpResponseHeaders</c>, …).</summary>
        public bool IsHttpHeaders(ITypeSymbol? type) => ResponseDiscovery.DerivesFrom(type, HttpHeaders);

        /// <summary>True for ASP.NET Core header dictionaries (<c>Request.Headers</c>, <c>Response.Headers</c>).</summary>
        public bool IsHeaderDictionary(ITypeSymbol? type)
        {
            if (type == null || HeaderDictionary == null)
            {
                return false;
            }

            // Asked of every receiver of Add/Append/Set (lists, dictionaries, builders): the answer is kept per type
            // definition, where the interface list would be read anew at each call.
            var definition = type.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, HeaderDictionary))
            {
                return true;
            }

            if (!headerDictionaryTypes.TryGetValue(definition, out var implements))
            {
                implements = ResponseDiscovery.Implements(definition, HeaderDictionary);
                headerDictionaryTypes.TryAdd(definition, implements);
            }

            return implements;
        }

        public bool IsAnyHeaders(ITypeSymbol? type) => IsHttpHeaders(type) || IsHeaderDictionary(type);

        public bool IsAuthenticationHeaderValue(ITypeSymbol? type)
        {
            return AuthenticationHeaderValue != null && SymbolEqualityComparer.Default.Equals(type, AuthenticationHeaderValue);
        }
    }
}
