using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ErrorContract.Analyzers.Contract;

namespace ErrorContract.Analyzers.Generation
{
    /// <summary>
    /// What the generated error factories are, worked out from the contract alone (no Roslyn): one factory per documented
    /// error status, or one per code where a status has several; its parameters (the values the contract does not fix);
    /// the body classes with the documented JSON names. <see cref="FactoryWriter"/> turns it into C#.
    /// </summary>
    internal sealed class FactoryPlan
    {
        private FactoryPlan(ImmutableArray<Factory> factories, ImmutableArray<BodyClass> classes, string contentType)
        {
            Factories = factories;
            Classes = classes;
            ContentType = contentType;
        }

        /// <summary>The factories, by status then code, in the contract's order.</summary>
        public ImmutableArray<Factory> Factories { get; }

        /// <summary>The body's classes: the body itself first (<see cref="BodyClassName"/>), then its nested objects and list items.</summary>
        public ImmutableArray<BodyClass> Classes { get; }

        /// <summary>The media type of every error body.</summary>
        public string ContentType { get; }

        /// <summary>The name of the class of the whole error body.</summary>
        public const string BodyClassName = "ErrorBody";

        /// <summary>The base class of every factory's result.</summary>
        public const string ResultClassName = "ErrorResult";

        /// <summary>The class of one item of the validation list.</summary>
        public const string ValidationItemClassName = "ValidationItem";

        /// <summary>The const field of each result class that holds its status (what the analyzers read at a factory's call).</summary>
        public const string StatusConstant = "Status";

        /// <summary>The names the generated class uses for its own members: a factory is never named one of these.</summary>
        private static readonly string[] Reserved = { BodyClassName, ResultClassName, ValidationItemClassName };

        /// <summary>The members every class inherits from <c>object</c>: a property with one of these names would hide it (CS0108).</summary>
        private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize" };

        public static FactoryPlan Create(ErrorContractModel contract, string className)
        {
            var classes = new ClassSet();
            var body = contract.ErrorBody;
            var bodyClass = classes.Add(BodyClassName);
            AddProperties(bodyClass, body.Fields, body.Validation, classes);

            // Every name in the class is used once: the factories, their result classes (the factory's name and "Result"),
            // the body's classes and the class's own members.
            var used = new HashSet<string>(Reserved) { className };
            foreach (var generated in classes.ToImmutable())
            {
                used.Add(generated.Name);
            }

            var factories = ImmutableArray.CreateBuilder<Factory>();
            foreach (var entry in contract.Statuses.Values)
            {
                if (entry.Code < 400)
                {
                    continue;
                }

                var codes = body.CodeField == null ? ImmutableArray<string>.Empty : entry.ErrorCodes;
                if (codes.Length <= 1)
                {
                    var code = codes.IsEmpty ? null : codes[0];
                    factories.Add(CreateFactory(contract, entry, code, NameOf(contract, entry, code, codes.Length, used), classes));
                    continue;
                }

                foreach (var code in codes)
                {
                    factories.Add(CreateFactory(contract, entry, code, NameOf(contract, entry, code, codes.Length, used), classes));
                }
            }

            var contentType = contract.ErrorContentType ?? (body.IsProblemDetails ? "application/problem+json" : "application/json");
            return new FactoryPlan(factories.ToImmutable(), classes.ToImmutable(), contentType);
        }

        /// <summary>
        /// A factory's name: the code's words when the status has one code of its own (<c>not_found</c> → <c>NotFound</c>,
        /// <c>rate_limited</c> → <c>RateLimited</c>), else the status's reason phrase (<c>TooManyRequests</c>), with the code
        /// or the status appended where two factories would share a name.
        /// </summary>
        private static string NameOf(ErrorContractModel contract, StatusEntry entry, string? code, int codeCount, HashSet<string> used)
        {
            string? name = null;
            if (code != null && CodeIsOwn(contract, code))
            {
                // A problem type URI is named by its last segment (https://example.com/probs/not-found → NotFound).
                var words = contract.ErrorBody.IsProblemDetails ? code.TrimEnd('/') : code;
                name = Identifiers.Pascal(contract.ErrorBody.IsProblemDetails ? words.Substring(words.LastIndexOf('/') + 1) : words);
            }

            if (string.IsNullOrEmpty(name) || !char.IsLetter(name![0]))
            {
                name = Identifiers.ReasonPhrase(entry.Code);
                if (codeCount > 1 && code != null)
                {
                    name += Identifiers.Pascal(code) is string suffix && suffix.Length > 0 ? suffix : Number(entry.Code);
                }
            }

            if (!Take(used, name!))
            {
                var withStatus = name + Number(entry.Code);
                name = withStatus;
                for (var i = 2; !Take(used, name); i++)
                {
                    name = withStatus + "_" + Number(i);
                }
            }

            return name!;
        }

