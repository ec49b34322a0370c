using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery.Endpoints
{
    /// <summary>
    /// Reads what attributes declare about an endpoint's responses: <c>[ProducesResponseType]</c> (every overload, the typed
    /// <c>ProducesResponseType&lt;T&gt;</c>, and derived attributes whose status can be read in source),
    /// <c>[ProducesDefaultResponseType]</c>, <c>[Produces]</c>, and the attributes under which the framework answers by itself
    /// (<c>[ApiController]</c>, <c>[Authorize]</c>, <c>[Consumes]</c>, <c>[EnableRateLimiting]</c>).
    /// </summary>
    internal static class ResponseAttributes
    {
        /// <summary>
        /// Adds what <paramref name="attributes"/> declare. Returns true when one of them is a response metadata provider
        /// (<c>[ProducesResponseType]</c>, <c>[Produces(typeof(T))]</c>…), which turns API conventions off as in ASP.NET Core.
        /// </summary>
        public static bool Read(ImmutableArray<AttributeData> attributes, EndpointTypes types, Compilation compilation, EndpointDeclarations into, bool onEndpoint, CancellationToken cancellationToken)
        {
            var significant = false;
            foreach (var attribute in attributes)
            {
                var type = attribute.AttributeClass;
                if (type == null || type.TypeKind == TypeKind.Error)
                {
                    continue;
                }

                var location = onEndpoint ? attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() : null;
                if (IsProducesResponseType(type, types, out var exact))
                {
                    significant = true;
                    if (TryReadStatus(attribute, exact, compilation, cancellationToken, out var status))
                    {
                        into.Add(status, location, onEndpoint);
                    }
                    else
                    {
                        into.Open = true;
                    }

                    continue;
                }

                if (ResponseDiscovery.DerivesFrom(type, types.ProducesDefaultResponseType))
                {
                    into.DeclaresDefault = true;
                    continue;
                }

                if (ResponseDiscovery.DerivesFrom(type, types.Produces))
                {
                    // [Produces("application/json")] only names a content type; [Produces(typeof(T))] declares 200.
                    if (HasTypeArgument(attribute))
                    {
                        significant = true;
                        into.Add(200, null, false);
                    }

                    continue;
                }

                if (ResponseDiscovery.DerivesFrom(type, types.ConsumesAttribute))
                {
                    into.Consumes = true;
                    continue;
                }

                if (types.EnableRateLimiting != null && ResponseDiscovery.DerivesFrom(type, types.EnableRateLimiting))
                {
                    into.RateLimited = true;
                    continue;
                }

                if (ResponseDiscovery.Implements(type, types.ApiBehaviorMetadata))
                {
                    into.BadRequestByFramework = true;
                    continue;
                }

                if (ResponseDiscovery.Implements(type, types.AuthorizeData))
                {
                    into.Authorized = true;
                    continue;
                }

                if (ResponseDiscovery.Implements(type, types.ApiResponseMetadataProvider))
                {
                    // A response metadata attribute of another kind: what it declares cannot be read.
                    significant = true;
                    into.Open = true;
                }
            }

            return significant;
        }

        private static bool HasTypeArgument(AttributeData attribute)
        {
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Type)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsProducesResponseType(INamedTypeSymbol type, EndpointTypes types, out bool exact)
        {
            var definition = type.OriginalDefinition;
            exact = EndpointTypes.Is(definition, types.ProducesResponseType) || EndpointTypes.Is(definition, types.ProducesResponseTypeOfT);
            return exact || ResponseDiscovery.DerivesFrom(type, types.ProducesResponseType) || ResponseDiscovery.DerivesFrom(type, types.ProducesResponseTypeOfT);
        }

        /// <summary>
        /// The status of a <c>[ProducesResponseType]</c>: its <c>statusCode</c> argument or <c>StatusCode</c> property; for a
        /// derived attribute, the constant its constructor passes to the base constructor or assigns to <c>StatusCode</c>.
        /// </summary>
        private static bool TryReadStatus(AttributeData attribute, bool exact, Compilation compilation, CancellationToken cancellationToken, out int status)
        {
            status = 0;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "StatusCode" && named.Value.Value is int value)
                {
                    status = value;
                    return true;
                }
            }

            var constructor = attribute.AttributeConstructor;
            if (constructor == null)
            {
                return false;
            }

            if (exact)
            {
                return TryArgument(constructor.Parameters, attribute.ConstructorArguments, "statusCode", out status);
            }

            // A derived attribute: read its constructor in source (one of a library cannot be read).
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (!(reference.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax declaration))
                {
                    continue;
                }

                // A derived attribute's constructor is read once per use of the attribute on an endpoint that is judged.
                if (!(SourceBodies.Of(compilation, declaration, cancellationToken) is IConstructorBodyOperation body))
                {
                    continue;
                }

                var found = false;
                if (body.Initializer is IExpressionStatementOperation { Operation: IInvocationOperation call } && call.TargetMethod.MethodKind == MethodKind.Constructor)
                {
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.Name == "statusCode")
                        {
                            found = TryValue(argument.Value, constructor, attribute.ConstructorArguments, out status);
                            if (!found)
                            {
                                return false;
                            }
                        }
                    }
                }

                if (body.BlockBody != null)
                {
                    foreach (var operation in body.BlockBody.Descendants())
                    {
                        if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment && property.Property.Name == "StatusCode")
                        {
                            found = TryValue(assignment.Value, constructor, attribute.ConstructorArguments, out status);
                            if (!found)
                            {
                                return false;
                            }
                        }
                    }
                }

                return found;
            }

            return false;
        }

        private static bool TryValue(IOperation value, IMethodSymbol constructor, ImmutableArray<TypedConstant> arguments, out int status)
        {
            status = 0;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue.HasValue && value.ConstantValue.Value is int constant)
            {
                status = constant;
                return true;
            }

            if (value is IParameterReferenceOperation parameter
                && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, constructor)
                && parameter.Parameter.Ordinal < arguments.Length
                && arguments[parameter.Parameter.Ordinal].Value is int passed)
            {
                status = passed;
                return true;
            }

            return false;
        }

        private static bool TryArgument(ImmutableArray<IParameterSymbol> parameters, ImmutableArray<TypedConstant> arguments, string name, out int status)
        {
            status = 0;
            for (var i = 0; i < parameters.Length && i < arguments.Length; i++)
            {
                if (parameters[i].Name == name && arguments[i].Value is int value)
                {
                    status = value;
                    return true;
                }
            }

            return false;
        }
    }
}
