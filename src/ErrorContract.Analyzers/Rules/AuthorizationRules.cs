using System.Collections.Immutable;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>The rewrite a code fix can apply to a site; <see cref="None"/> when no safe rewrite exists.</summary>
    internal enum AuthorizationFixKind
    {
        None,

        /// <summary><c>new AuthenticationHeaderValue("Bearer", key)</c> → <c>new AuthenticationHeaderValue(key)</c>.</summary>
        RemoveSchemeArgument,

        /// <summary><c>"Bearer " + key</c> or <c>$"Bearer {key}"</c> → <c>key</c>.</summary>
        RemovePrefix,

        /// <summary><c>header.Substring("Bearer ".Length)</c> or <c>header.Replace("Bearer ", "")</c> → <c>header</c>.</summary>
        RemoveParsing,

        /// <summary><c>new AuthenticationHeaderValue(key)</c> → <c>new AuthenticationHeaderValue("Bearer", key)</c>.</summary>
        AddSchemeArgument,

        /// <summary><c>key</c> → <c>$"Bearer {key}"</c> (the documented word).</summary>
        AddPrefix,

        /// <summary><c>new AuthenticationHeaderValue("Basic", key)</c>, <c>"Basic " + key</c> → the documented word in its place.</summary>
        ReplaceScheme,

        /// <summary><c>headers.Add("Authorization", key)</c> → <c>headers.Add("X-API-Key", key)</c>: the documented header's name.</summary>
        RenameHeader,
    }

    /// <summary>
    /// EC0003's decisions: which facts about the key contradict the contract's header, scheme, prefix and forbidden
    /// placements, and the fix for each. Where the scheme is none (Bearer forbidden), code that sends, expects or announces a
    /// scheme; where it is a word (Bearer, Basic, Token), code that sends another word, sends the bare key or reads the whole
    /// header as the key; under <c>never</c>, the key sent in or read from the query string or a forbidden header; with a
    /// <c>keyPrefix</c>, key constants that do not start with it.
    /// </summary>
    internal sealed class AuthorizationRules
    {
        private static readonly ImmutableArray<OperationKind> OperationKindsWhereForbidden =
            ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment, OperationKind.Binary, OperationKind.ImplicitIndexerReference);

        // Local declarations matter only where a scheme is required (a local initialised from a lookup by the header), ranges
        // only where Bearer is not the scheme (header[7..] skips it); both are rare operations.
        private static readonly ImmutableArray<OperationKind> OperationKindsWhereRequired =
            ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment, OperationKind.Binary, OperationKind.VariableDeclarator);

        private static readonly ImmutableArray<OperationKind> OperationKindsOfBoth =
            ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment, OperationKind.Binary, OperationKind.VariableDeclarator, OperationKind.ImplicitIndexerReference);

        // The diagnostic properties of each fix kind, made once per contract (indexed by the kind): Enum.ToString and a
        // dictionary per diagnostic are not free.
        private readonly ImmutableDictionary<string, string?>[] propertiesByFix;

        private readonly AuthorizationContract authorization;
        private readonly string? scheme;
        private readonly bool bearerForbidden;
        private readonly bool otherWord;
        private readonly bool ownHeader;
        private readonly string header;
        private readonly string contractName;

        public AuthorizationRules(AuthorizationContract authorization, string contractName)
        {
            this.authorization = authorization;
            scheme = authorization.Scheme;
            bearerForbidden = !authorization.UsesBearer;
            otherWord = scheme != null && !authorization.UsesBearer;
            header = authorization.Header;
            this.contractName = contractName;
            propertiesByFix = CreatePropertiesByFix(otherWord ? scheme : null, header);

            // In the Authorization header, another scheme word (Basic credentials beside a Bearer key) is another credential,
            // not the key: only Bearer, the key's usual scheme, is judged there. A header of its own carries the key alone.
            ownHeader = !string.Equals(header, AuthorizationContract.DefaultHeader, System.StringComparison.OrdinalIgnoreCase);
            var query = ownHeader ? AuthorizationQuery.OtherSchemeSends : AuthorizationQuery.None;
            query |= bearerForbidden ? AuthorizationQuery.BearerUses : AuthorizationQuery.None;
            query |= scheme != null ? AuthorizationQuery.BareKeyUses : AuthorizationQuery.None;
            // A header of its own makes Authorization a place the key never goes, listed under never or not.
            query |= authorization.ForbiddenHeaders.IsEmpty && !ownHeader ? AuthorizationQuery.None : AuthorizationQuery.ForbiddenHeaders;
            query |= authorization.QueryForbidden ? AuthorizationQuery.Query : AuthorizationQuery.None;
            query |= authorization.KeyPrefix != null ? AuthorizationQuery.KeyConstants : AuthorizationQuery.None;
            Query = query;
            var kinds = scheme == null ? OperationKindsWhereForbidden : otherWord ? OperationKindsOfBoth : OperationKindsWhereRequired;

            // Reads of a forbidden header (Request.Headers.Authorization) are property references, and query parameter names
            // (?api_key=, Request.Query["api_key"]) literals: registered only under contracts that forbid those places.
            if ((query & AuthorizationQuery.ForbiddenHeaders) != 0)
            {
                kinds = kinds.Add(OperationKind.PropertyReference);
            }

            if ((query & (AuthorizationQuery.Query | AuthorizationQuery.ForbiddenHeaders)) != 0)
            {
                // ?api_key=, Request.Query["api_key"], [FromQuery(Name = "api_key")], [FromHeader(Name = "Authorization")].
                kinds = kinds.Add(OperationKind.Literal);
            }

            OperationKinds = kinds;
        }

        /// <summary>The facts that can contradict the contract: the discovery looks for these only.</summary>
        public AuthorizationQuery Query { get; }

        /// <summary>The operations where those facts are found.</summary>
        public ImmutableArray<OperationKind> OperationKinds { get; }

        /// <summary>EC0003 for a site that contradicts the contract; null when it agrees with it.</summary>
        public Diagnostic? Check(AuthorizationSite site)
        {
            DiagnosticDescriptor descriptor;
            AuthorizationFixKind fix;
            var legacy = !otherWord;
            switch (site.Kind)
            {
                case AuthorizationSiteKind.SendsBearer when bearerForbidden:
                case AuthorizationSiteKind.SendsOtherScheme when ownHeader && !authorization.IsScheme(site.Word):
                    if (site.Kind == AuthorizationSiteKind.SendsBearer && scheme == null)
                    {
                        descriptor = Descriptors.EC0003_BearerSent;
                    }
                    else
                    {
                        descriptor = Descriptors.EC0003_OtherSchemeSent;
                        legacy = false;
                    }

                    fix = site.Syntax switch
                    {
                        AuthorizationSiteSyntax.SchemeArgument => scheme == null ? AuthorizationFixKind.RemoveSchemeArgument : AuthorizationFixKind.ReplaceScheme,
                        AuthorizationSiteSyntax.SchemePrefix => scheme == null ? AuthorizationFixKind.RemovePrefix : AuthorizationFixKind.ReplaceScheme,
                        _ => AuthorizationFixKind.None,
                    };
                    break;

                case AuthorizationSiteKind.ExpectsBearer when bearerForbidden:
                    descriptor = legacy ? Descriptors.EC0003_BearerExpected : Descriptors.EC0003_WrongSchemeExpected;
                    fix = site.Syntax == AuthorizationSiteSyntax.PrefixStrippingCall && scheme == null ? AuthorizationFixKind.RemoveParsing : AuthorizationFixKind.None;
                    break;

                case AuthorizationSiteKind.AnnouncesBearer when bearerForbidden:
                    descriptor = legacy ? Descriptors.EC0003_BearerAnnounced : Descriptors.EC0003_WrongSchemeAnnounced;
                    fix = AuthorizationFixKind.None;
                    break;

                case AuthorizationSiteKind.SendsBareKey when scheme != null:
                    descriptor = legacy ? Descriptors.EC0003_BareKeySent : Descriptors.EC0003_SchemeMissing;
                    fix = site.Syntax switch
                    {
                        AuthorizationSiteSyntax.KeyArgument => AuthorizationFixKind.AddSchemeArgument,
                        AuthorizationSiteSyntax.KeyExpression => AuthorizationFixKind.AddPrefix,
                        _ => AuthorizationFixKind.None,
                    };
                    break;

                case AuthorizationSiteKind.ReadsWholeHeader when scheme != null:
                    descriptor = legacy ? Descriptors.EC0003_WholeHeaderRead : Descriptors.EC0003_WholeHeaderReadWithoutScheme;
                    fix = AuthorizationFixKind.None;
                    break;

                case AuthorizationSiteKind.SendsKeyInHeader:
                    return Report(Descriptors.EC0003_KeySentInHeader, site, site.Syntax == AuthorizationSiteSyntax.HeaderNameLiteral ? AuthorizationFixKind.RenameHeader : AuthorizationFixKind.None);

                case AuthorizationSiteKind.ReadsKeyFromHeader:
                    return Report(Descriptors.EC0003_KeyReadFromHeader, site, AuthorizationFixKind.None);

                case AuthorizationSiteKind.SendsKeyInQuery:
                    return Report(Descriptors.EC0003_KeySentInQuery, site, AuthorizationFixKind.None);

                case AuthorizationSiteKind.ReadsKeyFromQuery:
                    return Report(Descriptors.EC0003_KeyReadFromQuery, site, AuthorizationFixKind.None);

                case AuthorizationSiteKind.KeyConstant when authorization.KeyPrefix != null
                    && site.Word != null
                    && !site.Word.StartsWith(authorization.KeyPrefix, System.StringComparison.Ordinal):
                    return Report(Descriptors.EC0003_KeyPrefix, site, AuthorizationFixKind.None);

                default:
                    return null;
            }

            if (legacy)
            {
                return Diagnostic.Create(descriptor, site.Location, propertiesByFix[(int)fix], header, contractName);
            }

            var offending = site.Kind switch
            {
                AuthorizationSiteKind.SendsOtherScheme => site.Word ?? string.Empty,
                AuthorizationSiteKind.SendsBearer or AuthorizationSiteKind.ExpectsBearer or AuthorizationSiteKind.AnnouncesBearer => AuthorizationDiscovery.BearerWord,
                _ => scheme ?? string.Empty,
            };
            return Diagnostic.Create(descriptor, site.Location, propertiesByFix[(int)fix], offending, contractName, authorization.Example);
        }

        private Diagnostic Report(DiagnosticDescriptor descriptor, in AuthorizationSite site, AuthorizationFixKind fix)
        {
            return Diagnostic.Create(descriptor, site.Location, propertiesByFix[(int)fix], site.Word ?? string.Empty, contractName, authorization.Example);
        }

        private static ImmutableDictionary<string, string?>[] CreatePropertiesByFix(string? schemeWord, string header)
        {
            var kinds = (AuthorizationFixKind[])System.Enum.GetValues(typeof(AuthorizationFixKind));
            var properties = new ImmutableDictionary<string, string?>[kinds.Length];
            foreach (var kind in kinds)
            {
                var forKind = kind == AuthorizationFixKind.None
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.AuthorizationFix, kind.ToString());
                if (schemeWord != null && (kind == AuthorizationFixKind.AddPrefix || kind == AuthorizationFixKind.AddSchemeArgument || kind == AuthorizationFixKind.ReplaceScheme))
                {
                    forKind = forKind.Add(DiagnosticProperties.AuthorizationScheme, schemeWord);
                }

                if (kind == AuthorizationFixKind.RenameHeader)
                {
                    forKind = forKind.Add(DiagnosticProperties.AuthorizationHeader, header);
                }

                properties[(int)kind] = forKind;
            }

            return properties;
        }
    }
}
