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

        /// <summary><c>key</c> → <c>$"Bearer {key}"</c>.</summary>
        AddPrefix,
    }

    /// <summary>
    /// EC0003's decisions: which facts about the Authorization header contradict the contract's Bearer policy, and the
    /// fix for each. Where Bearer is forbidden, code that sends, expects or announces it; where it is required, code that
    /// sends the bare key or reads the whole header as the key.
    /// </summary>
    internal sealed class AuthorizationRules
    {
        private static readonly ImmutableArray<OperationKind> OperationKindsWhereForbidden =
            ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment, OperationKind.Binary, OperationKind.ImplicitIndexerReference);

        // Local declarations matter only where Bearer is required (a local initialised from a lookup by the header), ranges
        // only where it is forbidden (header[7..] skips the scheme); both are rare operations.
        private static readonly ImmutableArray<OperationKind> OperationKindsWhereRequired =
            ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment, OperationKind.Binary, OperationKind.VariableDeclarator);

        // The diagnostic properties of each fix kind, made once (indexed by the kind): Enum.ToString and a dictionary per
        // diagnostic are not free.
        private static readonly ImmutableDictionary<string, string?>[] PropertiesByFix = CreatePropertiesByFix();

        private readonly bool bearerForbidden;
        private readonly string header;
        private readonly string contractName;

        public AuthorizationRules(AuthorizationContract authorization, string contractName)
        {
            bearerForbidden = authorization.Bearer == BearerPolicy.Forbidden;
            header = authorization.Header;
            this.contractName = contractName;
        }

        /// <summary>The facts that can contradict the contract: the discovery looks for these only.</summary>
        public AuthorizationQuery Query => bearerForbidden ? AuthorizationQuery.BearerUses : AuthorizationQuery.BareKeyUses;

        /// <summary>The operations where those facts are found.</summary>
        public ImmutableArray<OperationKind> OperationKinds => bearerForbidden ? OperationKindsWhereForbidden : OperationKindsWhereRequired;

        /// <summary>EC0003 for a site that contradicts the contract; null when it agrees with it.</summary>
        public Diagnostic? Check(AuthorizationSite site)
        {
            DiagnosticDescriptor descriptor;
            AuthorizationFixKind fix;
            switch (site.Kind)
            {
                case AuthorizationSiteKind.SendsBearer when bearerForbidden:
                    descriptor = Descriptors.EC0003_BearerSent;
                    fix = site.Syntax switch
                    {
                        AuthorizationSiteSyntax.BearerSchemeArgument => AuthorizationFixKind.RemoveSchemeArgument,
                        AuthorizationSiteSyntax.BearerPrefix => AuthorizationFixKind.RemovePrefix,
                        _ => AuthorizationFixKind.None,
                    };
                    break;

                case AuthorizationSiteKind.ExpectsBearer when bearerForbidden:
                    descriptor = Descriptors.EC0003_BearerExpected;
                    fix = site.Syntax == AuthorizationSiteSyntax.PrefixStrippingCall ? AuthorizationFixKind.RemoveParsing : AuthorizationFixKind.None;
                    break;

                case AuthorizationSiteKind.AnnouncesBearer when bearerForbidden:
                    descriptor = Descriptors.EC0003_BearerAnnounced;
                    fix = AuthorizationFixKind.None;
                    break;

                case AuthorizationSiteKind.SendsBareKey when !bearerForbidden:
                    descriptor = Descriptors.EC0003_BareKeySent;
                    fix = site.Syntax switch
                    {
                        AuthorizationSiteSyntax.KeyArgument => AuthorizationFixKind.AddSchemeArgument,
                        AuthorizationSiteSyntax.KeyExpression => AuthorizationFixKind.AddPrefix,
                        _ => AuthorizationFixKind.None,
                    };
                    break;

                case AuthorizationSiteKind.ReadsWholeHeader when !bearerForbidden:
                    descriptor = Descriptors.EC0003_WholeHeaderRead;
                    fix = AuthorizationFixKind.None;
                    break;

                default:
                    return null;
            }

            return Diagnostic.Create(descriptor, site.Location, PropertiesByFix[(int)fix], header, contractName);
        }

        private static ImmutableDictionary<string, string?>[] CreatePropertiesByFix()
        {
            var kinds = (AuthorizationFixKind[])System.Enum.GetValues(typeof(AuthorizationFixKind));
            var properties = new ImmutableDictionary<string, string?>[kinds.Length];
            foreach (var kind in kinds)
            {
                properties[(int)kind] = kind == AuthorizationFixKind.None
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.AuthorizationFix, kind.ToString());
            }

            return properties;
        }
    }
}
