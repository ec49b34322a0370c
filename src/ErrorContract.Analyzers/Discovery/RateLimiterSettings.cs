using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Whether the project sets RateLimiterOptions.RejectionStatusCode and OnRejected anywhere: a syntax scan of the
    /// compilation's trees (generated ones included) for assignments to members of those names, done once per
    /// compilation and only when it registers a rate limiter and the contract documents a rate-limit status.
    /// </summary>
    /// <remarks>
    /// A scan rather than the operation callbacks: EC0007 is reported at the <c>AddRateLimiter()</c> call while the
    /// project is analysed (the IDE shows it as that file is edited), not when the compilation ends, so what the other
    /// files set must be known there; and the scan also sees assignments the callbacks never get (generated code,
    /// compound assignments, targets that do not bind while the code is being typed).
    /// </remarks>
    internal sealed class RateLimiterSettings
    {
        private RateLimiterSettings()
        {
        }

        public bool SetsRejectionStatusCode { get; private set; }

        public bool SetsOnRejected { get; private set; }

        public static RateLimiterSettings Scan(Compilation compilation, CancellationToken cancellationToken)
        {
            var settings = new RateLimiterSettings();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var root = tree.GetRoot(cancellationToken);
                foreach (var token in root.DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        continue;
                    }

                    var text = token.ValueText;
                    if ((text == "RejectionStatusCode" || text == "OnRejected") && IsAssignmentTarget(token.Parent))
                    {
                        if (text == "RejectionStatusCode")
                        {
                            settings.SetsRejectionStatusCode = true;
                        }
                        else
                        {
                            settings.SetsOnRejected = true;
                        }
                    }
                }
            }

            return settings;
        }

        private static bool IsAssignmentTarget(SyntaxNode? name)
        {
            var target = name?.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            return target?.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target;
        }
    }
}
