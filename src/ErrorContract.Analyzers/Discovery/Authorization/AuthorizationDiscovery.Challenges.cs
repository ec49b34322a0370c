using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>The <c>WWW-Authenticate</c> challenge of a 401 response, which announces the scheme the API expects.</summary>
    internal sealed partial class AuthorizationDiscovery
    {
        private const string ChallengeHeader = "WWW-Authenticate";

        /// <summary>A value written to the challenge header: one that starts with Bearer announces it (only a challenge for the Authorization header).</summary>
        private void CheckChallengeValue(IOperation value, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            if (!findBearerUses || !headerIsAuthorization)
            {
                return;
            }

            var operand = Unwrap(value);
            if (IsStringLike(operand.Type) && IsBearer(LeadingText(operand, out _, 0, cancellationToken)))
            {
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.AnnouncesBearer, operand.Syntax.GetLocation(), AuthorizationSiteSyntax.Other));
            }
        }

        /// <summary>A value added to the challenge header: <c>response.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Bearer"))</c>.</summary>
        private static bool IsChallengeValue(IOperation creation)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is IArgumentOperation { Parent: IInvocationOperation { Instance: IPropertyReferenceOperation target } }
                && NameMatches(target.Property.Name, ChallengeHeader);
        }
    }
}