        /// <summary>Takes a factory's name and its result class's name, when neither is used yet.</summary>
        private static bool Take(HashSet<string> used, string name)
        {
            if (used.Contains(name) || used.Contains(name + "Result"))
            {
                return false;
            }

            used.Add(name);
            used.Add(name + "Result");
            return true;
        }

        /// <summary>True when no other status documents the code (it names one error, so the factory may carry its name).</summary>
        private static bool CodeIsOwn(ErrorContractModel contract, string code)
        {
            var count = 0;
            foreach (var other in contract.Statuses.Values)
            {
                foreach (var candidate in other.ErrorCodes)
                {
                    if (candidate == code)
                    {
                        count++;
                    }
                }
            }

            return count == 1;
        }

        private static Factory CreateFactory(ErrorContractModel contract, StatusEntry entry, string? code, string name, ClassSet classes)
        {
            var body = contract.ErrorBody;
            var status = entry.Code;
            var builder = new FactoryBuilder(contract, entry, code);
            builder.Fill(BodyClassName, body.Fields, string.Empty, new HashSet<string>(entry.RequiredFields), body.Validation, classes);
            builder.AddHeaders(contract.Headers.ByStatus.TryGetValue(status, out var headers) ? headers : ImmutableArray<DocumentedHeader>.Empty);
            return builder.Build(name);
        }

        private static void AddProperties(BodyClass owner, ImmutableArray<BodyField> fields, ValidationVariant? validation, ClassSet classes)
        {
            foreach (var field in fields)
            {
                var isValidation = validation != null && field.Name == validation.Field;
                owner.Properties.Add(new BodyProperty(field.Name, classes.PropertyName(owner, field.Name), TypeOf(owner, field, isValidation ? validation : null, classes)));
            }
        }

        /// <summary>The C# type of a field (without nullability): a JSON scalar's, a generated class, a list of them, or <c>object</c>.</summary>
        private static PropertyType TypeOf(BodyClass owner, BodyField field, ValidationVariant? validation, ClassSet classes)
        {
            if (validation != null)
            {
                var item = classes.Find(ValidationItemClassName) ?? classes.AddValidationItem(validation);
                return PropertyType.ListOf(PropertyType.Class(item.Name));
            }

            switch (field.Type)
            {
                case BodyFieldType.String:
                    return PropertyType.String;
                case BodyFieldType.Integer:
                    return PropertyType.Integer;
                case BodyFieldType.Number:
                    return PropertyType.Number;
                case BodyFieldType.Boolean:
                    return PropertyType.Boolean;
                case BodyFieldType.Object when !field.Fields.IsEmpty:
                    {
                        var nested = classes.Add(classes.ClassName(field.Name));
                        AddProperties(nested, field.Fields, null, classes);
                        return PropertyType.Class(nested.Name);
                    }

                case BodyFieldType.Array when field.Items != null:
                    return PropertyType.ListOf(TypeOf(owner, WithName(field.Items, field.Name + "_item"), null, classes));
                default:
                    return PropertyType.Any;
            }
        }

        private static BodyField WithName(BodyField items, string name) =>
            new BodyField(name, items.Type, items.Required, items.Fields, items.AdditionalFields, items.Items, items.Enum, items.Const, items.EqualsStatus, items.Statuses, items.Description);

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>Builds one factory: its parameters and the values it writes.</summary>
        private sealed class FactoryBuilder
        {
            private readonly ErrorContractModel contract;
            private readonly StatusEntry entry;
            private readonly string? code;
            private readonly List<Parameter> parameters = new List<Parameter>();
            private readonly List<Assignment> assignments = new List<Assignment>();
            private readonly List<HeaderWrite> headers = new List<HeaderWrite>();
            private readonly HashSet<string> parameterNames = new HashSet<string>();

