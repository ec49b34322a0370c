using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery.Endpoints
{
    /// <summary>
    /// Controller actions as ASP.NET Core finds them, and what each declares: its own attributes, its controller's and base
    /// classes' (response attributes are inherited), global filters (<see cref="GlobalFilters"/>), and API conventions
    /// (<see cref="ApiConventions"/>) when none of those declares a response type. The facts of a controller class are
    /// read once per compilation.
    /// </summary>
    internal sealed class ControllerEndpoints
    {
        private readonly EndpointTypes types;
        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<INamedTypeSymbol, ControllerFacts?> controllers =
            new ConcurrentDictionary<INamedTypeSymbol, ControllerFacts?>(SymbolEqualityComparer.Default);

        private readonly Lazy<AssemblyFacts> assembly;

        public ControllerEndpoints(EndpointTypes types, Compilation compilation)
        {
            this.types = types;
            this.compilation = compilation;
            assembly = new Lazy<AssemblyFacts>(() => ReadAssembly(), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>
        /// Whether the method is a controller action: a public, non-static, non-generic ordinary method of a controller (a public,
        /// non-abstract, non-generic top-level class named <c>…Controller</c> or marked <c>[Controller]</c>, not <c>[NonController]</c>),
        /// not <c>[NonAction]</c>. The names and kinds are asked first; the class's facts are read once.
        /// </summary>
        public bool IsAction(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Public
                || method.IsStatic || method.IsAbstract || method.IsGenericMethod || method.IsImplicitlyDeclared)
            {
                return false;
            }

            var type = method.ContainingType;
            if (type == null || FactsOf(type) == null)
            {
                return false;
            }

            if (method.Name == "Dispose" && method.Parameters.IsEmpty)
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (types.NonActionAttribute != null && ResponseDiscovery.DerivesFrom(attribute.AttributeClass, types.NonActionAttribute))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>What the action declares, given the global filters (known when the compilation ends).</summary>
        public EndpointDeclarations Declarations(IMethodSymbol action, GlobalFilters globals, CancellationToken cancellationToken)
        {
            var result = new EndpointDeclarations();
            var facts = FactsOf(action.ContainingType);
            if (facts == null)
            {
                return result;
            }

            var significant = ResponseAttributes.Read(action.GetAttributes(), types, compilation, result, onEndpoint: true, cancellationToken);
            result.AddRange(facts.Declarations);
            significant |= facts.Significant;
            significant |= globals.AddTo(result);

            if (!significant && facts.ApiController)
            {
                ApiConventions.Apply(action, facts.ConventionTypes, types, compilation, result, cancellationToken);
            }

            return result;
        }

        /// <summary>The facts of a controller class, or null when the class is no controller.</summary>
        private ControllerFacts? FactsOf(INamedTypeSymbol type)
        {
            // Most classes are no controllers: the kind, accessibility and name leave them before the cache.
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsGenericType || type.ContainingType != null
                || type.DeclaredAccessibility != Accessibility.Public || type.BaseType == null)
            {
                return null;
            }

            if (type.BaseType.SpecialType == SpecialType.System_Object && !type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (controllers.TryGetValue(type, out var known))
            {
                return known;
            }

            known = Classify(type);
            controllers.TryAdd(type, known);
            return known;
        }

        private ControllerFacts? Classify(INamedTypeSymbol type)
        {
            var named = type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase);
            var marked = false;
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (types.NonControllerAttribute != null && ResponseDiscovery.DerivesFrom(attribute.AttributeClass, types.NonControllerAttribute))
                    {
                        return null;
                    }

                    if (types.ControllerAttribute != null && ResponseDiscovery.DerivesFrom(attribute.AttributeClass, types.ControllerAttribute))
                    {
                        marked = true;
                    }
                }
            }

            if (!named && !marked)
            {
                return null;
            }

            // The class and its bases: their response attributes apply to every action (they are inherited).
            var declarations = new EndpointDeclarations();
            var significant = false;
            var conventions = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var conventionsOpen = false;
            for (var current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                var attributes = current.GetAttributes();
                significant |= ResponseAttributes.Read(attributes, types, compilation, declarations, onEndpoint: false, CancellationToken.None);
                ReadConventionTypes(attributes, conventions, ref conventionsOpen);
            }

            var assemblyFacts = assembly.Value;
            if (conventions.Count == 0)
            {
                conventions.AddRange(assemblyFacts.ConventionTypes);
                conventionsOpen |= assemblyFacts.ConventionsOpen;
            }

            var apiController = declarations.BadRequestByFramework || assemblyFacts.ApiController;
            declarations.BadRequestByFramework = apiController;
            if (conventionsOpen && apiController && !significant)
            {
                declarations.Open = true;
            }

            return new ControllerFacts(declarations, significant, apiController, conventions.ToImmutable());
        }

        private void ReadConventionTypes(ImmutableArray<AttributeData> attributes, ImmutableArray<INamedTypeSymbol>.Builder conventions, ref bool open)
        {
            foreach (var attribute in attributes)
            {
                if (!EndpointTypes.Is(attribute.AttributeClass, types.ApiConventionType))
                {
                    continue;
                }

                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol convention)
                {
                    conventions.Add(convention);
                }
                else
                {
                    open = true;
                }
            }
        }

        private AssemblyFacts ReadAssembly()
        {
            var conventions = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var open = false;
            var attributes = compilation.Assembly.GetAttributes();
            ReadConventionTypes(attributes, conventions, ref open);
            var apiController = false;
            foreach (var attribute in attributes)
            {
                apiController |= ResponseDiscovery.Implements(attribute.AttributeClass, types.ApiBehaviorMetadata);
            }

            return new AssemblyFacts(conventions.ToImmutable(), open, apiController);
        }

        private sealed class AssemblyFacts
        {
            public AssemblyFacts(ImmutableArray<INamedTypeSymbol> conventionTypes, bool conventionsOpen, bool apiController)
            {
                ConventionTypes = conventionTypes;
                ConventionsOpen = conventionsOpen;
                ApiController = apiController;
            }

            public ImmutableArray<INamedTypeSymbol> ConventionTypes { get; }

            public bool ConventionsOpen { get; }

            public bool ApiController { get; }
        }

        private sealed class ControllerFacts
        {
            public ControllerFacts(EndpointDeclarations declarations, bool significant, bool apiController, ImmutableArray<INamedTypeSymbol> conventionTypes)
            {
                Declarations = declarations;
                Significant = significant;
                ApiController = apiController;
                ConventionTypes = conventionTypes;
            }

            /// <summary>What the class and its bases declare for every action.</summary>
            public EndpointDeclarations Declarations { get; }

            /// <summary>The class or a base declares a response type: conventions do not apply.</summary>
            public bool Significant { get; }

            /// <summary><c>[ApiController]</c> on the class, a base or the assembly.</summary>
            public bool ApiController { get; }

            /// <summary>The <c>[ApiConventionType]</c> types of the class and its bases, else of the assembly.</summary>
            public ImmutableArray<INamedTypeSymbol> ConventionTypes { get; }
        }
    }
}
