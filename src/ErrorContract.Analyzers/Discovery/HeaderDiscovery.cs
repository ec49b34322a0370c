using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// The response headers a piece of code sets: <c>Response.Headers["X"] = …</c>, <c>Headers.Append("X", …)</c>,
    /// <c>Headers.Add</c>/<c>TryAdd</c>, typed properties (<c>Response.Headers.RetryAfter = …</c>,
    /// <c>GetTypedHeaders().Set("X", …)</c>), and what the project's own helpers it calls set (summarised once per
    /// helper by <see cref="HelperDiscovery"/>). Facts only: which headers the documented contract requires is the rule's
    /// business. Made once per compilation, and only when the contract documents a required header.
    /// </summary>
    internal sealed class HeaderDiscovery
    {
        private readonly INamedTypeSymbol? headerDictionary;
        private readonly INamedTypeSymbol? responseHeaders;
        private readonly WellKnownTypes types;
        private readonly ConcurrentDictionary<SyntaxNode, HeaderWrites> functions = new ConcurrentDictionary<SyntaxNode, HeaderWrites>();

        public HeaderDiscovery(Compilation compilation, WellKnownTypes types)
        {
            this.types = types;
            var lookup = new TypeLookup(compilation);
            headerDictionary = lookup.Get("Microsoft.AspNetCore.Http.Features", "Microsoft.AspNetCore.Http.IHeaderDictionary");
            responseHeaders = lookup.GetFromPackage("Microsoft.AspNetCore.Http.Extensions", "Microsoft.AspNetCore.Http.Headers.ResponseHeaders");
        }

        /// <summary>
        /// The function a response site is made in: the innermost lambda, anonymous method or local function around it,
        /// else the member body (a method, an accessor, the top-level statements).
        /// </summary>
        public static IOperation EnclosingFunction(IOperation operation)
        {
            var current = operation;
            while (current.Parent != null)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return current;
                }

                current = current.Parent;
            }

            return current;
        }

        /// <summary>A lambda or anonymous method (from <see cref="EnclosingFunction"/>) assigned to RateLimiterOptions.OnRejected.</summary>
        public static bool IsOnRejectedHandler(IOperation function, WellKnownTypes types)
        {
            if (!(function is IAnonymousFunctionOperation) || types.Configuration == null)
            {
                return false;
            }

            var parent = function.Parent;
            while (parent is IDelegateCreationOperation || parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is ISimpleAssignmentOperation assignment
                && ConfigurationDiscovery.FromAssignment(assignment, types.Configuration).Kind == OptionsAssignmentKind.OnRejected;
        }

        /// <summary>The headers <paramref name="function"/> (from <see cref="EnclosingFunction"/>) sets, read once per function.</summary>
        public HeaderWrites WrittenBy(IOperation function)
        {
            if (functions.TryGetValue(function.Syntax, out var known))
            {
                return known;
            }

            var writes = new HeaderWrites();
            Collect(function, writes, null);
            functions.TryAdd(function.Syntax, writes);
            return writes;
        }

        /// <summary>Adds what <paramref name="root"/> and the project's helpers it calls set to <paramref name="writes"/>.</summary>
        internal void Collect(IOperation root, HeaderWrites writes, HashSet<IMethodSymbol>? visiting)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation property:
                        FromProperty(property, writes);
                        break;
                    case IInvocationOperation invocation:
                        FromInvocation(invocation, writes, visiting);
                        break;
                }
            }
        }

        /// <summary><c>Headers["X"] = …</c> (an indexer of a header dictionary) or <c>Headers.RetryAfter = …</c> (a typed property).</summary>
        private void FromProperty(IPropertyReferenceOperation property, HeaderWrites writes)
        {
            var symbol = property.Property;
            if (property.Instance == null || !IsHeaders(property.Instance.Type))
            {
                return;
            }

            if (symbol.IsIndexer)
            {
                if (property.Arguments.Length == 1 && property.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name })
                {
                    writes.Names.Add(name);
                }
                else
                {
                    writes.Unknown = true;
                }

                return;
            }

            // IHeaderDictionary.RetryAfter, ResponseHeaders.CacheControl: the property is named after the header, without its
            // hyphens; compared as such.
            writes.Properties.Add(HeaderWrites.Normalize(symbol.Name));
        }

        private void FromInvocation(IInvocationOperation invocation, HeaderWrites writes, HashSet<IMethodSymbol>? visiting)
        {
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "Add":
                case "TryAdd":
                case "Append":
                case "AppendCommaSeparatedValues":
                case "AppendList":
                case "Set":
                case "SetList":
                    var receiver = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    if (receiver != null && IsHeaders(receiver.Type))
                    {
                        FromWriterCall(invocation, writes);
                        return;
                    }

                    break;
            }

            if (!SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, types.SourceAssembly) || method.DeclaringSyntaxReferences.IsEmpty)
            {
                return;
            }

            if (types.TryGetFactoryStatus(method, out _))
            {
                // A generated error factory: its result sends the headers the contract documents for its status.
                writes.Unknown = true;
                return;
            }

            types.Helpers.AddHeadersWrittenBy(method.OriginalDefinition, this, writes, visiting);
        }

        private static void FromWriterCall(IInvocationOperation invocation, HeaderWrites writes)
        {
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null || parameter.Type.SpecialType != SpecialType.System_String)
                {
                    continue;
                }

                // The first string parameter is the header's name (key, name); a value parameter is StringValues or object.
                if (argument.Value.ConstantValue is { HasValue: true, Value: string name })
                {
                    writes.Names.Add(name);
                }
                else
                {
                    writes.Unknown = true;
                }

                return;
            }

            // Add(KeyValuePair<string, StringValues>) and the like: a header this discovery cannot name.
            writes.Unknown = true;
        }

        /// <summary>
        /// A method of the project that may set a response header: it is given an HttpContext, an HttpResponse or a header
        /// dictionary, or it is an instance method of a controller (which has <c>Response</c>). Others are not read.
        /// </summary>
        internal bool MaySetHeaders(IMethodSymbol method)
        {
            if (!method.IsStatic && ResponseDiscovery.DerivesFrom(method.ContainingType, types.ControllerBase))
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                var type = parameter.Type;
                if (type.SpecialType == SpecialType.None
                    && (ResponseDiscovery.DerivesFrom(type, types.HttpContext) || ResponseDiscovery.DerivesFrom(type, types.HttpResponse) || IsHeaders(type)))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsHeaders(ITypeSymbol? type) =>
            type != null
            && type.SpecialType == SpecialType.None
            && (ResponseDiscovery.Implements(type, headerDictionary) || (responseHeaders != null && SymbolEqualityComparer.Default.Equals(type, responseHeaders)));
    }

    /// <summary>The response headers a function sets, by name.</summary>
    internal sealed class HeaderWrites
    {
        /// <summary>Headers set by name: <c>Headers["X-RateLimit-Reset"]</c>, <c>Append("Retry-After", …)</c>.</summary>
        public HashSet<string> Names { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Headers set through a typed property, by the property's name lower-cased (<c>retryafter</c>).</summary>
        public HashSet<string> Properties { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>A header whose name is not a constant is set: every header may be.</summary>
        public bool Unknown { get; set; }

        public bool Sets(string header) => Unknown || Names.Contains(header) || (Properties.Count > 0 && Properties.Contains(Normalize(header)));

        public void AddAll(HeaderWrites other)
        {
            Names.UnionWith(other.Names);
            Properties.UnionWith(other.Properties);
            Unknown |= other.Unknown;
        }

        /// <summary><c>retryafter</c> for <c>Retry-After</c> and <c>RetryAfter</c>: how typed properties are compared with header names.</summary>
        public static string Normalize(string name) => name.Replace("-", string.Empty).ToLowerInvariant();
    }
}
