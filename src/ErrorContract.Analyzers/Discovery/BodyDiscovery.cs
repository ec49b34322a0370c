using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Describes the body a response site sends: none, a non-object value, ProblemDetails, a JSON object of known
    /// property names (and constant values where the source shows them), or unknowable.
    /// </summary>
    internal static class BodyDiscovery
    {
        private const int MaxDepth = 4;

        /// <summary>Attaches a body description to the sites added since <paramref name="firstNew"/> whose status is an error.</summary>
        public static void Attach(List<ResponseSite> sites, int firstNew, IInvocationOperation? problemFactory, WellKnownTypes types)
        {
            ResponseBody? description = null;
            for (var i = firstNew; i < sites.Count; i++)
            {
                var site = sites[i];
                if (site.Status < 400)
                {
                    continue;
                }

                if (description == null)
                {
                    description = problemFactory != null
                        ? DescribeProblemFactory(problemFactory, site.Body, types)
                        : Describe(site.Body, null, types, 0);
                }

                site.BodyDescription = description;
            }
        }

        /// <summary>
        /// A <c>Response.StatusCode = …</c> assignment followed by no write to the response in the same function sends no
        /// body. When a write follows, its body is described at the write (<see cref="FromResponseWriter"/>).
        /// </summary>
        public static void AttachWrittenBody(List<ResponseSite> sites, int firstNew, IOperation assignment, WellKnownTypes types)
        {
            ResponseBody? description = null;
            for (var i = firstNew; i < sites.Count; i++)
            {
                if (sites[i].Status < 400)
                {
                    continue;
                }

                if (description == null)
                {
                    if (FindWriterAfter(assignment, types) != null)
                    {
                        return;
                    }

                    description = new ResponseBody(ResponseBodyKind.None, null, null, ImmutableArray<BodyMember>.Empty, null, null);
                }

                sites[i].BodyDescription = description;
            }
        }

        /// <summary>
        /// <c>Response.WriteAsJsonAsync(body)</c> / <c>Response.WriteAsync(text)</c> that is the first write after a
        /// <c>Response.StatusCode = …</c> in the same function: a body-only site for each status of that assignment.
        /// </summary>
        public static void FromResponseWriter(IInvocationOperation invocation, WellKnownTypes types, List<ResponseSite> sites)
        {
            if (!IsResponseWriter(invocation.TargetMethod, types))
            {
                return;
            }

            // One walk finds the last status assignment before this call and the last other writer before it: the status
            // is this call's when no other writer comes between them (the writer FindWriterAfter finds for the assignment).
            var start = invocation.Syntax.SpanStart;
            ISimpleAssignmentOperation? status = null;
            var lastWriterStart = -1;
            foreach (var descendant in FunctionRoot(invocation).Descendants())
            {
                if (descendant.Syntax.SpanStart >= start)
                {
                    continue;
                }

                if (descendant is ISimpleAssignmentOperation assignment
                    && assignment.Syntax.Span.End <= start
                    && (status == null || assignment.Syntax.SpanStart > status.Syntax.SpanStart)
                    && assignment.Target is IPropertyReferenceOperation property
                    && property.Property.Name == "StatusCode"
                    && ResponseDiscovery.DerivesFrom(property.Property.ContainingType, types.HttpResponse))
                {
                    status = assignment;
                }
                else if (descendant is IInvocationOperation writer
                    && descendant.Syntax.SpanStart > lastWriterStart
                    && IsResponseWriter(writer.TargetMethod, types))
                {
                    lastWriterStart = descendant.Syntax.SpanStart;
                }
            }

            if (status == null || lastWriterStart >= status.Syntax.Span.End)
            {
                return;
            }

            IOperation? value = null;
            foreach (var argument in invocation.Arguments)
            {
                var name = argument.Parameter?.Name;
                if (name == "value" || name == "text")
                {
                    value = argument.Value;
                }
            }

            var firstNew = sites.Count;
            ResponseDiscovery.AddStatuses(status.Value, ResponseSiteKind.StatusAssignment, ResponseApi.HttpResponse, invocation.Syntax, invocation, value, sites, reportsStatus: false);
            ResponseBody? description = null;
            for (var i = firstNew; i < sites.Count; i++)
            {
                if (sites[i].Status >= 400)
                {
                    description ??= Describe(value, invocation, types, 0);
                    sites[i].BodyDescription = description;
                }
            }
        }

        /// <summary><c>new ObjectResult(body) { StatusCode = 404 }</c> (or a <c>JsonResult</c>): a body-only site at the creation for each status.</summary>
        public static void FromInitializedObjectResult(IObjectCreationOperation creation, IOperation? body, WellKnownTypes types, List<ResponseSite> sites)
        {
            // The caller has found the type to be an ObjectResult or a JsonResult.
            if (creation.Initializer == null)
            {
                return;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property && property.Property.Name == "StatusCode")
                {
                    var firstNew = sites.Count;
                    ResponseDiscovery.AddStatuses(assignment.Value, ResponseSiteKind.StatusAssignment, ResponseApi.MvcResultType, creation.Syntax, creation, body, sites, reportsStatus: false);
                    Attach(sites, firstNew, null, types);
                }
            }
        }

        private static IOperation FunctionRoot(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null && !(root is IAnonymousFunctionOperation) && !(root is ILocalFunctionOperation))
            {
                root = root.Parent;
            }

            return root;
        }

        /// <summary>The first write to the response after <paramref name="assignment"/> in the same function.</summary>
        private static IInvocationOperation? FindWriterAfter(IOperation assignment, WellKnownTypes types)
        {
            IInvocationOperation? writer = null;
            var after = assignment.Syntax.Span.End;
            foreach (var descendant in FunctionRoot(assignment).Descendants())
            {
                if (descendant is IInvocationOperation invocation
                    && invocation.Syntax.SpanStart >= after
                    && (writer == null || invocation.Syntax.SpanStart < writer.Syntax.SpanStart)
                    && IsResponseWriter(invocation.TargetMethod, types))
                {
                    writer = invocation;
                }
            }

            return writer;
        }

        public static bool IsProblemFactory(IMethodSymbol method) => method.Name == "Problem" || method.Name == "ValidationProblem";

        private static bool IsResponseWriter(IMethodSymbol method, WellKnownTypes types)
        {
            var owner = method.ContainingType?.OriginalDefinition;
            return (method.Name == "WriteAsJsonAsync" && SymbolEqualityComparer.Default.Equals(owner, types.HttpResponseJsonExtensions))
                || (method.Name == "WriteAsync" && SymbolEqualityComparer.Default.Equals(owner, types.HttpResponseWritingExtensions));
        }

        /// <summary><c>Problem(…)</c> / <c>ValidationProblem(…)</c>: always a ProblemDetails body; its detail (or title) is the message.</summary>
        private static ResponseBody DescribeProblemFactory(IInvocationOperation invocation, IOperation? body, WellKnownTypes types)
        {
            IOperation? detail = null;
            IOperation? title = null;
            IOperation? errors = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter == null)
                {
                    continue;
                }

                switch (argument.Parameter.Name)
                {
                    case "detail":
                        detail = Unwrap(argument.Value);
                        break;
                    case "title":
                        title = Unwrap(argument.Value);
                        break;
                    case "modelStateDictionary":
                    case "errors":
                        errors = Unwrap(argument.Value);
                        break;
                }
            }

            var message = IsNullOrAbsent(detail) ? (IsNullOrAbsent(title) ? null : title) : detail;
            if (message == null && body != null)
            {
                message = Describe(body, null, types, 0).Message;
            }

            var what = invocation.TargetMethod.Name == "ValidationProblem" ? "a ValidationProblemDetails body" : "a ProblemDetails body";
            return new ResponseBody(ResponseBodyKind.ProblemDetails, null, what, ImmutableArray<BodyMember>.Empty, message, null, errors);
        }

        private static bool IsNullOrAbsent(IOperation? value) => value == null || (value.ConstantValue.HasValue && value.ConstantValue.Value == null);

        public static IOperation Unwrap(IOperation value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation conversion when conversion.IsImplicit || conversion.Type?.SpecialType == SpecialType.System_Object:
                        value = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        value = parenthesized.Operand;
                        continue;
                    default:
                        return value;
                }
            }
        }

        /// <summary>Describes a body value (null: the site sends no body).</summary>
        public static ResponseBody Describe(IOperation? body, IInvocationOperation? writer, WellKnownTypes types, int depth)
        {
            if (body == null)
            {
                return new ResponseBody(ResponseBodyKind.None, null, null, ImmutableArray<BodyMember>.Empty, null, writer);
            }

            var value = Unwrap(body);
            if ((value.ConstantValue.HasValue && value.ConstantValue.Value == null) || (value is IDefaultValueOperation && value.Type?.IsReferenceType != false))
            {
                return new ResponseBody(ResponseBodyKind.None, value, null, ImmutableArray<BodyMember>.Empty, null, writer);
            }

            if (value is IAnonymousObjectCreationOperation anonymous)
            {
                var members = ImmutableArray.CreateBuilder<BodyMember>();
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property)
                    {
                        var name = property.Property.Name;
                        members.Add(new BodyMember(JsonShape.CamelCase(name), name, assignment.Value, DescribeItems(assignment.Value, types, depth), JsonShape.JsonTypeOf(property.Property.Type, types)));
                    }
                }

                return new ResponseBody(ResponseBodyKind.Object, value, null, members.ToImmutable(), null, writer);
            }

            var type = value.Type;
            if (type == null || type.TypeKind == TypeKind.Error || type.TypeKind == TypeKind.Dynamic)
            {
                return ResponseBody.Unknown;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return new ResponseBody(ResponseBodyKind.NotAnObject, value, "a plain string", ImmutableArray<BodyMember>.Empty, value, writer);
            }

            if (types.IsTask(type))
            {
                // An async call passed without await: System.Text.Json writes the task's own properties, not its result.
                return new ResponseBody(
                    ResponseBodyKind.NotAnObject,
                    value,
                    "a " + type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + ", the task itself and not its result (is an 'await' missing?),",
                    ImmutableArray<BodyMember>.Empty,
                    null,
                    writer);
            }

            if (ResponseDiscovery.DerivesFrom(type, types.ProblemDetails))
            {
                var message = InitializedValue(value, "Detail") ?? InitializedValue(value, "Title");
                return new ResponseBody(ResponseBodyKind.ProblemDetails, value, "a " + type.Name + " body", ImmutableArray<BodyMember>.Empty, message, writer);
            }

            if (ResponseDiscovery.DerivesFrom(type, types.ModelStateDictionary))
            {
                return new ResponseBody(ResponseBodyKind.ProblemDetails, value, "the ModelState dictionary", ImmutableArray<BodyMember>.Empty, null, writer, value);
            }

            if (ResponseDiscovery.DerivesFrom(type, types.SerializableError))
            {
                return new ResponseBody(ResponseBodyKind.ProblemDetails, value, "a SerializableError", ImmutableArray<BodyMember>.Empty, null, writer);
            }

            if (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum || JsonShape.IsStringLike(type))
            {
                return type.SpecialType == SpecialType.System_Object
                    ? ResponseBody.Unknown
                    : new ResponseBody(ResponseBodyKind.NotAnObject, value, "a bare " + type.Name + " value", ImmutableArray<BodyMember>.Empty, null, writer);
            }

            if (!JsonShape.IsDictionary(type, types) && JsonShape.ElementType(type, types) != null)
            {
                return new ResponseBody(ResponseBodyKind.NotAnObject, value, "a JSON array", ImmutableArray<BodyMember>.Empty, null, writer);
            }

            var properties = JsonShape.GetProperties(type, types);
            if (properties == null)
            {
                return ResponseBody.Unknown;
            }

            var typed = ImmutableArray.CreateBuilder<BodyMember>(properties.Count);
            foreach (var property in properties)
            {
                var memberValue = SourceValue(value, property.Member);
                var memberType = (property.Member as IPropertySymbol)?.Type ?? (property.Member as IFieldSymbol)?.Type;
                var items = memberValue != null ? DescribeItems(memberValue, types, depth) : DescribeItemType(memberType, types, depth);
                typed.Add(new BodyMember(property.JsonName, property.Member.Name, memberValue, items, memberType == null ? null : JsonShape.JsonTypeOf(memberType, types)));
            }

            return new ResponseBody(ResponseBodyKind.Object, value, null, typed.ToImmutable(), null, writer);
        }

        /// <summary>The value a creation gives a member: an initializer assignment, else a constructor argument of the same name.</summary>
        private static IOperation? SourceValue(IOperation value, ISymbol member)
        {
            if (!(value is IObjectCreationOperation creation))
            {
                return null;
            }

            var fromInitializer = InitializedValue(creation, member.Name);
            if (fromInitializer != null)
            {
                return fromInitializer;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter != null && string.Equals(argument.Parameter.Name, member.Name, System.StringComparison.OrdinalIgnoreCase) && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static IOperation? InitializedValue(IOperation value, string memberName)
        {
            if (value is IObjectCreationOperation creation && creation.Initializer != null)
            {
                foreach (var initializer in creation.Initializer.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation assignment && assignment.Target is IMemberReferenceOperation target && target.Member.Name == memberName)
                    {
                        return Unwrap(assignment.Value);
                    }
                }
            }

            return null;
        }

        /// <summary>The item shapes of a list-valued member, from its initializer elements, else from its element type.</summary>
        private static ImmutableArray<ResponseBody>? DescribeItems(IOperation memberValue, WellKnownTypes types, int depth)
        {
            if (depth >= MaxDepth)
            {
                return null;
            }

            var value = Unwrap(memberValue);
            ImmutableArray<IOperation> elements = default;
            if (value is IArrayCreationOperation array && array.Initializer != null)
            {
                elements = array.Initializer.ElementValues;
            }

            if (!elements.IsDefault)
            {
                var items = ImmutableArray.CreateBuilder<ResponseBody>(elements.Length);
                foreach (var element in elements)
                {
                    items.Add(Describe(element, null, types, depth + 1));
                }

                return items.ToImmutable();
            }

            return DescribeItemType(value.Type, types, depth);
        }

        private static ImmutableArray<ResponseBody>? DescribeItemType(ITypeSymbol? type, WellKnownTypes types, int depth)
        {
            if (type == null || depth >= MaxDepth || type.SpecialType == SpecialType.System_String)
            {
                return null;
            }

            var element = JsonShape.ElementType(type, types);
            if (element == null)
            {
                return null;
            }

            var properties = JsonShape.GetProperties(element, types);
            if (properties == null)
            {
                return null;
            }

            var members = ImmutableArray.CreateBuilder<BodyMember>(properties.Count);
            foreach (var property in properties)
            {
                members.Add(new BodyMember(property.JsonName, property.Member.Name, null, null, null));
            }

            return ImmutableArray.Create(new ResponseBody(ResponseBodyKind.Object, null, null, members.ToImmutable(), null, null));
        }
    }
}
