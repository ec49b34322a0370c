using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.CodeFixes.Internals
{
    /// <summary>
    /// What every rewrite of one document needs: its tree, semantic model and framework types, and, read on first
    /// use, the project's contract and the types that could be its error type.
    /// </summary>
    internal sealed class FixContext
    {
        private readonly Document document;
        private ErrorContractModel? contract;
        private bool contractLoaded;
        private INamedTypeSymbol? resultInterface;
        private bool resultInterfaceResolved;
        private List<(INamedTypeSymbol Type, IReadOnlyList<JsonMember> Properties)>? candidateErrorTypes;

        private FixContext(Document document, SyntaxNode root, SemanticModel model, WellKnownTypes types, CancellationToken cancellationToken)
        {
            this.document = document;
            CancellationToken = cancellationToken;
            Root = root;
            Model = model;
            Types = types;
        }

        /// <summary>The document being fixed.</summary>
        public Document Document => document;

        public SyntaxNode Root { get; }

        public SemanticModel Model { get; }

        public WellKnownTypes Types { get; }

        /// <summary>The token of the fix this context was made for.</summary>
        public CancellationToken CancellationToken { get; }

        /// <summary>The project's <c>errorcontract.json</c>, read on first use; null when there is none or it is invalid.</summary>
        public ErrorContractModel? Contract
        {
            get
            {
                if (!contractLoaded)
                {
                    contract = ContractLoader.Load(document.Project.AnalyzerOptions.AdditionalFiles, CancellationToken);
                    contractLoaded = true;
                }

                return contract;
            }
        }

        /// <summary><c>Microsoft.AspNetCore.Http.IResult</c>, looked up by metadata name.</summary>
        public INamedTypeSymbol? IResult
        {
            get
            {
                if (!resultInterfaceResolved)
                {
                    resultInterface = Model.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IResult");
                    resultInterfaceResolved = true;
                }

                return resultInterface;
            }
        }

        /// <summary>The project's own types that could be its error type (concrete, non-generic, with a known JSON shape), found once.</summary>
        public List<(INamedTypeSymbol Type, IReadOnlyList<JsonMember> Properties)> CandidateErrorTypes
        {
            get
            {
                if (candidateErrorTypes != null)
                {
                    return candidateErrorTypes;
                }

                var found = new List<(INamedTypeSymbol, IReadOnlyList<JsonMember>)>();
                foreach (var symbol in Model.Compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type))
                {
                    if (!(symbol is INamedTypeSymbol type)
                        || type.IsAbstract || type.IsStatic || type.IsGenericType || type.IsImplicitlyDeclared
                        || (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct)
                        || ResponseDiscovery.DerivesFrom(type, Types.ProblemDetails)
                        || ResponseDiscovery.DerivesFrom(type, Types.ControllerBase))
                    {
                        continue;
                    }

                    var properties = JsonShape.GetProperties(type, Types);
                    if (properties != null && properties.Count > 0)
                    {
                        found.Add((type, properties));
                    }
                }

                return candidateErrorTypes = found;
            }
        }

        /// <summary>The node a diagnostic marks in this tree.</summary>
        public SyntaxNode FindReportedNode(TextSpan span) => SyntaxHelpers.FindReportedNode(Root, span);

        /// <summary>The context of the document as it is now; null without a tree or semantic model, or outside ASP.NET Core.</summary>
        public static async Task<FixContext?> CreateAsync(Document document, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return null;
            }

            var types = WellKnownTypes.ForAspNetCore(model.Compilation);
            return types == null ? null : new FixContext(document, root, model, types, cancellationToken);
        }
    }
}
