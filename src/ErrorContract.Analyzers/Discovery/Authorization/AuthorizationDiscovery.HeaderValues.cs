using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>HttpClient's typed header value: <c>new AuthenticationHeaderValue(…)</c> and <c>AuthenticationHeaderValue.Parse(…)</c>.</summary>
    internal sealed partial class AuthorizationDiscovery
    {
        /// <summary>
        /// <c>new AuthenticationHeaderValue("Bearer", key)</c> sends Bearer (<c>new AuthenticationHeaderValue("Bearer")</c>
        /// announces it in a challenge); <c>new AuthenticationHeaderValue(key)</c> sends the bare key.
        /// </summary>
        private void FromHeaderValueCreation(IObjectCreationOperation creation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // The caller has checked the type and that the constructor is known.
            var arguments = Ordered(creation.Arguments);
            if (arguments.Length == 0 || arguments.Length != creation.Constructor!.Parameters.Length)
            {
                return;
            }

            var scheme = arguments[0].Value;
            var schemeText = LeadingText(scheme, out var schemeComplete, 0, cancellationToken);
            if (findKeyConstants && arguments.Length == 2)
            {
                // new AuthenticationHeaderValue("Bearer", "sk_test_abc"): the key is the parameter.
                var keyText = LeadingText(arguments[1].Value, out var keyComplete, 0, cancellationToken);
                if (keyComplete)
                {
                    CheckKeyConstant(Unwrap(arguments[1].Value), keyText, ref sites);
                }
            }

            if (findBearerUses && IsBearer(schemeText))
            {
                if (arguments.Length == 2)
                {
                    var syntax = schemeComplete && IsExactlyBearer(schemeText) && HasExplicitArguments(creation, 2)
                        ? AuthorizationSiteSyntax.SchemeArgument
                        : AuthorizationSiteSyntax.Other;
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsBearer, creation.Syntax.GetLocation(), syntax));
                }
                else
                {
                    var kind = IsChallengeValue(creation) ? AuthorizationSiteKind.AnnouncesBearer : AuthorizationSiteKind.SendsBearer;
                    Add(ref sites, new AuthorizationSite(kind, creation.Syntax.GetLocation(), AuthorizationSiteSyntax.Other));
                }

                return;
            }

            if (findOtherSchemes && arguments.Length == 2 && schemeComplete && schemeText.Length > 0 && TokenLength(schemeText) == schemeText.Length && !IsBearer(schemeText))
            {
                // new AuthenticationHeaderValue("Basic", key): another scheme word.
                var syntax = HasExplicitArguments(creation, 2) ? AuthorizationSiteSyntax.SchemeArgument : AuthorizationSiteSyntax.Other;
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsOtherScheme, creation.Syntax.GetLocation(), syntax, schemeText));
                return;
            }

            if (findBareKeyUses && arguments.Length == 1 && !IsChallengeValue(creation) && LooksLikeBareKey(scheme, cancellationToken, allowSchemeNames: false))
            {
                var syntax = HasExplicitArguments(creation, 1) && IsString(Unwrap(scheme).Type)
                    ? AuthorizationSiteSyntax.KeyArgument
                    : AuthorizationSiteSyntax.Other;
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsBareKey, creation.Syntax.GetLocation(), syntax));
            }
        }

        /// <summary>
        /// <c>AuthenticationHeaderValue.Parse("Bearer " + key)</c>: builds a Bearer value to send;
        /// <c>AuthenticationHeaderValue.Parse(header).Parameter</c>: expects a scheme before the key in the incoming header.
        /// </summary>
        private void FromHeaderValueParse(IInvocationOperation invocation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // The caller has checked the method's name (Parse or TryParse).
            var method = invocation.TargetMethod;
            if (!headerIsAuthorization
                || !method.IsStatic
                || !types.IsAuthenticationHeaderValue(method.ContainingType))
            {
                return;
            }

            var arguments = Ordered(invocation.Arguments);
            if (arguments.Length == 0)
            {
                return;
            }

            var operand = Unwrap(arguments[0].Value);
            var text = LeadingText(operand, out _, 0, cancellationToken);
            if (IsBearer(text))
            {
                if (findBearerUses)
                {
                    var syntax = CanRemovePrefix(operand) ? AuthorizationSiteSyntax.SchemePrefix : AuthorizationSiteSyntax.Other;
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsBearer, operand.Syntax.GetLocation(), syntax));
                }

                return;
            }

            if (SchemeWord(text) is string word)
            {
                if (findOtherSchemes)
                {
                    var syntax = CanRemovePrefix(operand) ? AuthorizationSiteSyntax.SchemePrefix : AuthorizationSiteSyntax.Other;
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsOtherScheme, operand.Syntax.GetLocation(), syntax, word));
                }

                return;
            }

            if (!findBearerUses)
            {
                return;
            }

            // The incoming header parsed for what follows its scheme: AuthenticationHeaderValue.Parse(header).Parameter.
            if (IsWholeHeaderRead(operand, 0, cancellationToken) && ReadsParameterWithoutScheme(invocation, cancellationToken))
            {
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ExpectsBearer, invocation.Syntax.GetLocation(), AuthorizationSiteSyntax.Other));
            }
        }

        private static bool HasExplicitArguments(IObjectCreationOperation creation, int count)
        {
            var list = creation.Syntax switch
            {
                ObjectCreationExpressionSyntax explicitNew => explicitNew.ArgumentList,
                ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew.ArgumentList,
                _ => null,
            };

            return list != null && list.Arguments.Count == count;
        }
    }
}
