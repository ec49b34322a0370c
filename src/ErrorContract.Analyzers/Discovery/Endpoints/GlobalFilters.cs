using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery.Endpoints
{
    /// <summary>
    /// The response filters registered for every action: <c>options.Filters.Add(new ProducesResponseTypeAttribute(500))</c>
    /// on <c>MvcOptions</c> (in <c>AddControllers(o =&gt; …)</c>, <c>Configure&lt;MvcOptions&gt;</c>…). Gathered from the
    /// calls as the analyzer meets them; read when the compilation ends, once all are known.
    /// </summary>
    internal sealed class GlobalFilters
    {
        private readonly ConcurrentQueue<int> statuses = new ConcurrentQueue<int>();
        private volatile bool declaresDefault;
        private volatile bool open;
        private volatile bool significant;

        /// <summary>Records the filter an <c>Add</c> call on a <c>FilterCollection</c> registers, when it is a response one.</summary>
        public void Record(IInvocationOperation invocation, EndpointTypes types)
        {
            // Add(IFilterMetadata), Add(Type), Add<T>() and their ordered forms: the filter is the first argument or the type argument.
            ITypeSymbol? filterType = null;
            IOperation? value = null;
            if (invocation.TargetMethod.IsGenericMethod && invocation.TargetMethod.TypeArguments.Length == 1)
            {
                filterType = invocation.TargetMethod.TypeArguments[0];
            }
            else if (invocation.Arguments.Length > 0)
            {
                value = invocation.Arguments[0].Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                filterType = value is ITypeOfOperation typeOf ? typeOf.TypeOperand : value.Type;
            }

            if (filterType == null)
            {
                return;
            }

            if (ResponseDiscovery.DerivesFrom(filterType, types.ProducesDefaultResponseType))
            {
                declaresDefault = true;
                return;
            }

            var isResponseType = ResponseDiscovery.DerivesFrom(filterType, types.ProducesResponseType) || ResponseDiscovery.DerivesFrom(filterType, types.ProducesResponseTypeOfT);
            if (!isResponseType)
            {
                if (ResponseDiscovery.Implements(filterType, types.ApiResponseMetadataProvider))
                {
                    significant = true;
                    open = true;
                }

                return;
            }

            significant = true;
            if (value is IObjectCreationOperation creation && TryStatus(creation, out var status))
            {
                statuses.Enqueue(status);
            }
            else
            {
                open = true;
            }
        }

        private static bool TryStatus(IObjectCreationOperation creation, out int status)
        {
            status = 0;
            var found = false;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "statusCode" && argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value is int value)
                {
                    status = value;
                    found = true;
                }
            }

            if (creation.Initializer != null)
            {
                foreach (var initializer in creation.Initializer.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment && property.Property.Name == "StatusCode")
                    {
                        if (!(assignment.Value.ConstantValue.HasValue && assignment.Value.ConstantValue.Value is int value))
                        {
                            return false;
                        }

                        status = value;
                        found = true;
                    }
                }
            }

            // A derived filter type: its status is read only from arguments named statusCode or StatusCode.
            return found;
        }

        /// <summary>Adds the global declarations; returns true when one declares a response type (conventions then do not apply).</summary>
        public bool AddTo(EndpointDeclarations declarations)
        {
            foreach (var status in statuses)
            {
                declarations.Add(status, null, false);
            }

            declarations.DeclaresDefault |= declaresDefault;
            declarations.Open |= open;
            return significant;
        }
    }
}
