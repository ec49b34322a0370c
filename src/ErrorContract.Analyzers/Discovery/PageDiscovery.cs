using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Where the HTTP API ends: whether the code that decides a response belongs to a page (a UI the error contract does not
    /// document) rather than to the API. By default (<see cref="EndpointKind.Auto"/>) a page is
    /// <list type="bullet">
    /// <item>an action of a view controller (a class deriving from <c>Microsoft.AspNetCore.Mvc.Controller</c> that is not
    /// <c>[ApiController]</c>, on the class, a base class or the assembly) that renders a view or redirects anywhere in its
    /// body (<c>View</c>, <c>PartialView</c>, <c>ViewComponent</c>, <c>Redirect*</c>, <c>LocalRedirect*</c>,
    /// <c>RedirectToAction*</c>, <c>RedirectToRoute*</c>, <c>RedirectToPage*</c>, a created <c>ViewResult</c>,
    /// <c>RedirectResult</c>… or such a declared return type). The decision is per action: an action of the same controller
    /// that only returns data (<c>Json(…)</c>, <c>Ok(x)</c>, <c>NotFound()</c>) is API;</item>
    /// <item>any method of a Razor Pages type (deriving from <c>PageModel</c> or <c>PageBase</c>): its handlers;</item>
    /// <item>a minimal-API handler lambda (passed as a <c>Delegate</c>) whose every return is a redirect
    /// (<c>app.MapGet("/", () =&gt; Results.Redirect("/swagger"))</c>). A <c>RequestDelegate</c> or middleware returns a task,
    /// never a redirect result, and what it writes to the response is no response site of the discovery's.</item>
    /// </list>
    /// The project overrides the default per file with <see cref="EndpointKindOption"/>. Decided once per method (and per
    /// handler lambda) per compilation, and asked only for a site about to be reported; the framework types are resolved on
    /// the first question, so a compilation that reports nothing never resolves them.
    /// </summary>
    internal sealed class PageDiscovery
    {
        private readonly Compilation compilation;
        private readonly Lazy<PageTypes> pageTypes;
        private readonly Lazy<bool> assemblyIsApi;
        private readonly ConcurrentDictionary<INamedTypeSymbol, ClassKind> classes =
            new ConcurrentDictionary<INamedTypeSymbol, ClassKind>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<IMethodSymbol, bool> actions =
            new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<SyntaxNode, bool> handlers = new ConcurrentDictionary<SyntaxNode, bool>();

        internal PageDiscovery(Compilation compilation, TypeLookup lookup, WellKnownTypes types)
        {
            this.compilation = compilation;
            pageTypes = new Lazy<PageTypes>(() => new PageTypes(lookup, types), LazyThreadSafetyMode.ExecutionAndPublication);
            assemblyIsApi = new Lazy<bool>(() => HasApiBehavior(compilation.Assembly.GetAttributes(), Types), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The framework types of pages, resolved on the first question (exposed for the well-known types' test).</summary>
        internal PageTypes Types => pageTypes.Value;

        /// <summary>
        /// Whether the response decided at <paramref name="operation"/>, in the code of <paramref name="containingSymbol"/>
        /// (an operation action's containing symbol: the method, also for code in its lambdas), belongs to a page.
        /// <paramref name="redirect"/> says whether the response is a redirect (3xx): only a redirect can come from a handler
        /// that only redirects, so no other response looks for one.
        /// </summary>
        public bool IsPage(IOperation operation, ISymbol? containingSymbol, EndpointKinds kinds, bool redirect)
        {
            switch (kinds.Of(operation.Syntax.SyntaxTree))
            {
                case EndpointKind.Api:
                    return false;
                case EndpointKind.Page:
                    return true;
            }

            if (containingSymbol is IMethodSymbol method && method.ContainingType is INamedTypeSymbol type)
            {
                switch (ClassKindOf(type))
                {
                    case ClassKind.RazorPage:
                        return true;
                    case ClassKind.ViewController:
                        // The operation's root is the method's body (also for code in its lambdas and local functions).
                        return IsViewAction(method, Root(operation) as IMethodBodyOperation);
                    case ClassKind.ApiController:
                        return false;
                }
            }

            return redirect && IsRedirectOnlyHandler(operation);
        }

        /// <summary>
        /// Whether the statuses a declaration states (its <c>[ProducesResponseType]</c> attributes, its <c>Results&lt;…&gt;</c>
        /// return type), reported in <paramref name="tree"/>, belong to a page: <paramref name="symbol"/> is the method or class.
        /// </summary>
        public bool IsPage(ISymbol symbol, SyntaxTree tree, EndpointKinds kinds, CancellationToken cancellationToken)
        {
            switch (kinds.Of(tree))
            {
                case EndpointKind.Api:
                    return false;
                case EndpointKind.Page:
                    return true;
            }

            var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
            if (type == null)
            {
                return false;
            }

            switch (ClassKindOf(type))
            {
                case ClassKind.RazorPage:
                    return true;
                case ClassKind.ViewController:
                    return symbol is IMethodSymbol method && IsViewAction(method, BodyOf(method, cancellationToken));
                default:
                    return false;
            }
        }

        /// <summary>What a class is, from one walk up its bases, once per class definition.</summary>
        private ClassKind ClassKindOf(INamedTypeSymbol type)
        {
            // Most code that decides responses lives in classes based directly on object (Program, endpoint classes,
            // middleware) or in static classes: they leave before any lookup.
            if (type.TypeKind != TypeKind.Class || type.BaseType == null || type.BaseType.SpecialType == SpecialType.System_Object)
            {
                return ClassKind.Other;
            }

            // The last class answered first: a class's reported sites ask in a row (see EndpointKinds.Of).
            var recent = lastClass;
            if (recent != null && ReferenceEquals(recent.Type, type))
            {
                return recent.Kind;
            }

            var definition = type.OriginalDefinition;
            if (!classes.TryGetValue(definition, out var kind))
            {
                kind = Classify(definition);
                classes.TryAdd(definition, kind);
            }

            lastClass = new ClassAnswer(type, kind);
            return kind;
        }

        /// <summary>The last class <see cref="ClassKindOf"/> answered: one immutable pair, replaced whole.</summary>
        private ClassAnswer? lastClass;

        private sealed class ClassAnswer
        {
            public ClassAnswer(INamedTypeSymbol type, ClassKind kind)
            {
                Type = type;
                Kind = kind;
            }

            public INamedTypeSymbol Type { get; }

            public ClassKind Kind { get; }
        }

        private ClassKind Classify(INamedTypeSymbol type)
        {
            var types = Types;
            var isController = false;
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                var definition = current.OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(definition, types.PageModel) || SymbolEqualityComparer.Default.Equals(definition, types.PageBase))
                {
                    return ClassKind.RazorPage;
                }

                if (SymbolEqualityComparer.Default.Equals(definition, types.Controller))
                {
                    isController = true;
                    break;
                }
            }

            if (!isController)
            {
                return ClassKind.Other;
            }

            // [ApiController] (or any IApiBehaviorMetadata attribute) on the class or a base class (the attribute is inherited),
            // or on the assembly, makes every action API.
            for (var current = type; current != null; current = current.BaseType)
            {
                if (HasApiBehavior(current.GetAttributes(), types))
                {
                    return ClassKind.ApiController;
                }
            }

            return assemblyIsApi.Value ? ClassKind.ApiController : ClassKind.ViewController;
        }

        private static bool HasApiBehavior(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, PageTypes types)
        {
            foreach (var attribute in attributes)
            {
                if (ResponseDiscovery.Implements(attribute.AttributeClass, types.ApiBehaviorMetadata))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An action of a view controller is a page when it renders a view or redirects: its declared return type is a view or
        /// redirect result, or its body calls a view or redirect helper or creates such a result. Once per method.
        /// </summary>
        private bool IsViewAction(IMethodSymbol method, IMethodBodyOperation? body)
        {
            var key = method.OriginalDefinition;
            if (actions.TryGetValue(key, out var known))
            {
                return known;
            }

            var types = Types;
            var isPage = types.IsPageResult(types.Base.UnwrapTask(method.ReturnType));
            if (!isPage && body != null)
            {
                foreach (var operation in body.Descendants())
                {
                    if ((operation is IInvocationOperation invocation && types.IsPageHelper(invocation.TargetMethod))
                        || (operation is IObjectCreationOperation creation && types.IsPageResult(creation.Type)))
                    {
                        isPage = true;
                        break;
                    }
                }
            }

            // Without a body (incomplete code, or a question from outside the method's body) the answer is not kept.
            if (body != null)
            {
                actions.TryAdd(key, isPage);
            }

            return isPage;
        }

        /// <summary>
        /// A minimal-API handler (a lambda passed as a <c>Delegate</c>) whose every return is a redirect: <c>app.MapGet("/", () =&gt; Results.Redirect("/swagger"))</c>. Once per handler.
        /// </summary>
        private bool IsRedirectOnlyHandler(IOperation operation)
        {
            IAnonymousFunctionOperation? lambda = null;
            for (var current = operation; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation found)
                {
                    lambda = found;
                    break;
                }
            }

            if (lambda == null || !IsHandler(lambda))
            {
                return false;
            }

            if (!handlers.TryGetValue(lambda.Syntax, out var onlyRedirects))
            {
                onlyRedirects = OnlyRedirects(lambda.Body);
                handlers.TryAdd(lambda.Syntax, onlyRedirects);
            }

            return onlyRedirects;
        }

        /// <summary>The lambda is passed as a minimal-API handler: to a parameter of type <c>Delegate</c>.</summary>
        private static bool IsHandler(IAnonymousFunctionOperation lambda)
        {
            var parent = lambda.Parent;
            while (parent is IDelegateCreationOperation || parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return (parent as IArgumentOperation)?.Parameter?.Type.SpecialType == SpecialType.System_Delegate;
        }

        /// <summary>Every return of the handler's own body (not of lambdas inside it) returns a redirect, and there is one.</summary>
        private bool OnlyRedirects(IBlockOperation body)
        {
            var types = Types;
            var returns = 0;
            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (current is IReturnOperation returned)
                {
                    var value = returned.ReturnedValue;
                    while (value is IConversionOperation conversion)
                    {
                        value = conversion.Operand;
                    }

                    if (!(value is IInvocationOperation invocation) || !types.IsRedirectFactory(invocation.TargetMethod))
                    {
                        return false;
                    }

                    returns++;
                    continue;
                }

                foreach (var child in current.ChildOperations)
                {
                    if (!(child is IAnonymousFunctionOperation) && !(child is ILocalFunctionOperation))
                    {
                        pending.Push(child);
                    }
                }
            }

            return returns > 0;
        }

        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent != null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>The body of a method declared in source, for a question asked from its symbol (a rare, reported attribute).</summary>
        private IMethodBodyOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                // Asked only for an attribute or return type about to be reported in a view controller; the answer is cached per method.
                if (SourceBodies.Of(compilation, reference.GetSyntax(cancellationToken), cancellationToken) is IMethodBodyOperation body)
                {
                    return body;
                }
            }

            return null;
        }

        private enum ClassKind
        {
            Other,
            ViewController,
            ApiController,
            RazorPage,
        }

        /// <summary>The framework types of pages, views and redirects (MVC view features, Razor Pages).</summary>
        internal sealed class PageTypes
        {
            private const string ViewFeatures = "Microsoft.AspNetCore.Mvc.ViewFeatures";
            private const string RazorPages = "Microsoft.AspNetCore.Mvc.RazorPages";
            private const string MvcCore = WellKnownTypes.MvcCore;

            private readonly HashSet<INamedTypeSymbol> pageResults = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

            internal PageTypes(TypeLookup lookup, WellKnownTypes types)
            {
                Base = types;
                Controller = lookup.Get(ViewFeatures, "Microsoft.AspNetCore.Mvc.Controller");
                PageModel = lookup.Get(RazorPages, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
                PageBase = lookup.Get(RazorPages, "Microsoft.AspNetCore.Mvc.RazorPages.PageBase");
                ApiBehaviorMetadata = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.Infrastructure.IApiBehaviorMetadata");
                foreach (var name in new[] { "ViewResult", "PartialViewResult", "ViewComponentResult" })
                {
                    Add(lookup.Get(ViewFeatures, "Microsoft.AspNetCore.Mvc." + name));
                }

                foreach (var name in new[] { "RedirectResult", "LocalRedirectResult", "RedirectToActionResult", "RedirectToRouteResult", "RedirectToPageResult" })
                {
                    Add(lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc." + name));
                }
            }

            public WellKnownTypes Base { get; }

            /// <summary><c>Microsoft.AspNetCore.Mvc.Controller</c>: a controller with view support.</summary>
            public INamedTypeSymbol? Controller { get; }

            public INamedTypeSymbol? PageModel { get; }

            public INamedTypeSymbol? PageBase { get; }

            /// <summary><c>IApiBehaviorMetadata</c>, implemented by <c>[ApiController]</c>.</summary>
            public INamedTypeSymbol? ApiBehaviorMetadata { get; }

            /// <summary>The view and redirect result types found (for the well-known types' test).</summary>
            public int PageResultCount => pageResults.Count;

            /// <summary>A view or redirect result type, or a type derived from one.</summary>
            public bool IsPageResult(ITypeSymbol? type)
            {
                // Results derive from ActionResult: a type based directly on object (a DTO, a collection) is none of them.
                if (type == null || type.BaseType == null || type.BaseType.SpecialType == SpecialType.System_Object)
                {
                    return false;
                }

                for (var current = type; current != null; current = current.BaseType)
                {
                    if (current is INamedTypeSymbol named && pageResults.Contains(named.OriginalDefinition))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// A view helper of <c>Controller</c> (<c>View</c>, <c>PartialView</c>, <c>ViewComponent</c>) or a redirect helper
            /// of <c>ControllerBase</c> (<c>Redirect*</c>, <c>LocalRedirect*</c>, <c>RedirectToAction*</c>, <c>RedirectToRoute*</c>,
            /// <c>RedirectToPage*</c>).
            /// </summary>
            public bool IsPageHelper(IMethodSymbol method)
            {
                var name = method.Name;
                var type = method.ContainingType?.OriginalDefinition;
                if (type == null)
                {
                    return false;
                }

                if (name == "View" || name == "PartialView" || name == "ViewComponent")
                {
                    return SymbolEqualityComparer.Default.Equals(type, Controller);
                }

                return IsRedirectName(name) && SymbolEqualityComparer.Default.Equals(type, Base.ControllerBase);
            }

            /// <summary>A redirect factory of <c>Results</c> or <c>TypedResults</c> (<c>Redirect</c>, <c>LocalRedirect</c>, <c>RedirectToRoute</c>).</summary>
            public bool IsRedirectFactory(IMethodSymbol method)
            {
                var type = method.ContainingType?.OriginalDefinition;
                return type != null
                    && IsRedirectName(method.Name)
                    && (SymbolEqualityComparer.Default.Equals(type, Base.Results) || SymbolEqualityComparer.Default.Equals(type, Base.TypedResults));
            }

            private static bool IsRedirectName(string name)
            {
                return name.StartsWith("Redirect", StringComparison.Ordinal) || name.StartsWith("LocalRedirect", StringComparison.Ordinal);
            }

            private void Add(INamedTypeSymbol? type)
            {
                if (type != null)
                {
                    pageResults.Add(type);
                }
            }
        }
    }
}
