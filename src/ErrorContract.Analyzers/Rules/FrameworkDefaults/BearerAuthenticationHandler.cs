using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Rules
{
    public sealed partial class FrameworkDefaultsAnalyzer
    {
        /// <summary>EC0008: AddJwtBearer() or AddBearerToken() under a contract that forbids the Bearer scheme.</summary>
        private static void CheckBearerHandler(OperationAnalysisContext context, ErrorContractModel contract, in ConfigurationCall call)
        {
            if (contract.Authorization is AuthorizationContract authorization && authorization.Bearer == BearerPolicy.Forbidden)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EC0008_BearerAuthenticationHandler,
                    call.Location,
                    call.MethodName,
                    contract.DisplayName,
                    authorization.Header));
            }
        }
    }
}
