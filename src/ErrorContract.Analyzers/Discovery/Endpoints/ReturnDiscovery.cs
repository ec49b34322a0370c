using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery.Endpoints
{
    /// <summary>
    /// Attributes the response sites of <see cref="ResponseDiscovery"/> to the endpoint that returns them: the sites in the
    /// action's or handler's body (through ternaries and switch expressions, which the discovery already splits), in the local
    /// functions it calls, and at its calls of the project's helpers: a helper with a status parameter
    /// (<see cref="HelperDiscovery"/>) or one whose body returns fixed statuses (<c>protected IActionResult Missing() =&gt;
    /// NotFound();</c> in a base controller, aspnetcore#4410), each followed three calls deep and summarised once. A result
    /// made inside a nested lambda (a LINQ selector, <c>Task.Run</c>) is not the endpoint's (aspnetcore#36315).
    /// </summary>
    internal sealed class ReturnDiscovery
    {
        private const int MaxDepth = 3;

        private readonly Compilation compilation;
        private readonly WellKnownTypes types;
        private readonly ConcurrentDictionary<IMethodSymbol, HelperReturns> helpers =
            new ConcurrentDictionary<IMethodSymbol, HelperReturns>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<ITypeSymbol, bool> resultTypes =
            new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        public ReturnDiscovery(Compilation compilation, WellKnownTypes types)
        {
            this.compilation = compilation;
            this.types = types;
        }

        /// <summary>What the endpoint whose body is <paramref name="body"/> returns; <paramref name="returnsNothing"/> for a method returning void or a task (its 200).</summary>
        public EndpointReturns Of(IOperation body, bool returnsNothing, CancellationToken cancellationToken)
        {
            var returns = new EndpointReturns();
            Walk(body, returns, 0, null, cancellationToken);
            if (returnsNothing)
            {
                returns.AddStatus(200);
            }

            return returns;
        }

        private void Walk(IOperation body, EndpointReturns returns, int depth, HashSet<IMethodSymbol>? visiting, CancellationToken cancellationToken)
        {
            // The sets are made on their first use: most handlers call no local function, and a lambda's body is small.
            var sites = ResponseSiteList.Rent();
            HashSet<IOperation>? known = null;
            var returned = new List<IOperation?>();
            HashSet<IMethodSymbol>? localFunctions = null;
            // Every operation of the body passes here: the switch is on the kind (one virtual call, where a type pattern per
            // case tests interfaces), and the stack holds a struct (no covariance check per push).
            var pending = new Stack<Pending>();
            pending.Push(new Pending(body));
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = pending.Pop().Operation;
                switch (current.Kind)
                {
                    case OperationKind.AnonymousFunction:
                    case OperationKind.LocalFunction:
                        // A lambda's results are not the endpoint's; a local function is walked where it is called.
                        continue;
                    case OperationKind.Return:
                    case OperationKind.YieldReturn:
                    case OperationKind.YieldBreak:
                        returned.Add(((IReturnOperation)current).ReturnedValue);
                        break;
                    case OperationKind.Invocation:
                        var invocation = (IInvocationOperation)current;
                        if (invocation.TargetMethod.MethodKind == MethodKind.LocalFunction)
                        {
                            var local = invocation.TargetMethod.OriginalDefinition;
                            localFunctions ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                            if (localFunctions.Add(local) && FindLocalFunction(body, local) is ILocalFunctionOperation declaration && declaration.Body != null)
                            {
                                pending.Push(new Pending(declaration.Body));
                            }

                            break;
                        }

                        var owner = types.OwnerOf(invocation.TargetMethod);
                        if (owner == ResponseCallOwner.None)
                        {
                            break;
                        }

                        sites.Clear();
                        if (owner == ResponseCallOwner.Project && types.TryGetFactoryStatus(invocation.TargetMethod, out var factoryStatus))
                        {
                            // ApiErrors.NotFound("…"): the generated factory's status, at the call.
                            returns.AddSite(new ResponseSite(factoryStatus, ResponseSiteKind.ImpliedByMethod, ResponseApi.Other, invocation.Syntax, invocation, null, null, null));
                            (known ??= new HashSet<IOperation>()).Add(invocation);
                            break;
                        }

                        ResponseDiscovery.FromInvocation(invocation, owner, types, sites);
                        if (Take(sites, returns))
                        {
                            (known ??= new HashSet<IOperation>()).Add(invocation);
                        }
                        else if (owner == ResponseCallOwner.Project && depth < MaxDepth && IsResult(types.UnwrapTask(invocation.Type)))
                        {
                            if (FromHelper(invocation, returns, depth, visiting, cancellationToken))
                            {
                                (known ??= new HashSet<IOperation>()).Add(invocation);
                            }
                        }

                        break;
                    case OperationKind.ObjectCreation:
                        var creation = (IObjectCreationOperation)current;
                        sites.Clear();
                        ResponseDiscovery.FromObjectCreation(creation, types, sites);
                        if (Take(sites, returns))
                        {
                            (known ??= new HashSet<IOperation>()).Add(creation);
                        }

                        break;
                    case OperationKind.SimpleAssignment:
                        var assignment = (ISimpleAssignmentOperation)current;
                        sites.Clear();
                        ResponseDiscovery.FromAssignment(assignment, types, sites);
                        Take(sites, returns);
                        if (sites.Count == 0 && assignment.Target is IPropertyReferenceOperation property && property.Property.Name == "StatusCode"
                            && ResponseDiscovery.DerivesFrom(property.Property.ContainingType, types.HttpResponse))
                        {
                            returns.Unknown = true;
                        }

                        break;
                }

                foreach (var child in current.ChildOperations)
                {
                    pending.Push(new Pending(child));
                }
            }

            ResponseSiteList.Return(sites);
            foreach (var value in returned)
            {
                Classify(value, known, returns, 0);
            }
        }

        /// <summary>Keeps the sites that state a status of a response (not metadata); true when there is one.</summary>
        private static bool Take(List<ResponseSite> sites, EndpointReturns returns)
        {
            var any = false;
            foreach (var site in sites)
            {
                if (site.ReportsStatus && site.Kind != ResponseSiteKind.Metadata && site.Kind != ResponseSiteKind.UnionTypeArgument)
                {
                    returns.AddSite(site);
                    any = true;
                }
            }

            return any;
        }

        /// <summary>What a returned value says: a site found, the 200 of a plain value, or a result whose status cannot be known.</summary>
        private void Classify(IOperation? value, HashSet<IOperation>? known, EndpointReturns returns, int depth)
        {
            var returnedSyntax = value?.Syntax;
            while (value is IConversionOperation || value is IParenthesizedOperation || value is IAwaitOperation)
            {
                value = value switch
                {
                    IConversionOperation conversion => conversion.Operand,
                    IParenthesizedOperation parenthesized => parenthesized.Operand,
                    IAwaitOperation awaited => awaited.Operation,
                    _ => value,
                };
            }

            if (value == null)
            {
                returns.AddStatus(200);
                return;
            }

            if (depth > 8)
            {
                returns.Unknown = true;
                return;
            }

            switch (value)
            {
                case IConditionalOperation conditional:
                    Classify(conditional.WhenTrue, known, returns, depth + 1);
                    Classify(conditional.WhenFalse, known, returns, depth + 1);
                    return;
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        Classify(arm.Value, known, returns, depth + 1);
                    }

                    return;
                case ICoalesceOperation coalesce:
                    Classify(coalesce.Value, known, returns, depth + 1);
                    Classify(coalesce.WhenNull, known, returns, depth + 1);
                    return;
                case IInvocationOperation _:
                case IObjectCreationOperation _:
                    if (known != null && known.Contains(value))
                    {
                        return;
                    }

                    break;
            }

            if (value.ConstantValue.HasValue && value.ConstantValue.Value == null)
            {
                returns.Unknown = true;
                return;
            }

            if (IsResult(types.UnwrapTask(value.Type)) || value.Type == null || value.Type.TypeKind == TypeKind.Error)
            {
                returns.Unknown = true;
            }
            else if (returnedSyntax != null && !value.IsImplicit)
            {
                // A value returned (a DTO from an ActionResult<T> action): a 200 response, at the value (API1001's case).
                returns.AddSite(new ResponseSite(200, ResponseSiteKind.ImpliedByMethod, ResponseApi.Other, returnedSyntax, null, null, null, null));
            }
            else
            {
                returns.AddStatus(200);
            }
        }

        /// <summary>Adds, at the call, a site for each status the project's helper returns; false when the helper cannot be read.</summary>
        private bool FromHelper(IInvocationOperation invocation, EndpointReturns returns, int depth, HashSet<IMethodSymbol>? visiting, CancellationToken cancellationToken)
        {
            var helper = invocation.TargetMethod.OriginalDefinition;
            if (!helpers.TryGetValue(helper, out var summary))
            {
                visiting ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                if (!visiting.Add(helper))
                {
                    returns.Unknown = true;
                    return false;
                }

                summary = Summarise(helper, depth + 1, visiting, cancellationToken);
                visiting.Remove(helper);
                helpers.TryAdd(helper, summary);
            }

            if (summary.Unknown)
            {
                returns.Unknown = true;
            }

            foreach (var status in summary.Statuses)
            {
                returns.AddSite(new ResponseSite(status, ResponseSiteKind.ImpliedByMethod, ResponseApi.Other, invocation.Syntax, invocation, null, null, null));
            }

            if (summary.Success)
            {
                returns.AddStatus(200);
            }

            return !summary.Unknown;
        }

        private HelperReturns Summarise(IMethodSymbol helper, int depth, HashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
        {
            if (helper.IsAbstract || helper.IsVirtual || helper.IsExtern)
            {
                // An override elsewhere may return anything.
                return HelperReturns.Unreadable;
            }

            foreach (var reference in helper.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                // A helper's body lives in another method, often another tree: read once per helper per compilation (the summary is cached).
                if (!(SourceBodies.Of(compilation, syntax, cancellationToken) is IMethodBodyOperation body))
                {
                    continue;
                }

                var inner = new EndpointReturns();
                Walk(body, inner, depth, visiting, cancellationToken);
                var statuses = ImmutableArray.CreateBuilder<int>();
                foreach (var site in inner.Sites)
                {
                    if (!statuses.Contains(site.Status))
                    {
                        statuses.Add(site.Status);
                    }
                }

                var success = false;
                foreach (var status in inner.Statuses)
                {
                    success |= status == 200 && !statuses.Contains(200);
                }

                return new HelperReturns(statuses.ToImmutable(), inner.Unknown, success);
            }

            return HelperReturns.Unreadable;
        }

        /// <summary>An operation waiting to be walked.</summary>
        private readonly struct Pending
        {
            public Pending(IOperation operation) => Operation = operation;

            public IOperation Operation { get; }
        }

        private static ILocalFunctionOperation? FindLocalFunction(IOperation body, IMethodSymbol local)
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is ILocalFunctionOperation declaration && SymbolEqualityComparer.Default.Equals(declaration.Symbol.OriginalDefinition, local))
                {
                    return declaration;
                }
            }

            // A local function declared in an enclosing function (a handler lambda calling its method's local function).
            for (var parent = body.Parent; parent != null; parent = parent.Parent)
            {
                if (parent.Parent == null)
                {
                    foreach (var operation in parent.Descendants())
                    {
                        if (operation is ILocalFunctionOperation declaration && SymbolEqualityComparer.Default.Equals(declaration.Symbol.OriginalDefinition, local))
                        {
                            return declaration;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>An IActionResult, IResult or IConvertToActionResult (<c>ActionResult&lt;T&gt;</c>), decided once per type definition.</summary>
        public bool IsResult(ITypeSymbol? type)
        {
            if (type == null || type.SpecialType != SpecialType.None)
            {
                return false;
            }

            var definition = type.OriginalDefinition;
            if (!resultTypes.TryGetValue(definition, out var isResult))
            {
                isResult = ResponseDiscovery.Implements(definition, types.ActionResultInterface)
                    || ResponseDiscovery.Implements(definition, types.ResultInterface)
                    || ResponseDiscovery.Implements(definition, types.ConvertToActionResult);
                resultTypes.TryAdd(definition, isResult);
            }

            return isResult;
        }

        private sealed class HelperReturns
        {
            public static readonly HelperReturns Unreadable = new HelperReturns(ImmutableArray<int>.Empty, true, false);

            public HelperReturns(ImmutableArray<int> statuses, bool unknown, bool success)
            {
                Statuses = statuses;
                Unknown = unknown;
                Success = success;
            }

            public ImmutableArray<int> Statuses { get; }

            public bool Unknown { get; }

            public bool Success { get; }
        }
    }
}
