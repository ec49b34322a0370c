using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorContract.Analyzers.Contract;
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

        /// <summary>
        /// Attaches a body description to the sites added since <paramref name="firstNew"/> whose status is an error. The
        /// <paramref name="call"/> (a helper or factory call, else null) says how its body is sent: a ProblemDetails of
        /// <c>Problem(…)</c>, the text of <c>Results.Content</c>/<c>Results.Text</c>, or the value as JSON.
        /// </summary>
        public static void Attach(List<ResponseSite> sites, int firstNew, IInvocationOperation? call, WellKnownTypes types)
        {
            PendingDescription? description = null;
            for (var i = firstNew; i < sites.Count; i++)
            {
                var site = sites[i];
                if (site.Status < 400)
                {
                    continue;
                }

                // One description for the sites of one call (StatusCode(x ? 404 : 409) is two sites), made when first read.
                description ??= new PendingDescription(call, site.Body, types);
                site.DescribeBodyLater(description);
            }
        }

        /// <summary>The description <see cref="Attach"/> makes when a rule first asks for it; made once for all its sites.</summary>
        internal sealed class PendingDescription
        {
            private readonly IInvocationOperation? call;
            private readonly IOperation? body;
            private readonly WellKnownTypes types;
            private ResponseBody? description;
            private bool described;

            public PendingDescription(IInvocationOperation? call, IOperation? body, WellKnownTypes types)
            {
                this.call = call;
                this.body = body;
                this.types = types;
            }

            public ResponseBody? Describe()
            {
                if (!described)
                {
                    description = call != null && IsProblemFactory(call.TargetMethod) ? DescribeProblemFactory(call, body, types)
                        : call != null && IsTextFactory(call.TargetMethod) ? DescribeTextFactory(call, body, types)
                        : BodyDiscovery.Describe(body, null, types, 0);
                    described = true;
                }

                return description;
            }
        }

        private static void AttachDescription(List<ResponseSite> sites, int firstNew, ResponseBody description)
        {
            for (var i = firstNew; i < sites.Count; i++)
            {
                if (sites[i].Status >= 400)
                {
                    sites[i].BodyDescription = description;
                }
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
                    if (HasWriteAfter(assignment, types))
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
        /// <c>Response.StatusCode = …</c> in the same function: a body-only site for each status of that assignment. The text
        /// of <c>WriteAsync</c> made by <c>JsonSerializer.Serialize(x)</c> is the JSON of <c>x</c>.
        /// </summary>
        public static void FromResponseWriter(IInvocationOperation invocation, WellKnownTypes types, List<ResponseSite> sites)
        {
            if (!IsResponseWriter(invocation.TargetMethod, types))
            {
                return;
            }

            var status = StatusBefore(invocation, types, out var jsonContentType);
            if (status == null)
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
            if (HasErrorStatus(sites, firstNew))
            {
                var description = invocation.TargetMethod.Name == "WriteAsync"
                    ? DescribeText(value, jsonContentType ? TextType.Json : TextType.Unstated, invocation, types)
                    : Describe(value, invocation, types, 0);
                AttachDescription(sites, firstNew, description);
            }
        }

        /// <summary>
        /// <c>context.Result = new ContentResult { … }</c> in an MVC filter (any <c>FilterContext</c>): a result that sets no
        /// status of its own (a <c>ContentResult</c> or <c>ObjectResult</c> without <c>StatusCode</c>, a <c>JsonResult</c>)
        /// is sent with the status the filter gave the response before, <c>context.HttpContext.Response.StatusCode = 422</c>:
        /// a body-only site for each status of that assignment. A result with a status of its own is described where it is
        /// created.
        /// </summary>
        public static void FromFilterResult(ISimpleAssignmentOperation assignment, WellKnownTypes types, List<ResponseSite> sites)
        {
            var value = Unwrap(assignment.Value);
            IOperation? body = null;
            var text = false;
            switch (value)
            {
                case IObjectCreationOperation creation when creation.Type != null && !types.TryGetResultTypeStatus(creation.Type, out _):
                    if (InitializedValue(creation, "StatusCode") != null)
                    {
                        return;
                    }

                    if (ResponseDiscovery.DerivesFrom(creation.Type, types.ContentResult))
                    {
                        body = InitializedValue(creation, "Content");
                        text = true;
                    }
                    else if (ResponseDiscovery.DerivesFrom(creation.Type, types.JsonResult) || SymbolEqualityComparer.Default.Equals(creation.Type.OriginalDefinition, types.ObjectResult))
                    {
                        body = InitializedValue(creation, "Value") ?? Argument(creation.Arguments, "value");
                    }
                    else
                    {
                        return;
                    }

                    break;
                case IInvocationOperation call when call.TargetMethod.Name == "Content"
                    && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType?.OriginalDefinition, types.ControllerBase):
                    // A controller that is its own filter: ControllerBase.Content(text, contentType) sets no status.
                    body = Argument(call.Arguments, "content");
                    text = true;
                    break;
                default:
                    return;
            }

            var status = StatusBefore(assignment, types, out _);
            if (status == null)
            {
                return;
            }

            var firstNew = sites.Count;
            ResponseDiscovery.AddStatuses(status.Value, ResponseSiteKind.StatusAssignment, ResponseApi.MvcResultType, value.Syntax, assignment, body, sites, reportsStatus: false);
            if (HasErrorStatus(sites, firstNew))
            {
                AttachDescription(sites, firstNew, text ? DescribeText(body, ContentTypeOf(value), null, types) : Describe(body, null, types, 0));
            }
        }

        /// <summary>
        /// <c>new ContentResult { Content = …, ContentType = "application/json", StatusCode = 422 }</c>: a body-only site at
        /// the creation for each status (the status itself is reported where it is assigned).
        /// </summary>
        public static void FromInitializedContentResult(IObjectCreationOperation creation, WellKnownTypes types, List<ResponseSite> sites)
        {
            var status = InitializedValue(creation, "StatusCode");
            if (status == null)
            {
                return;
            }

            var body = InitializedValue(creation, "Content");
            var firstNew = sites.Count;
            ResponseDiscovery.AddStatuses(status, ResponseSiteKind.StatusAssignment, ResponseApi.MvcResultType, creation.Syntax, creation, body, sites, reportsStatus: false);
            if (HasErrorStatus(sites, firstNew))
            {
                AttachDescription(sites, firstNew, DescribeText(body, ContentTypeOf(creation), null, types));
            }
        }

        /// <summary>Whether the value is assigned to the <c>Result</c> of an MVC filter's context (it is the response then).</summary>
        public static bool IsFilterResult(ISimpleAssignmentOperation assignment, WellKnownTypes types)
        {
            return assignment.Target is IPropertyReferenceOperation property
                && property.Property.Name == "Result"
                && ResponseDiscovery.DerivesFrom(property.Property.ContainingType, types.FilterContext);
        }

        /// <summary>
        /// Whether a filter's result may write the response: anything but <c>null</c> and an <c>EmptyResult</c> (a result made
        /// elsewhere may write a body; a result with a status of its own is checked where it is created).
        /// </summary>
        private static bool MayWriteBody(IOperation result, WellKnownTypes types)
        {
            var value = Unwrap(result);
            return !IsNullOrAbsent(value)
                && !(value is IObjectCreationOperation creation && SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, types.EmptyResult));
        }

        private static bool HasErrorStatus(List<ResponseSite> sites, int firstNew)
        {
            for (var i = firstNew; i < sites.Count; i++)
            {
                if (sites[i].Status >= 400)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The last <c>Response.StatusCode = …</c> before <paramref name="site"/> in the same function, when no other write to
        /// the response comes between them (the write <see cref="HasWriteAfter"/> finds for the assignment); null otherwise.
        /// One walk also says whether the response's content type is set to JSON before the site.
        /// </summary>
        private static ISimpleAssignmentOperation? StatusBefore(IOperation site, WellKnownTypes types, out bool jsonContentType)
        {
            var start = site.Syntax.SpanStart;
            ISimpleAssignmentOperation? status = null;
            var lastWriterStart = -1;
            jsonContentType = false;
            foreach (var descendant in FunctionRoot(site).Descendants())
            {
                if (descendant.Syntax.SpanStart >= start)
                {
                    continue;
                }

                if (descendant is ISimpleAssignmentOperation assignment && assignment.Syntax.Span.End <= start)
                {
                    if (IsResponseProperty(assignment, "StatusCode", types))
                    {
                        if (status == null || assignment.Syntax.SpanStart > status.Syntax.SpanStart)
                        {
                            status = assignment;
                        }
                    }
                    else if (IsResponseProperty(assignment, "ContentType", types))
                    {
                        jsonContentType = ClassifyContentType(assignment.Value) == TextType.Json;
                    }
                    else if (assignment.Syntax.SpanStart > lastWriterStart && IsFilterResult(assignment, types) && MayWriteBody(assignment.Value, types))
                    {
                        lastWriterStart = assignment.Syntax.SpanStart;
                    }
                }
                else if (descendant is IInvocationOperation writer
                    && descendant.Syntax.SpanStart > lastWriterStart
                    && (IsResponseWriter(writer.TargetMethod, types) || IsProblemServiceWrite(writer.TargetMethod, types)))
                {
                    lastWriterStart = descendant.Syntax.SpanStart;
                }
            }

            return status == null || lastWriterStart >= status.Syntax.Span.End ? null : status;
        }

        private static bool IsResponseProperty(ISimpleAssignmentOperation assignment, string name, WellKnownTypes types)
        {
            return assignment.Target is IPropertyReferenceOperation property
                && property.Property.Name == name
                && ResponseDiscovery.DerivesFrom(property.Property.ContainingType, types.HttpResponse);
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

        /// <summary>
        /// Whether the response is written after <paramref name="assignment"/> in the same function: a <c>WriteAsync</c> /
        /// <c>WriteAsJsonAsync</c>, or a result given to an MVC filter's <c>context.Result</c>.
        /// </summary>
        private static bool HasWriteAfter(IOperation assignment, WellKnownTypes types)
        {
            var after = assignment.Syntax.Span.End;
            foreach (var descendant in FunctionRoot(assignment).Descendants())
            {
                if (descendant.Syntax.SpanStart < after)
                {
                    continue;
                }

                if ((descendant is IInvocationOperation invocation && (IsResponseWriter(invocation.TargetMethod, types) || IsFactoryWrite(invocation, types) || IsProblemServiceWrite(invocation.TargetMethod, types)))
                    || (descendant is ISimpleAssignmentOperation result && IsFilterResult(result, types) && MayWriteBody(result.Value, types)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>problemDetailsService.WriteAsync(context)</c>, <c>TryWriteAsync(context)</c>: the problem is written to the response (in an
        /// exception handler, as ASP.NET Core documents it). Its body is not described here: the service completes it.
        /// </summary>
        private static bool IsProblemServiceWrite(IMethodSymbol method, WellKnownTypes types) =>
            (method.Name == "WriteAsync" || method.Name == "TryWriteAsync")
            && types.ProblemDetailsService != null
            && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, types.ProblemDetailsService);

        /// <summary><c>ApiErrors.NotFound("…").WriteAsync(response)</c>: a generated error factory's result writes the whole response.</summary>
        private static bool IsFactoryWrite(IInvocationOperation invocation, WellKnownTypes types) =>
            invocation.TargetMethod.Name == "WriteAsync" && invocation.Instance != null && types.IsFactoryResult(invocation.Instance.Type);

        public static bool IsProblemFactory(IMethodSymbol method) => method.Name == "Problem" || method.Name == "ValidationProblem";

        private static bool IsResponseWriter(IMethodSymbol method, WellKnownTypes types)
        {
            var owner = method.ContainingType?.OriginalDefinition;
            return (method.Name == "WriteAsJsonAsync" && SymbolEqualityComparer.Default.Equals(owner, types.HttpResponseJsonExtensions))
                || (method.Name == "WriteAsync" && SymbolEqualityComparer.Default.Equals(owner, types.HttpResponseWritingExtensions));
        }

        /// <summary>
        /// The JSON a <c>Response.WriteAsync(text)</c> call writes, when the text is made by a serializer or written in the code
        /// as JSON; null for any other call or text (plain text, text of unknown origin).
        /// </summary>
        public static ResponseBody? DescribeWrittenJson(IInvocationOperation write, WellKnownTypes types)
        {
            if (!IsResponseWriter(write.TargetMethod, types) || write.TargetMethod.Name != "WriteAsync")
            {
                return null;
            }

            var body = DescribeText(Argument(write.Arguments, "text"), TextType.Unstated, write, types);
            return body.SerializedBy != null || body.JsonText ? body : null;
        }

        /// <summary><c>Results.Content</c>, <c>Results.Text</c> (and <c>TypedResults</c>'): the body is text of a given content type.</summary>
        private static bool IsTextFactory(IMethodSymbol method) => method.Name == "Content" || method.Name == "Text";

        /// <summary>How a text body is sent, by its content type.</summary>
        internal enum TextType
        {
            /// <summary>Text (<c>text/plain</c>, the default of <c>ContentResult</c> and <c>Results.Content</c>).</summary>
            Plain,

            /// <summary><c>application/json</c>, <c>application/problem+json</c>, any <c>*+json</c>.</summary>
            Json,

            /// <summary>A content type the source does not show (a variable).</summary>
            Unknown,

            /// <summary><c>Response.WriteAsync(text)</c> with no content type set before it in the same function.</summary>
            Unstated,
        }

        private static ResponseBody DescribeTextFactory(IInvocationOperation call, IOperation? body, WellKnownTypes types)
        {
            // Results.Text(ReadOnlySpan<byte> utf8Content, …): bytes, whose text cannot be read.
            return Argument(call.Arguments, "utf8Content") != null ? ResponseBody.Unknown : DescribeText(body, ContentTypeOf(call), null, types);
        }

        /// <summary>
        /// A text body: JSON made by <c>JsonSerializer.Serialize(x)</c> (or Newtonsoft's <c>JsonConvert.SerializeObject(x)</c>)
        /// is described as the JSON of <c>x</c>, unless it is sent as text; other text sent as JSON has a shape that cannot be
        /// known from here; text sent as text is a plain string.
        /// </summary>
        private static ResponseBody DescribeText(IOperation? text, TextType type, IInvocationOperation? writer, WellKnownTypes types)
        {
            if (text == null || type == TextType.Plain)
            {
                return Describe(text, writer, types, 0);
            }

            var value = Unwrap(text);
            var local = value as ILocalReferenceOperation;
            if (local != null && InitialValue(local) is IOperation initial)
            {
                // var json = JsonSerializer.Serialize(…); await context.Response.WriteAsync(json);
                value = initial;
            }

            var json = value is IInvocationOperation call ? DescribeSerialized(call, writer, types) : null;
            if (json == null && type != TextType.Unknown && value.ConstantValue.HasValue && value.ConstantValue.Value is string constant)
            {
                json = DescribeJsonLiteral(value, constant, writer);
            }

            if (json != null)
            {
                // Read through a local, the body is reported where it is written (a diagnostic stays within the code analysed).
                return local == null || json.Kind == ResponseBodyKind.Unknown
                    ? json
                    : new ResponseBody(json.Kind, local, json.What, json.Members, json.Message, writer, json.ValidationErrors, json.SerializedBy, json.DeclaredNames, json.JsonText);
            }

            if (StartsLikeJson(value, 0))
            {
                // $"{{\"message\": \"{text}\"}}", "{\"message\": \"" + text + "\"}": JSON built from pieces, not plain text.
                return ResponseBody.Unknown;
            }

            // Text that is no JSON ("Not found"), or null (no body), is what it is whatever the content type says; a variable
            // sent as JSON is JSON of unknown shape.
            return type == TextType.Unstated || value.ConstantValue.HasValue ? Describe(text, writer, types, 0) : ResponseBody.Unknown;
        }

        /// <summary>
        /// The JSON a serializer call makes, described as the body; null when <paramref name="call"/> is no serializer. Only
        /// what can be known is described: <c>JsonSerializer.Serialize&lt;T&gt;(value)</c> with no options or options whose naming
        /// the source shows, and <c>JsonConvert.SerializeObject</c> of an anonymous object (Newtonsoft's own attributes are not
        /// read) without settings; any other form is unknowable.
        /// </summary>
        private static ResponseBody? DescribeSerialized(IInvocationOperation call, IInvocationOperation? writer, WellKnownTypes types)
        {
            var method = call.TargetMethod;
            var owner = method.ContainingType?.OriginalDefinition;
            string by;
            var naming = (JsonNaming?)JsonNaming.AsDeclared;
            IOperation? value = null;
            if (method.Name == "Serialize" && SymbolEqualityComparer.Default.Equals(owner, types.JsonSerializer))
            {
                by = "JsonSerializer.Serialize";
                if (!method.IsGenericMethod)
                {
                    // Serialize(value, typeof(T)) or a JsonTypeInfo: the type written is chosen at run time or by a context.
                    return ResponseBody.Unknown;
                }

                foreach (var argument in call.Arguments)
                {
                    switch (argument.Parameter?.Name)
                    {
                        case "value":
                            value = argument.Value;
                            break;
                        case "options":
                            naming = argument.ArgumentKind == ArgumentKind.DefaultValue ? JsonNaming.AsDeclared : NamingOf(argument.Value, types);
                            break;
                        default:
                            naming = null;
                            break;
                    }
                }
            }
            else if (method.Name == "SerializeObject" && types.NewtonsoftJsonConvert != null && SymbolEqualityComparer.Default.Equals(owner, types.NewtonsoftJsonConvert))
            {
                by = "JsonConvert.SerializeObject";
                foreach (var argument in call.Arguments)
                {
                    switch (argument.Parameter?.Name)
                    {
                        case "value":
                            value = argument.Value;
                            break;
                        case "formatting":
                            break;
                        case "converters" when argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation converters
                            && converters.Initializer != null && converters.Initializer.ElementValues.IsEmpty:
                            break;
                        case "settings" when IsNullOrAbsent(Unwrap(argument.Value)):
                            break;
                        default:
                            naming = null;
                            break;
                    }
                }

                if (value != null && !(Unwrap(value) is IAnonymousObjectCreationOperation))
                {
                    naming = null;
                }
            }
            else
            {
                return null;
            }

            if (value == null || naming == null)
            {
                return ResponseBody.Unknown;
            }

            var described = Describe(value, writer, types, 0, naming.Value);
            switch (described.Kind)
            {
                case ResponseBodyKind.Unknown:
                    return described;
                case ResponseBodyKind.None:
                    return new ResponseBody(ResponseBodyKind.NotAnObject, described.Value, "the JSON value null", ImmutableArray<BodyMember>.Empty, null, writer, null, by);
                default:
                    var what = described.Kind == ResponseBodyKind.NotAnObject && described.Value?.Type?.SpecialType == SpecialType.System_String ? "a JSON string" : described.What;
                    return new ResponseBody(described.Kind, described.Value, what, described.Members, described.Message, writer, described.ValidationErrors, by, naming == JsonNaming.AsDeclared);
            }
        }

        /// <summary>
        /// JSON text written in the source (<c>"{\"message\": \"Invalid key\"}"</c>): its object read as a body; null when the
        /// text is no JSON object or array (a plain string). Only text that starts with <c>{</c> or <c>[</c> is read.
        /// </summary>
        private static ResponseBody? DescribeJsonLiteral(IOperation literal, string text, IInvocationOperation? writer)
        {
            var first = 0;
            while (first < text.Length && char.IsWhiteSpace(text[first]))
            {
                first++;
            }

            if (first == text.Length || (text[first] != '{' && text[first] != '['))
            {
                return null;
            }

            var read = JsonReader.Read(text);
            return read.Root == null || read.Errors.Count > 0 ? null : FromJson(read.Root, literal, writer, 0);
        }

        /// <summary>
        /// The value a local is declared with in the function that reads it, when nothing assigns it again (nor passes it by
        /// reference); null otherwise. One walk of the function, made only for the text of an error response.
        /// </summary>
        private static IOperation? InitialValue(ILocalReferenceOperation reference)
        {
            IOperation? initial = null;
            foreach (var descendant in FunctionRoot(reference).Descendants())
            {
                switch (descendant)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                        initial = declarator.Initializer?.Value;
                        break;
                    case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                        return null;
                    case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind != RefKind.None
                        && argument.Value is ILocalReferenceOperation passed && SymbolEqualityComparer.Default.Equals(passed.Local, reference.Local):
                        return null;
                }
            }

            return initial == null ? null : Unwrap(initial);
        }

        /// <summary>Text whose first piece written in the code opens a JSON object or array (an interpolation, a concatenation).</summary>
        private static bool StartsLikeJson(IOperation text, int depth)
        {
            switch (text)
            {
                case IInterpolatedStringOperation interpolated:
                    return !interpolated.Parts.IsEmpty && interpolated.Parts[0] is IInterpolatedStringTextOperation part && StartsLikeJson(part.Text, depth);
                case IBinaryOperation concatenation when concatenation.OperatorKind == BinaryOperatorKind.Add && depth < MaxDepth:
                    return StartsLikeJson(concatenation.LeftOperand, depth + 1);
                default:
                    return text.ConstantValue.HasValue && text.ConstantValue.Value is string constant && constant.TrimStart().StartsWith("{", System.StringComparison.Ordinal);
            }
        }

        private static ResponseBody FromJson(JsonNode node, IOperation? literal, IInvocationOperation? writer, int depth)
        {
            if (!(node is JsonObject json))
            {
                var what = node.Kind == JsonKind.Array ? "a JSON array" : node.Kind == JsonKind.String ? "a JSON string" : "a bare JSON " + node.Kind.ToString().ToLowerInvariant();
                return new ResponseBody(ResponseBodyKind.NotAnObject, literal, what, ImmutableArray<BodyMember>.Empty, null, writer, jsonText: true);
            }

            var members = ImmutableArray.CreateBuilder<BodyMember>(json.Properties.Count);
            foreach (var property in json.Properties)
            {
                ImmutableArray<ResponseBody>? items = null;
                if (property.Value is JsonArray array && depth < MaxDepth)
                {
                    var builder = ImmutableArray.CreateBuilder<ResponseBody>(array.Items.Count);
                    foreach (var item in array.Items)
                    {
                        builder.Add(FromJson(item, null, null, depth + 1));
                    }

                    items = builder.MoveToImmutable();
                }

                var nested = property.Value is JsonObject && depth < MaxDepth ? FromJson(property.Value, null, null, depth + 1) : null;
                var scalar = property.Value is JsonNumber number ? number.Text : property.Value is JsonBoolean boolean ? (boolean.Value ? "true" : "false") : null;
                members.Add(new BodyMember(property.Name, property.Name, null, items, JsonTypeOf(property.Value), (property.Value as JsonString)?.Value)
                    .WithJson(nested, JsonTypeOf(property.Value) ?? BodyFieldType.String, scalar));
            }

            return new ResponseBody(ResponseBodyKind.Object, literal, null, members.MoveToImmutable(), null, writer, jsonText: true);
        }

        private static BodyFieldType? JsonTypeOf(JsonNode value)
        {
            switch (value)
            {
                case JsonString _:
                    return BodyFieldType.String;
                case JsonNumber number:
                    return number.IsInteger ? BodyFieldType.Integer : BodyFieldType.Number;
                case JsonBoolean _:
                    return BodyFieldType.Boolean;
                case JsonArray _:
                    return BodyFieldType.Array;
                case JsonObject _:
                    return BodyFieldType.Object;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The naming of a <c>JsonSerializerOptions</c> argument, when the source shows it: <c>null</c>,
        /// <c>JsonSerializerOptions.Default</c>/<c>.Web</c>, <c>new JsonSerializerOptions(JsonSerializerDefaults.Web)</c>, an
        /// initializer's <c>PropertyNamingPolicy = JsonNamingPolicy.CamelCase</c>; null otherwise (a field, a variable).
        /// </summary>
        private static JsonNaming? NamingOf(IOperation options, WellKnownTypes types)
        {
            var value = Unwrap(options);
            if (value.ConstantValue.HasValue && value.ConstantValue.Value == null)
            {
                return JsonNaming.AsDeclared;
            }

            if (value is IPropertyReferenceOperation property && property.Instance == null
                && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, types.JsonSerializerOptions))
            {
                return property.Property.Name == "Default" ? JsonNaming.AsDeclared : property.Property.Name == "Web" ? JsonNaming.CamelCase : (JsonNaming?)null;
            }

            if (!(value is IObjectCreationOperation creation) || !SymbolEqualityComparer.Default.Equals(creation.Type, types.JsonSerializerOptions))
            {
                return null;
            }

            JsonNaming? naming = JsonNaming.AsDeclared;
            if (!creation.Arguments.IsEmpty)
            {
                // JsonSerializerOptions(JsonSerializerDefaults defaults): General = 0, Web = 1; the copy constructor is unknowable.
                var defaults = creation.Arguments.Length == 1 ? creation.Arguments[0].Value.ConstantValue : default;
                naming = defaults.HasValue && defaults.Value is int kind && (kind == 0 || kind == 1) ? (kind == 1 ? JsonNaming.CamelCase : JsonNaming.AsDeclared) : (JsonNaming?)null;
            }

            var policy = InitializedValue(creation, "PropertyNamingPolicy");
            if (policy != null)
            {
                naming = IsNullOrAbsent(policy) ? JsonNaming.AsDeclared
                    : policy is IPropertyReferenceOperation named && named.Property.Name == "CamelCase" && SymbolEqualityComparer.Default.Equals(named.Property.ContainingType, types.JsonNamingPolicy) ? JsonNaming.CamelCase
                    : (JsonNaming?)null;
            }

            return naming;
        }

        /// <summary>The content type a <c>ContentResult</c> creation, <c>Content(…)</c> or <c>Results.Content/Text(…)</c> call states.</summary>
        private static TextType ContentTypeOf(IOperation result)
        {
            IOperation? contentType;
            switch (result)
            {
                case IObjectCreationOperation creation:
                    contentType = InitializedValue(creation, "ContentType");
                    break;
                case IInvocationOperation call:
                    contentType = Argument(call.Arguments, "contentType");
                    break;
                default:
                    return TextType.Unknown;
            }

            return contentType == null ? TextType.Plain : ClassifyContentType(contentType);
        }

        private static TextType ClassifyContentType(IOperation contentType)
        {
            var value = Unwrap(contentType);
            if (!value.ConstantValue.HasValue)
            {
                return TextType.Unknown;
            }

            if (!(value.ConstantValue.Value is string text))
            {
                return value.ConstantValue.Value == null ? TextType.Plain : TextType.Unknown;
            }

            var semicolon = text.IndexOf(';');
            var mediaType = (semicolon < 0 ? text : text.Substring(0, semicolon)).Trim();
            return string.Equals(mediaType, "application/json", System.StringComparison.OrdinalIgnoreCase)
                || string.Equals(mediaType, "text/json", System.StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", System.StringComparison.OrdinalIgnoreCase)
                ? TextType.Json
                : TextType.Plain;
        }

        /// <summary>The explicit argument of the parameter named <paramref name="parameterName"/>, or null.</summary>
        private static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string parameterName)
        {
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Name == parameterName)
                {
                    return argument.Value;
                }
            }

            return null;
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
            var validation = invocation.TargetMethod.Name == "ValidationProblem";
            var problem = ProblemValues.FromFactory(invocation, validation);
            if (body != null)
            {
                // Results.Problem(problemDetails): the object given is the body, completed by the framework.
                var given = Unwrap(body);
                message ??= Describe(body, null, types, 0).Message;
                if (given.Type is ITypeSymbol givenType && ResponseDiscovery.DerivesFrom(givenType, types.ProblemDetails))
                {
                    problem = ProblemValues.FromCreation(given, validation || ResponseDiscovery.DerivesFrom(givenType, types.HttpValidationProblemDetails), frameworkFillsDefaults: true);
                }
            }

            var what = validation ? "a ValidationProblemDetails body" : "a ProblemDetails body";
            return new ResponseBody(ResponseBodyKind.ProblemDetails, null, what, ImmutableArray<BodyMember>.Empty, message, null, errors, problem: problem);
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
        public static ResponseBody Describe(IOperation? body, IInvocationOperation? writer, WellKnownTypes types, int depth, JsonNaming naming = JsonNaming.CamelCase)
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
                        members.Add(new BodyMember(JsonShape.NameFor(name, naming), name, assignment.Value, DescribeItems(assignment.Value, types, depth, naming), JsonShape.JsonTypeOf(property.Property.Type, types))
                            .WithNestedSource(property.Property.Type, types, naming, depth));
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

                // An ObjectResult sets the status of a ProblemDetails that has none; nothing else is filled in.
                var problem = ProblemValues.FromCreation(value, ResponseDiscovery.DerivesFrom(type, types.HttpValidationProblemDetails), frameworkFillsDefaults: false);
                return new ResponseBody(ResponseBodyKind.ProblemDetails, value, "a " + type.Name + " body", ImmutableArray<BodyMember>.Empty, message, writer, problem: problem);
            }

            if (ResponseDiscovery.DerivesFrom(type, types.ModelStateDictionary))
            {
                return new ResponseBody(ResponseBodyKind.ProblemDetails, value, "the ModelState dictionary", ImmutableArray<BodyMember>.Empty, null, writer, value, validationDictionary: true);
            }

            if (ResponseDiscovery.DerivesFrom(type, types.SerializableError))
            {
                return new ResponseBody(ResponseBodyKind.ProblemDetails, value, "a SerializableError", ImmutableArray<BodyMember>.Empty, null, writer, validationDictionary: true);
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
                var items = memberValue != null ? DescribeItems(memberValue, types, depth, naming) : DescribeItemType(memberType, types, depth, naming);
                typed.Add(new BodyMember(property.NameFor(naming), property.Member.Name, memberValue, items, memberType == null ? null : JsonShape.JsonTypeOf(memberType, types))
                    .WithNestedSource(memberType, types, naming, depth));
            }

            return new ResponseBody(ResponseBodyKind.Object, value, null, typed.ToImmutable(), null, writer);
        }

        /// <summary>
        /// The shape of an object-valued member (<see cref="BodyMember.Nested"/>): its value's, else its declared type's; null
        /// when it is no object with known members or the depth is reached.
        /// </summary>
        internal static ResponseBody? DescribeNested(IOperation? value, ITypeSymbol? type, WellKnownTypes types, JsonNaming naming, int depth)
        {
            if (depth + 1 >= MaxDepth)
            {
                return null;
            }

            if (value != null)
            {
                var described = Describe(value, null, types, depth + 1, naming);
                return described.Kind == ResponseBodyKind.Object ? described : null;
            }

            if (type == null || type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Error || JsonShape.JsonTypeOf(type, types) != BodyFieldType.Object
                || JsonShape.IsDictionary(type, types) || ResponseDiscovery.DerivesFrom(type, types.ProblemDetails))
            {
                return null;
            }

            var properties = JsonShape.GetProperties(type, types);
            if (properties == null)
            {
                return null;
            }

            var members = ImmutableArray.CreateBuilder<BodyMember>(properties.Count);
            foreach (var property in properties)
            {
                var memberType = (property.Member as IPropertySymbol)?.Type ?? (property.Member as IFieldSymbol)?.Type;
                members.Add(new BodyMember(property.NameFor(naming), property.Member.Name, null, DescribeItemType(memberType, types, depth + 1, naming), memberType == null ? null : JsonShape.JsonTypeOf(memberType, types))
                    .WithNestedSource(memberType, types, naming, depth + 1));
            }

            return new ResponseBody(ResponseBodyKind.Object, null, null, members.MoveToImmutable(), null, null);
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
        private static ImmutableArray<ResponseBody>? DescribeItems(IOperation memberValue, WellKnownTypes types, int depth, JsonNaming naming)
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
                    items.Add(Describe(element, null, types, depth + 1, naming));
                }

                return items.ToImmutable();
            }

            return DescribeItemType(value.Type, types, depth, naming);
        }

        private static ImmutableArray<ResponseBody>? DescribeItemType(ITypeSymbol? type, WellKnownTypes types, int depth, JsonNaming naming)
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
                members.Add(new BodyMember(property.NameFor(naming), property.Member.Name, null, null, null));
            }

            return ImmutableArray.Create(new ResponseBody(ResponseBodyKind.Object, null, null, members.ToImmutable(), null, null));
        }
    }
}