            public FactoryBuilder(ErrorContractModel contract, StatusEntry entry, string? code)
            {
                this.contract = contract;
                this.entry = entry;
                this.code = code;
            }

            /// <summary>Assigns every field of an object the status's body carries: fixed values, or parameters.</summary>
            public void Fill(string className, ImmutableArray<BodyField> fields, string prefix, HashSet<string> statusRequired, ValidationVariant? validation, ClassSet classes)
            {
                var body = contract.ErrorBody;
                var status = entry.Code;
                var owner = classes.Find(className)!;
                foreach (var field in fields)
                {
                    var path = prefix + field.Name;
                    var isValidation = validation != null && prefix.Length == 0 && field.Name == validation.Field;
                    if (!field.AllowedOn(status) || (isValidation && !validation!.Statuses.Contains(status)))
                    {
                        continue;
                    }

                    var property = owner.Find(field.Name)!;
                    var required = field.Required || statusRequired.Contains(path) || (prefix.Length == 0 && entry.RequiredFields.Contains(field.Name));
                    if (path == body.CodeField && code != null)
                    {
                        assignments.Add(Assignment.Fixed(path, property.Type.Kind == FieldKind.Integer ? code : Identifiers.StringLiteral(code)));
                    }
                    else if (field.Const != null)
                    {
                        assignments.Add(Assignment.Fixed(path, Literal(field.Const)));
                    }
                    else if (field.EqualsStatus)
                    {
                        assignments.Add(Assignment.Fixed(path, Number(status)));
                    }
                    else if (property.Type.Kind == FieldKind.Class && !isValidation)
                    {
                        var before = parameters.Count + assignments.Count;
                        Fill(property.Type.ClassName!, field.Fields, path + ".", statusRequired, null, classes);
                        if (required || parameters.Count + assignments.Count > before)
                        {
                            assignments.Add(Assignment.NewObject(path, property.Type.ClassName!));
                        }
                    }
                    else
                    {
                        var isMessage = path == body.MessageField;
                        var name = ParameterName(field.Name, prefix);
                        var description = isMessage ? "The human-readable message." : field.Description;
                        if (!field.Enum.IsDefaultOrEmpty)
                        {
                            description = (description == null ? string.Empty : description + " ") + "One of: " + EnumList(field.Enum) + ".";
                        }

                        parameters.Add(new Parameter(name, property.Type, required || isMessage, isMessage, description, path, header: null));
                        assignments.Add(Assignment.FromParameter(path, name));
                    }
                }
            }

            public void AddHeaders(ImmutableArray<DocumentedHeader> documented)
            {
                foreach (var header in documented)
                {
                    var name = ParameterName(HeaderWords(header.Name), string.Empty);
                    var type = header.Type == HeaderValueType.Integer ? PropertyType.Integer : header.Type == HeaderValueType.Date ? PropertyType.Date : PropertyType.String;
                    parameters.Add(new Parameter(name, type, header.Required, false, "The " + header.Name + " header: " + header.ValueDescription + ".", null, header.Name));
                    headers.Add(new HeaderWrite(header.Name, name, type.Kind));
                }
            }

            public Factory Build(string name)
            {
                // The message first, then the other required values, then the optional ones (C# puts optional parameters last).
                var ordered = new List<Parameter>();
                ordered.AddRange(parameters.FindAll(p => p.IsMessage));
                ordered.AddRange(parameters.FindAll(p => !p.IsMessage && p.Required));
                ordered.AddRange(parameters.FindAll(p => !p.IsMessage && !p.Required));

                return new Factory(name, entry.Code, code, entry.Description, entry.Message, ordered.ToImmutableArray(), assignments.ToImmutableArray(), headers.ToImmutableArray());
            }

            private string ParameterName(string jsonName, string prefix)
            {
                var name = Identifiers.CamelWord(jsonName);
                if (name.Length == 0 || !char.IsLetter(name[0]))
                {
                    name = "value" + name;
                }

                if (!parameterNames.Add(name))
                {
                    var qualified = Identifiers.CamelWord(prefix.Replace('.', '_') + jsonName);
                    name = qualified;
                    for (var i = 2; name.Length == 0 || !char.IsLetter(name[0]) || !parameterNames.Add(name); i++)
                    {
                        name = "value" + qualified + Number(i);
                    }
                }

                return Identifiers.Escape(name);
            }

