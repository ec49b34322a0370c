using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Contract.OpenApi;
using ErrorContract.Analyzers.Discovery;
using ErrorContract.Analyzers.Discovery.Endpoints;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>How an endpoint is declared, for messages and fixes.</summary>
    internal enum EndpointStyle
    {
        /// <summary>A controller action: <c>[ProducesResponseType]</c> attributes.</summary>
        Action,

        /// <summary>A minimal API: <c>.Produces(…)</c> on the Map call.</summary>
        Minimal,
    }

    /// <summary>
    /// EC0012 and EC0013: what an endpoint returns against what it declares. Only statuses the contract documents are spoken
    /// of (a status the contract does not document is EC0001's, never both); an open endpoint (a declaration that cannot be
    /// read) and an endpoint that declares nothing are not judged.
    /// </summary>
    internal sealed class EndpointRules
    {
        private readonly ErrorContractModel contract;
        private readonly INamedTypeSymbol? statusCodes;

        // What EC0012 writes for a status is the same at every site that returns it: its properties and the way to declare it
        // are made once per status and kind of endpoint (first adoption reports thousands of EC0012).
        private readonly ConcurrentDictionary<(int Status, int Replacement, bool Fixable, EndpointStyle Style), (ImmutableDictionary<string, string?> Properties, string Message)> undeclared =
            new ConcurrentDictionary<(int, int, bool, EndpointStyle), (ImmutableDictionary<string, string?>, string)>();

        private Dictionary<int, string>? statusConstants;

        public EndpointRules(ErrorContractModel contract, WellKnownTypes types)
        {
            this.contract = contract;
            statusCodes = types.StatusCodes;
        }

        /// <summary>
        /// EC0012: each site whose documented status the endpoint does not declare. <paramref name="endpointLocation"/> (the Map
        /// call of a minimal API) is where the fix declares it; <paramref name="fixable"/> is false where the compiler already
        /// makes the declaration (a <c>Results&lt;…&gt;</c> return type).
        /// </summary>
        public void CheckUndeclared(EndpointReturns returns, EndpointDeclarations declarations, string endpoint, EndpointStyle style, Location? endpointLocation, bool fixable, DiagnosticDescriptor descriptor, Action<Diagnostic> report)
        {
            if (declarations.Open || declarations.IsEmpty || declarations.DeclaresDefault)
            {
                return;
            }

            HashSet<(SyntaxNode, int)>? reported = null;
            string? declared = null;
            foreach (var site in returns.Sites)
            {
                var status = site.Status;
                if (!contract.IsDocumented(status) || declarations.Declares(status))
                {
                    continue;
                }

                reported ??= new HashSet<(SyntaxNode, int)>();
                if (!reported.Add((site.Node, status)))
                {
                    continue;
                }

                declared ??= declarations.List();
                var text = status.ToString(CultureInfo.InvariantCulture);
                var written = Undeclared(status, ObviousReplacement(status, declarations) ?? 0, fixable, style);
                var additional = endpointLocation != null ? new[] { endpointLocation } : null;
                report(Diagnostic.Create(descriptor, site.Location, additional, written.Properties, text, endpoint, declared, written.Message));
            }
        }

        /// <summary>
        /// EC0012's properties and how-to-declare message for a status: <paramref name="replacement"/> is the declared status to
        /// return instead (0 when there is no obvious one).
        /// </summary>
        private (ImmutableDictionary<string, string?> Properties, string Message) Undeclared(int status, int replacement, bool fixable, EndpointStyle style)
        {
            var key = (status, replacement, fixable, style);
            if (undeclared.TryGetValue(key, out var written))
            {
                return written;
            }

            var how = HowToDeclare(status, style);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Status, status.ToString(CultureInfo.InvariantCulture));
            if (replacement != 0)
            {
                // The second fix: return the declared status instead (the site's rewrite is EC0001's).
                properties = properties.Add(DiagnosticProperties.Replacement, replacement.ToString(CultureInfo.InvariantCulture));
            }

            if (fixable)
            {
                properties = properties.Add(EndpointStyleProperty, style.ToString()).Add(DeclarationProperty, how.Declaration);
            }

            return undeclared.GetOrAdd(key, (properties, how.Message));
        }

        /// <summary>
        /// The status to return instead of an undeclared one, when there is exactly one candidate: the only status of the same
        /// class (2xx, 4xx, 5xx) that the endpoint declares and the contract documents. A 409 returned where 404 is the only
        /// client error declared may be the wrong status; where 400 and 404 are both declared, nothing says which.
        /// </summary>
        private int? ObviousReplacement(int status, EndpointDeclarations declarations)
        {
            int? candidate = null;
            foreach (var declaration in declarations.Statuses)
            {
                var declared = declaration.Status;
                if (declared / 100 != status / 100 || declared == status || declared == candidate || !contract.IsDocumented(declared))
                {
                    continue;
                }

                if (candidate != null)
                {
                    return null;
                }

                candidate = declared;
            }

            return candidate;
        }

        /// <summary>EC0013: each declaration on the endpoint itself whose status it never returns, unless the framework answers it.</summary>
        public void CheckNeverReturned(EndpointReturns returns, EndpointDeclarations declarations, string endpoint, DiagnosticDescriptor descriptor, Action<Diagnostic> report)
        {
            if (declarations.Open || declarations.IsEmpty || returns.Unknown)
            {
                return;
            }

            foreach (var declaration in declarations.Statuses)
            {
                var status = declaration.Status;
                if (!declaration.OnEndpoint || declaration.Location == null || returns.Returns(status)
                    || declarations.FrameworkProduces(status) || !contract.IsDocumented(status))
                {
                    continue;
                }

                report(Diagnostic.Create(descriptor, declaration.Location, status.ToString(CultureInfo.InvariantCulture), endpoint));
            }
        }

        /// <summary>
        /// The endpoint against its operations in the OpenAPI document (<paramref name="operations"/>, matched by method and
        /// route; nothing is said when there are none). An endpoint that declares statuses in code: EC0014 for each status it
        /// declares on itself that no operation documents (a status the contract does not document is EC0001's alone). An endpoint that declares nothing in code: the document is its
        /// declaration, and EC0012 reports each returned status (one the contract documents) that no operation documents.
        /// </summary>
        public void CheckAgainstOpenApi(
            EndpointReturns returns,
            EndpointDeclarations declarations,
            ImmutableArray<OpenApiOperation> operations,
            string endpoint,
            DiagnosticDescriptor undocumentedReturn,
            DiagnosticDescriptor undocumentedDeclaration,
            Action<Diagnostic> report)
        {
            if (operations.IsDefaultOrEmpty || declarations.Open || declarations.DeclaresDefault)
            {
                return;
            }

            string? documented = null;
            if (declarations.IsEmpty)
            {
                HashSet<(SyntaxNode, int)>? reported = null;
                foreach (var site in returns.Sites)
                {
                    var status = site.Status;
                    if (!contract.IsDocumented(status) || AnyDocuments(operations, status))
                    {
                        continue;
                    }

                    reported ??= new HashSet<(SyntaxNode, int)>();
                    if (reported.Add((site.Node, status)))
                    {
                        documented ??= Documented(operations);
                        var text = status.ToString(CultureInfo.InvariantCulture);
                        report(Diagnostic.Create(undocumentedReturn, site.Location, ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Status, text), text, endpoint, OperationNames(operations), documented));
                    }
                }

                return;
            }

            HashSet<(Location, int)>? seen = null;
            foreach (var declaration in declarations.Statuses)
            {
                var status = declaration.Status;
                if (!declaration.OnEndpoint || declaration.Location == null || !contract.IsDocumented(status) || AnyDocuments(operations, status))
                {
                    continue;
                }

                seen ??= new HashSet<(Location, int)>();
                if (seen.Add((declaration.Location, status)))
                {
                    documented ??= Documented(operations);
                    report(Diagnostic.Create(undocumentedDeclaration, declaration.Location, status.ToString(CultureInfo.InvariantCulture), endpoint, OperationNames(operations), documented));
                }
            }
        }

        private static bool AnyDocuments(ImmutableArray<OpenApiOperation> operations, int status)
        {
            foreach (var operation in operations)
            {
                if (operation.Documents(status))
                {
                    return true;
                }
            }

            return false;
        }

        private static string OperationNames(ImmutableArray<OpenApiOperation> operations)
        {
            var names = new List<string>(operations.Length);
            foreach (var operation in operations)
            {
                names.Add(operation.Display);
            }

            return string.Join(", ", names);
        }

        /// <summary>The response keys the operations document, for messages: "200, 404, 4XX, default", or "no response".</summary>
        private static string Documented(ImmutableArray<OpenApiOperation> operations)
        {
            var keys = new List<string>();
            foreach (var operation in operations)
            {
                foreach (var response in operation.Responses)
                {
                    if (!keys.Contains(response.Key))
                    {
                        keys.Add(response.Key);
                    }
                }
            }

            return keys.Count == 0 ? "no response" : string.Join(", ", keys);
        }

        /// <summary>The property naming how the endpoint declares statuses (<see cref="EndpointStyle"/>), for the fix.</summary>
        public const string EndpointStyleProperty = "EndpointStyle";

        /// <summary>
        /// The property holding what the fix writes: for an action, the attribute's status argument
        /// (<c>StatusCodes.Status404NotFound</c>); for a minimal API, the method chained on the Map call (<c>Produces</c> or
        /// <c>ProducesProblem</c>). Absent when no fix applies.
        /// </summary>
        public const string DeclarationProperty = "Declaration";

        private (string Message, string Declaration) HowToDeclare(int status, EndpointStyle style)
        {
            var text = status.ToString(CultureInfo.InvariantCulture);
            if (style == EndpointStyle.Action)
            {
                var constant = StatusConstant(status);
                var argument = constant != null ? "StatusCodes." + constant : text;
                return ("[ProducesResponseType(" + argument + ")] on the action or its controller", argument);
            }

            var method = contract.IsError(status) && contract.ErrorBody.IsProblemDetails ? "ProducesProblem" : "Produces";
            return ("." + method + "(" + text + ") on the Map call or its route group", method);
        }

        /// <summary>The name of the <c>StatusCodes</c> constant of a status (<c>Status404NotFound</c>), or null.</summary>
        private string? StatusConstant(int status)
        {
            if (statusCodes == null)
            {
                return null;
            }

            var constants = Volatile.Read(ref statusConstants);
            if (constants == null)
            {
                // Read once per compilation; two threads may both read it, and either map is right.
                constants = new Dictionary<int, string>();
                foreach (var member in statusCodes.GetMembers())
                {
                    if (member is IFieldSymbol field && field.IsConst && field.Name.StartsWith("Status", StringComparison.Ordinal)
                        && field.ConstantValue is int value && !constants.ContainsKey(value)
                        && field.Name.StartsWith("Status" + value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
                    {
                        constants.Add(value, field.Name);
                    }
                }

                Volatile.Write(ref statusConstants, constants);
            }

            return constants.TryGetValue(status, out var name) ? name : null;
        }
    }
}
