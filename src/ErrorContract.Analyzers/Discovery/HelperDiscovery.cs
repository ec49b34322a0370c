using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Statuses that reach a response through the project's own helpers: a base-controller
    /// <c>Error(int status, string code, string message)</c>, an extension method, a static factory. A
    /// helper whose status parameter flows into a framework status (<c>StatusCode(status, …)</c>,
    /// <c>Results.Json(…, statusCode: status)</c>, <c>Response.StatusCode = status</c>, another such helper)
    /// is summarised once per compilation; each call with a constant for that parameter is then a response
    /// site at the call. Statuses and bodies written inside the helper itself are reported there, once.
    /// </summary>
    internal sealed partial class HelperDiscovery
    {
        /// <summary>How many helper-to-helper hops are followed.</summary>
        private const int MaxDepth = 3;

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>> summaries =
            new ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<ITypeSymbol, bool> resultTypes =
            new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        private readonly INamedTypeSymbol? actionResult;
        private readonly INamedTypeSymbol? result;
        private readonly INamedTypeSymbol? httpContext;
        private readonly INamedTypeSymbol? convertToActionResult;

        public HelperDiscovery(Compilation compilation, WellKnownTypes types)
        {
            this.compilation = compilation;
            actionResult = types.ActionResultInterface;
            result = types.ResultInterface;
            httpContext = types.HttpContext;
            convertToActionResult = types.ConvertToActionResult;
        }

        /// <summary>Adds a site for each constant status passed to a helper's status parameter.</summary>
        public void FromHelperCall(IInvocationOperation invocation, WellKnownTypes types, List<ResponseSite> sites)
        {
            // The caller has found the method to be the project's own. Most such calls (a service, a mapper) leave here, on
            // the call's own arguments and type, before the method's parameters are read or the summaries asked.
            if (!MayCallHelper(invocation, types))
            {
                return;
            }

            var statusParameters = StatusParametersOf(invocation.TargetMethod, types);
            if (statusParameters.IsEmpty)
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null || argument.ArgumentKind != ArgumentKind.Explicit || !statusParameters.Contains(parameter.Ordinal))
                {
                    continue;
                }

                ResponseDiscovery.AddStatuses(argument.Value, ResponseSiteKind.StatusArgument, ResponseApi.Other, invocation.Syntax, invocation, null, sites, reportsStatus: true);
            }
        }

        /// <summary>
        /// The status parameters of a method of this compilation called from code, for calls that may reach a helper
        /// (<see cref="MayCallHelper"/>): decided once per method, a method that is no helper having none.
        /// </summary>
        private ImmutableArray<int> StatusParametersOf(IMethodSymbol method, WellKnownTypes types)
        {
            // A generic method is decided at each call: a construction (returning T as IActionResult) can be a helper
            // where the definition, the key of the summaries, is not.
            var cacheable = !method.IsGenericMethod && method.ContainingType?.IsGenericType != true;
            if (cacheable && summaries.TryGetValue(method, out var known))
            {
                return known;
            }

            if (!IsCandidate(method, types))
            {
                if (cacheable)
                {
                    summaries.TryAdd(method, ImmutableArray<int>.Empty);
                }

                return ImmutableArray<int>.Empty;
            }

            var complete = true;
            return Summary(method.OriginalDefinition, types, null, ref complete);
        }

        /// <summary>
        /// A method of this compilation, with source, that takes an int and either returns a result (an
        /// IActionResult, an IResult, or a task of one) or writes to an HttpContext/HttpResponse it is given.
        /// Cheap checks on the symbol only; the body is read once, for candidates.
        /// </summary>
        private bool IsCandidate(IMethodSymbol method, WellKnownTypes types)
        {
            // From the cheapest check: methods of referenced assemblies leave at the first one, methods without an int
            // parameter at the second (no base-type walk, no interface list).
            if (!SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly))
            {
                return false;
            }

            if (!HasIntParameter(method))
            {
                return false;
            }

            var parameters = method.Parameters;
            var writesResponse = IsResult(types.UnwrapTask(method.ReturnType));
            for (var i = 0; !writesResponse && i < parameters.Length; i++)
            {
                var type = parameters[i].Type;
                writesResponse = ResponseDiscovery.DerivesFrom(type, httpContext) || ResponseDiscovery.DerivesFrom(type, types.HttpResponse);
            }

            return writesResponse && !method.DeclaringSyntaxReferences.IsEmpty;
        }

        /// <summary>
        /// <see cref="IsCandidate"/> as the call shows it: an int passed (every parameter has an argument in the call:
        /// explicit, default or params), and a result returned or an HttpContext/HttpResponse passed.
        /// </summary>
        /// <remarks>
        /// The types are read from the argument values, which carry their conversion to the parameter's type: a parameter's
        /// own <c>Type</c> is a new symbol object on each read in code with nullable annotations enabled.
        /// </remarks>
        private bool MayCallHelper(IInvocationOperation invocation, WellKnownTypes types)
        {
            var hasInt = false;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.Type?.SpecialType == SpecialType.System_Int32)
                {
                    hasInt = true;
                    break;
                }
            }

            if (!hasInt)
            {
                return false;
            }

            if (IsResult(types.UnwrapTask(invocation.Type)))
            {
                return true;
            }

            foreach (var argument in invocation.Arguments)
            {
                var type = argument.Value.Type;
                if (type != null && type.SpecialType == SpecialType.None
                    && (ResponseDiscovery.DerivesFrom(type, httpContext) || ResponseDiscovery.DerivesFrom(type, types.HttpResponse)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasIntParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_Int32)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An IActionResult, IResult or IConvertToActionResult. The interfaces are not generic, so the answer holds for the
        /// type's definition: it is kept per definition, as the return types of a project's calls repeat.
        /// </summary>
        private bool IsResult(ITypeSymbol? type)
        {
            if (type == null || type.SpecialType != SpecialType.None)
            {
                return false;
            }

            var definition = type.OriginalDefinition;
            if (!resultTypes.TryGetValue(definition, out var isResult))
            {
                isResult = ResponseDiscovery.Implements(definition, actionResult)
                    || ResponseDiscovery.Implements(definition, result)
                    || ResponseDiscovery.Implements(definition, convertToActionResult);
                resultTypes.TryAdd(definition, isResult);
            }

            return isResult;
        }

        /// <summary>
        /// The ordinals of the parameters whose value becomes the response status. A summary is cached once it is
        /// complete (no helper cycle or depth limit cut it short), so every thread and every call sees the same
        /// value; a cut summary is used for the call at hand only.
        /// </summary>
        private ImmutableArray<int> Summary(IMethodSymbol method, WellKnownTypes types, HashSet<IMethodSymbol>? visiting, ref bool complete)
        {
            if (summaries.TryGetValue(method, out var known))
            {
                return known;
            }

            visiting ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (visiting.Contains(method) || visiting.Count > MaxDepth)
            {
                complete = false;
                return ImmutableArray<int>.Empty;
            }

            visiting.Add(method);
            var ownComplete = true;
            var result = Compute(method, types, visiting, ref ownComplete);
            visiting.Remove(method);
            if (ownComplete)
            {
                summaries.TryAdd(method, result);
            }
            else
            {
                complete = false;
            }

            return result;
        }

        private ImmutableArray<int> Compute(IMethodSymbol method, WellKnownTypes types, HashSet<IMethodSymbol> visiting, ref bool complete)
        {
            var found = new List<int>();
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                // A helper's body lives in another method, often another tree: read once per helper per compilation (the summary is cached).
                var body = SourceBodies.Of(compilation, syntax, System.Threading.CancellationToken.None);
                if (body == null)
                {
                    continue;
                }

                foreach (var operation in body.Descendants())
                {
                    IOperation? statusValue = null;
                    switch (operation)
                    {
                        case IInvocationOperation call:
                            statusValue = StatusArgumentOfCall(call, method, types, visiting, ref complete, found);
                            break;
                        case IObjectCreationOperation creation when ResponseDiscovery.DerivesFrom(creation.Type, types.ObjectResult) || ResponseDiscovery.DerivesFrom(creation.Type, types.StatusCodeResult):
                            statusValue = NamedArgument(creation.Arguments, "statusCode");
                            break;
                        case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation property
                            && property.Property.Name == "StatusCode"
                            && (ResponseDiscovery.DerivesFrom(property.Property.ContainingType, types.HttpResponse) || ResponseDiscovery.DerivesFrom(property.Property.ContainingType, types.ObjectResult)):
                            statusValue = assignment.Value;
                            break;
                    }

                    AddParameter(statusValue, method, found);
                }
            }

            found.Sort();
            var builder = ImmutableArray.CreateBuilder<int>();
            foreach (var ordinal in found)
            {
                if (builder.Count == 0 || builder[builder.Count - 1] != ordinal)
                {
                    builder.Add(ordinal);
                }
            }

            return builder.ToImmutable();
        }

        private IOperation? StatusArgumentOfCall(IInvocationOperation call, IMethodSymbol helper, WellKnownTypes types, HashSet<IMethodSymbol> visiting, ref bool complete, List<int> found)
        {
            var target = call.TargetMethod;
            var containing = target.ContainingType?.OriginalDefinition;
            if (containing == null)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(containing, types.ControllerBase)
                || SymbolEqualityComparer.Default.Equals(containing, types.Results)
                || SymbolEqualityComparer.Default.Equals(containing, types.TypedResults))
            {
                return NamedArgument(call.Arguments, "statusCode");
            }

            // Another helper: its status parameters, fed from this helper's parameters.
            if (IsCandidate(target, types) && !SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, helper))
            {
                var inner = Summary(target.OriginalDefinition, types, visiting, ref complete);
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter != null && inner.Contains(argument.Parameter.Ordinal))
                    {
                        AddParameter(argument.Value, helper, found);
                    }
                }
            }

            return null;
        }

        private static IOperation? NamedArgument(ImmutableArray<IArgumentOperation> arguments, string name)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == name)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static void AddParameter(IOperation? value, IMethodSymbol helper, List<int> found)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is IParameterReferenceOperation parameter
                && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol?.OriginalDefinition, helper))
            {
                found.Add(parameter.Parameter.Ordinal);
            }
        }
    }
}
