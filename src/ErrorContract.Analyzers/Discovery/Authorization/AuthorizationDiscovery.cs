using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ErrorContract.Analyzers.Contract;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Finds what code does with the Authorization header (<see cref="AuthorizationSiteKind"/>): sends the key with
    /// the Bearer scheme or without it, expects or strips a "Bearer " prefix, reads the whole header as the key,
    /// announces Bearer in a challenge. It reports facts only, each with its location and written form; whether a
    /// fact contradicts the contract is the rule's business. The rule says which facts it wants
    /// (<see cref="AuthorizationQuery"/>), so that no work is done for the others. The scheme word is recognised in
    /// constants, concatenations and interpolations (through the operations' constant values), in any case.
    /// </summary>
    /// <remarks>
    /// One class in several files, one per kind of code: <c>AuthenticationHeaderValue</c> (HeaderValues), writes to
    /// header collections (HeaderWrites), <c>WWW-Authenticate</c> challenges (Challenges), checks of the incoming
    /// scheme (SchemeChecks), the header used as the key (WholeHeader), the header's value traced through the method (Flow), and the text of
    /// values (Values).
    /// </remarks>
    internal sealed partial class AuthorizationDiscovery
    {
        public const string BearerWord = "Bearer";

        private const int MaxDepth = 4;

        private readonly AuthorizationTypes types;
        private readonly string header;
        private readonly bool headerIsAuthorization;
        private readonly bool findBearerUses;
        private readonly bool findBareKeyUses;
        private readonly bool findOtherSchemes;
        private readonly bool findForbiddenHeaders;
        private readonly bool findQuery;
        private readonly bool findKeyConstants;
        private readonly ImmutableArray<string> forbiddenHeaders;
        private readonly string? keyPrefix;
        private readonly string? documentedScheme;

        /// <param name="types">The compilation's header types.</param>
        /// <param name="authorization">The header the key travels in (<c>Authorization</c>), the headers and places to watch (<c>never</c>), the key prefix.</param>
        /// <param name="query">The facts to look for.</param>
        public AuthorizationDiscovery(AuthorizationTypes types, AuthorizationContract authorization, AuthorizationQuery query)
        {
            this.types = types;
            header = authorization.Header;
            forbiddenHeaders = authorization.ForbiddenHeaders;
            if (!string.Equals(header, AuthorizationContract.DefaultHeader, StringComparison.OrdinalIgnoreCase) && !authorization.ForbidsHeader(AuthorizationContract.DefaultHeader))
            {
                // A header of its own (X-API-Key): the key never goes in Authorization either.
                forbiddenHeaders = forbiddenHeaders.Add(AuthorizationContract.DefaultHeader);
            }

            keyPrefix = authorization.KeyPrefix;
            documentedScheme = authorization.Scheme;
            headerIsAuthorization = string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase);
            findBearerUses = (query & AuthorizationQuery.BearerUses) != 0;
            findBareKeyUses = (query & AuthorizationQuery.BareKeyUses) != 0;
            findOtherSchemes = (query & AuthorizationQuery.OtherSchemeSends) != 0;
            findForbiddenHeaders = (query & AuthorizationQuery.ForbiddenHeaders) != 0;
            findQuery = (query & AuthorizationQuery.Query) != 0;
            findKeyConstants = (query & AuthorizationQuery.KeyConstants) != 0 && keyPrefix != null;
        }

        // ---------------------------------------------------------------- entry points

        /// <summary><c>new AuthenticationHeaderValue(…)</c>.</summary>
        public void FromObjectCreation(IObjectCreationOperation creation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            if (!headerIsAuthorization || creation.Constructor == null || !types.IsAuthenticationHeaderValue(creation.Type))
            {
                return;
            }

            FromHeaderValueCreation(creation, ref sites, cancellationToken);
        }

        public void FromInvocation(IInvocationOperation invocation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (method == null)
            {
                return;
            }

            // Every call of the project comes here: the method's name is read once, and each check below starts from it.
            var name = method.Name;
            if (IsHeaderWriteName(name))
            {
                FromHeaderWrite(invocation, ref sites, cancellationToken);
            }

            if ((findBearerUses || findOtherSchemes) && (name == "Parse" || name == "TryParse"))
            {
                FromHeaderValueParse(invocation, ref sites, cancellationToken);
            }

            if (findForbiddenHeaders && (name == "TryGetValue" || name == "GetValueOrDefault"))
            {
                FromForbiddenHeaderLookup(invocation, ref sites);
            }

            if (findBearerUses)
            {
                if (IsStringMethod(method))
                {
                    FromStringParsing(invocation, ref sites, cancellationToken);
                    FromSchemeEquals(invocation, ref sites);
                }
                else if (IsRegexMethod(method))
                {
                    FromRegex(invocation, ref sites, cancellationToken);
                }
            }

            if (findBareKeyUses)
            {
                FromKeyArguments(invocation, name, ref sites, cancellationToken);
            }
        }

        public void FromAssignment(ISimpleAssignmentOperation assignment, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // Only an indexer or a property named after the header (or the challenge header) writes one: other property
            // assignments (object initializers, options) leave before the receiver's type is examined.
            if (assignment.Target is IPropertyReferenceOperation property
                && (property.Property.IsIndexer || NameMatches(property.Property.Name, header) || NameMatches(property.Property.Name, ChallengeHeader) || ForbiddenHeaderMember(property.Property.Name) != null)
                && IsHeaderCollection(property.Instance?.Type ?? property.Property.ContainingType))
            {
                FromHeaderPropertyWrite(property, assignment.Value, ref sites, cancellationToken);
                return;
            }

            if (findBareKeyUses)
            {
                FromIndexerLookup(assignment.Value, ref sites, cancellationToken);
            }
        }

        public void FromVariableDeclarator(IVariableDeclaratorOperation declarator, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // var owner = owners[header]; (a key named variable holding the header is no longer a finding by its name: what the
            // value is used for decides).
            var value = declarator.Initializer?.Value;
            if (findBareKeyUses && value != null)
            {
                FromIndexerLookup(value, ref sites, cancellationToken);
            }
        }

        /// <summary><c>header[7..]</c>, <c>header["Bearer ".Length..]</c>: skips the scheme of the whole header.</summary>
        public void FromImplicitIndexer(IImplicitIndexerReferenceOperation range, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            if (findBearerUses
                && range.Instance != null
                && IsString(range.Instance.Type)
                && IsSchemeLengthRange(range.Argument, cancellationToken)
                && IsWholeHeaderRead(range.Instance, 0, cancellationToken))
            {
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ExpectsBearer, range.Syntax.GetLocation(), AuthorizationSiteSyntax.Other));
            }
        }

        public void FromBinary(IBinaryOperation binary, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            if (binary.OperatorKind != BinaryOperatorKind.Equals && binary.OperatorKind != BinaryOperatorKind.NotEquals)
            {
                return;
            }

            if (binary.LeftOperand == null || binary.RightOperand == null)
            {
                return;
            }

            if (findBareKeyUses)
            {
                // owners[header] != null
                FromIndexerLookup(binary.LeftOperand, ref sites, cancellationToken);
                FromIndexerLookup(binary.RightOperand, ref sites, cancellationToken);
            }

            // A header value and a scheme are strings (or StringValues): comparisons of numbers, enums and objects, most
            // of a project's comparisons, leave before any local is traced back to its initializer.
            if (!IsStringLike(Unwrap(binary.LeftOperand).Type) && !IsStringLike(Unwrap(binary.RightOperand).Type))
            {
                return;
            }

            if (findBearerUses && FromSchemeComparison(binary, binary.LeftOperand, binary.RightOperand, ref sites, cancellationToken))
            {
                return;
            }

            if (findBareKeyUses)
            {
                FromKeyComparison(binary.LeftOperand, binary.RightOperand, ref sites, cancellationToken);
                FromKeyComparison(binary.RightOperand, binary.LeftOperand, ref sites, cancellationToken);
            }
        }

        /// <summary>Adds a site, making the list on the first one: most operations have none, and allocate nothing.</summary>
        private static void Add(ref List<AuthorizationSite>? sites, AuthorizationSite site)
        {
            (sites ??= new List<AuthorizationSite>()).Add(site);
        }
    }
}