            private static string HeaderWords(string header) =>
                header.StartsWith("X-", System.StringComparison.OrdinalIgnoreCase) ? header.Substring(2) : header;

            private static string EnumList(ImmutableArray<ContractValue> values)
            {
                var builder = new StringBuilder();
                foreach (var value in values)
                {
                    builder.Append(builder.Length == 0 ? string.Empty : ", ").Append(value.Json);
                }

                return builder.ToString();
            }

            private static string Literal(ContractValue value) => value.Type switch
            {
                BodyFieldType.String => Identifiers.StringLiteral(value.Text),
                BodyFieldType.Boolean => value.Text,
                _ => value.Text,
            };
        }

        /// <summary>The generated classes by name, each name used once.</summary>
        private sealed class ClassSet
        {
            private readonly List<BodyClass> all = new List<BodyClass>();

            public ImmutableArray<BodyClass> ToImmutable() => all.ToImmutableArray();

            public BodyClass Add(string name)
            {
                var unique = name;
                for (var i = 2; Find(unique) != null || (System.Array.IndexOf(Reserved, unique) >= 0 && unique != BodyClassName); i++)
                {
                    unique = name + Number(i);
                }

                var added = new BodyClass(unique, null);
                all.Add(added);
                return added;
            }

            public BodyClass AddValidationItem(ValidationVariant validation)
            {
                var item = new BodyClass(ValidationItemClassName, validation.ItemFields);
                foreach (var field in validation.ItemFields)
                {
                    item.Properties.Add(new BodyProperty(field, PropertyName(item, field), PropertyType.String));
                }

                all.Add(item);
                return item;
            }

            public BodyClass? Find(string name)
            {
                foreach (var candidate in all)
                {
                    if (candidate.Name == name)
                    {
                        return candidate;
                    }
                }

                return null;
            }

            /// <summary>A nested object's class: its field's words and "Object" (<c>error</c> → <c>ErrorObject</c>).</summary>
            public string ClassName(string field)
            {
                var name = Identifiers.Pascal(field);
                return name.Length > 0 && char.IsLetter(name[0]) ? name + "Object" : "Field" + name + "Object";
            }

            /// <summary>A property's name: the field's words (<c>retry_after</c> → <c>RetryAfter</c>), never its class's own name.</summary>
            public string PropertyName(BodyClass owner, string field)
            {
                var name = Identifiers.Pascal(field);
                if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
                {
                    name = "Field" + name;
                }

                if (name == owner.Name || name == "WriteTo" || System.Array.IndexOf(ObjectMembers, name) >= 0)
                {
                    name += "Value";
                }

                var unique = name;
                for (var i = 2; owner.HasPropertyNamed(unique); i++)
                {
                    unique = name + Number(i);
                }

                return unique;
            }
        }
    }

    /// <summary>One generated factory: <c>ApiErrors.NotFound(string message)</c>.</summary>
    internal sealed class Factory
    {
        public Factory(string name, int status, string? code, string? description, string? message, ImmutableArray<Parameter> parameters, ImmutableArray<Assignment> assignments, ImmutableArray<HeaderWrite> headers)
        {
            Name = name;
            Status = status;
            Code = code;
            Description = description;
            Message = message;
            Parameters = parameters;
            Assignments = assignments;
            Headers = headers;
        }

        public string Name { get; }

        /// <summary>The result class: <c>NotFoundResult</c>.</summary>
        public string ResultName => Name + "Result";

        public int Status { get; }

        public string? Code { get; }

        public string? Description { get; }

        /// <summary>The status's documented message (what a fix passes).</summary>
        public string? Message { get; }

        public ImmutableArray<Parameter> Parameters { get; }

        public ImmutableArray<Assignment> Assignments { get; }

        public ImmutableArray<HeaderWrite> Headers { get; }
    }

    /// <summary>A factory's parameter: a body field at <see cref="Path"/>, or a header.</summary>
    internal sealed class Parameter
    {
        public Parameter(string name, PropertyType type, bool required, bool isMessage, string? description, string? path, string? header)
        {
            Name = name;
            Type = type;
            Required = required;
            IsMessage = isMessage;
            Description = description;
            Path = path;
            Header = header;
        }

        public string Name { get; }

        public PropertyType Type { get; }

