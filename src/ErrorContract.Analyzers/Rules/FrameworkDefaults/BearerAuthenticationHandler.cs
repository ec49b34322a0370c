using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Rules
{
    public sealed partial class FrameworkDefaultsAnalyzer
    {
        /// <summary>
        /// EC0008: AddJwtBearer() or AddBearerToken() under a contract whose scheme is not Bearer: the bare key
        /// (<c>"scheme": "none"</c>, the legacy <c>"bearer": "forbidden"</c>), another word (<c>Basic</c>, <c>Token</c>), or
        /// another header (<c>X-API-Key</c>).
        /// </summary>
        private static void CheckBearerHandler(OperationAnalysisContext context, ErrorContractModel contract, in ConfigurationCall call)
        {
            if (contract.Authorization is AuthorizationContract authorization && !authorization.UsesBearer)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EC0008_BearerAuthenticationHandler,
                    call.Location,
                    call.MethodName,
                    contract.DisplayName,
                    authorization.Example));
            }
        }
    }
}