        public bool Required { get; }

        public bool IsMessage { get; }

        public string? Description { get; }

        public string? Path { get; }

        public string? Header { get; }
    }

    /// <summary>A value a factory writes into its body: a literal, a parameter, or a new nested object.</summary>
    internal sealed class Assignment
    {
        private Assignment(string path, string? literal, string? parameter, string? newClass)
        {
            Path = path;
            Literal = literal;
            Parameter = parameter;
            NewClass = newClass;
        }

        public string Path { get; }

        public string? Literal { get; }

        public string? Parameter { get; }

        public string? NewClass { get; }

        public static Assignment Fixed(string path, string literal) => new Assignment(path, literal, null, null);

        public static Assignment FromParameter(string path, string parameter) => new Assignment(path, null, parameter, null);

        public static Assignment NewObject(string path, string className) => new Assignment(path, null, null, className);
    }

    /// <summary>A documented header a factory's result sends, from a parameter.</summary>
    internal sealed class HeaderWrite
    {
        public HeaderWrite(string header, string parameter, FieldKind kind)
        {
            Header = header;
            Parameter = parameter;
            Kind = kind;
        }

        public string Header { get; }

        public string Parameter { get; }

        public FieldKind Kind { get; }
    }

    /// <summary>A generated class of the body (the body, a nested object, a list item).</summary>
    internal sealed class BodyClass
    {
        public BodyClass(string name, ImmutableArray<string>? validationItemFields)
        {
            Name = name;
            ValidationItemFields = validationItemFields;
        }

        public string Name { get; }

        /// <summary>For the validation item class: its fields, which its constructor takes.</summary>
        public ImmutableArray<string>? ValidationItemFields { get; }

        public List<BodyProperty> Properties { get; } = new List<BodyProperty>();

        public BodyProperty? Find(string jsonName) => Properties.Find(p => p.JsonName == jsonName);

        public bool HasPropertyNamed(string name) => Properties.Exists(p => p.Name == name);
    }

    /// <summary>A property of a body class: its documented JSON name and its C# name and type.</summary>
    internal sealed class BodyProperty
    {
        public BodyProperty(string jsonName, string name, PropertyType type)
        {
            JsonName = jsonName;
            Name = name;
            Type = type;
        }

        public string JsonName { get; }

        public string Name { get; }

        public PropertyType Type { get; }
    }

    internal enum FieldKind
    {
        String,
        Integer,
        Number,
        Boolean,
        Date,
        Class,
        List,
        Any,
    }

    /// <summary>The C# type of a property or parameter.</summary>
    internal sealed class PropertyType
    {
        private PropertyType(FieldKind kind, string? className, PropertyType? item)
        {
            Kind = kind;
            ClassName = className;
            Item = item;
        }

        public static PropertyType String { get; } = new PropertyType(FieldKind.String, null, null);

        public static PropertyType Integer { get; } = new PropertyType(FieldKind.Integer, null, null);

        public static PropertyType Number { get; } = new PropertyType(FieldKind.Number, null, null);

        public static PropertyType Boolean { get; } = new PropertyType(FieldKind.Boolean, null, null);

        public static PropertyType Date { get; } = new PropertyType(FieldKind.Date, null, null);

        public static PropertyType Any { get; } = new PropertyType(FieldKind.Any, null, null);

        public FieldKind Kind { get; }

        public string? ClassName { get; }

        public PropertyType? Item { get; }

        public bool IsValueType => Kind == FieldKind.Integer || Kind == FieldKind.Number || Kind == FieldKind.Boolean || Kind == FieldKind.Date;

        public static PropertyType Class(string name) => new PropertyType(FieldKind.Class, name, null);

        public static PropertyType ListOf(PropertyType item) => new PropertyType(FieldKind.List, null, item);

        /// <summary>The type as C# writes it, without the nullable mark.</summary>
        public string CSharp => Kind switch
        {
            FieldKind.String => "string",
            FieldKind.Integer => "long",
            FieldKind.Number => "double",
            FieldKind.Boolean => "bool",
            FieldKind.Date => "global::System.DateTimeOffset",
            FieldKind.Class => ClassName!,
            FieldKind.List => "global::System.Collections.Generic.IReadOnlyList<" + Item!.CSharp + ">",
            _ => "object",
        };
    }
}
