using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>The error body language beyond flat fields: the code catalog of the contract.</summary>
    public sealed partial class ErrorContractModel
    {
        public ErrorContractModel(
            string? name,
            ImmutableSortedDictionary<int, StatusEntry> statuses,
            bool successStatusesRestricted,
            ImmutableSortedDictionary<int, int> replacements,
            ErrorBodyShape errorBody,
            AuthorizationContract? authorization,
            ImmutableArray<CatalogCode> codes,
            ResponseHeadersContract? headers = null,
            string? errorContentType = null)
            : this(name, statuses, successStatusesRestricted, replacements, errorBody, authorization, headers, errorContentType)
        {
            Codes = codes.IsDefault ? ImmutableArray<CatalogCode>.Empty : codes;
        }

        /// <summary>The root <c>codes</c> catalog, in documented order (empty when the contract has none).</summary>
        public ImmutableArray<CatalogCode> Codes { get; } = ImmutableArray<CatalogCode>.Empty;
    }

    /// <summary>One entry of the root <c>codes</c> catalog: a code, the status it is sent with, its message.</summary>
    public sealed class CatalogCode
    {
        public CatalogCode(string code, int status, string? message, string? description)
        {
            Code = code;
            Status = status;
            Message = message;
            Description = description;
        }

        /// <summary>The code's value as text (<c>rate_limit_exceeded</c>, or <c>1001</c> for an integer code field).</summary>
        public string Code { get; }

        public int Status { get; }

        public string? Message { get; }

        public string? Description { get; }
    }

    /// <summary>Several codes per status: <c>errorCodes</c> and the catalog.</summary>
    public sealed partial class StatusEntry
    {
        private ImmutableArray<string> errorCodes;

        /// <summary>A status with every code valid for it, the one a fix writes first.</summary>
        public StatusEntry(int code, string? description, ImmutableArray<string> errorCodes, string? message, ImmutableArray<string> requiredFields)
            : this(code, description, errorCodes.IsDefaultOrEmpty ? null : errorCodes[0], message, requiredFields)
        {
            this.errorCodes = errorCodes.IsDefault ? ImmutableArray<string>.Empty : errorCodes;
        }

        /// <summary>
        /// Every value the body's code field may hold for this status (from <c>errorCode</c>, <c>errorCodes</c> and the
        /// <c>codes</c> catalog), as text; <see cref="ErrorCode"/>, the one a fix writes, is the first. Empty when none.
        /// </summary>
        public ImmutableArray<string> ErrorCodes
        {
            get
            {
                if (errorCodes.IsDefault)
                {
                    errorCodes = ErrorCode == null ? ImmutableArray<string>.Empty : ImmutableArray.Create(ErrorCode);
                }

                return errorCodes;
            }
        }
    }

    /// <summary>Nested shapes, open bodies and dotted paths.</summary>
    public sealed partial class ErrorBodyShape
    {
        private Derived? derived;

        public ErrorBodyShape(ImmutableArray<BodyField> fields, string? codeField, string? messageField, ValidationVariant? validation, bool additionalFields)
            : this(fields, codeField, messageField, validation)
        {
            AdditionalFields = additionalFields;
        }

        /// <summary>True when fields the contract does not list are allowed at the top level (<c>"additionalFields": true</c>).</summary>
        public bool AdditionalFields { get; }

        /// <summary>The code field as a path into nested objects (<c>error</c>, <c>type</c> for <c>"error.type"</c>); empty when none.</summary>
        public ImmutableArray<string> CodePath => Get().CodePath;

        /// <summary>The message field as a path into nested objects; empty when none.</summary>
        public ImmutableArray<string> MessagePath => Get().MessagePath;

        /// <summary>The JSON type of the code field: <see cref="BodyFieldType.String"/>, or <see cref="BodyFieldType.Integer"/> for integer codes.</summary>
        public BodyFieldType CodeType => Get().CodeType;

        /// <summary>
        /// True when the shape uses anything beyond flat, closed, string-coded fields (nested fields, items, value constraints,
        /// per-status fields, open bodies, dotted paths, integer codes): a contract without them costs nothing more to check.
        /// </summary>
        public bool UsesNestedLanguage => Get().UsesNestedLanguage;

        private Derived Get() => derived ??= new Derived(this);

        /// <summary>
        /// The field a path names: a top-level field of that exact name, else the dotted path through object fields
        /// (<c>"error.type"</c>); null when it names no field.
        /// </summary>
        public BodyField? FindPath(string path)
        {
            var exact = Find(path);
            if (exact != null || path.IndexOf('.') < 0)
            {
                return exact;
            }

            var segments = path.Split('.');
            var fields = Fields;
            BodyField? field = null;
            foreach (var segment in segments)
            {
                field = BodyField.FindIn(fields, segment);
                if (field == null)
                {
                    return null;
                }

                fields = field.Fields;
            }

            return field;
        }

        /// <summary>What the shape's declarations imply, worked out once.</summary>
        private sealed class Derived
        {
            public Derived(ErrorBodyShape shape)
            {
                CodePath = shape.Split(shape.CodeField);
                MessagePath = shape.Split(shape.MessageField);
                CodeType = shape.CodeField != null ? shape.FindPath(shape.CodeField)?.Type ?? BodyFieldType.String : BodyFieldType.String;
                var uses = shape.AdditionalFields || CodePath.Length > 1 || MessagePath.Length > 1 || CodeType != BodyFieldType.String;
                foreach (var field in shape.Fields)
                {
                    uses |= field.UsesNestedLanguage;
                }

                UsesNestedLanguage = uses;
            }

            public ImmutableArray<string> CodePath { get; }

            public ImmutableArray<string> MessagePath { get; }

            public BodyFieldType CodeType { get; }

            public bool UsesNestedLanguage { get; }
        }

        /// <summary>A path as its segments: a declared top-level name is one segment even when it holds dots.</summary>
        internal ImmutableArray<string> Split(string? path)
        {
            if (path == null)
            {
                return ImmutableArray<string>.Empty;
            }

            return Find(path) != null || path.IndexOf('.') < 0 ? ImmutableArray.Create(path) : ImmutableArray.Create(path.Split('.'));
        }
    }

    /// <summary>Nested fields, typed items, value constraints and per-status fields.</summary>
    public sealed partial class BodyField
    {
        public BodyField(
            string name,
            BodyFieldType type,
            bool required,
            ImmutableArray<BodyField> fields,
            bool additionalFields,
            BodyField? items,
            ImmutableArray<ContractValue> enumValues,
            ContractValue? constant,
            bool equalsStatus,
            ImmutableArray<int> statuses,
            string? description)
            : this(name, type, required)
        {
            Fields = fields.IsDefault ? ImmutableArray<BodyField>.Empty : fields;
            AdditionalFields = additionalFields;
            Items = items;
            Enum = enumValues.IsDefault ? ImmutableArray<ContractValue>.Empty : enumValues;
            Const = constant;
            EqualsStatus = equalsStatus;
            Statuses = statuses.IsDefault ? ImmutableArray<int>.Empty : statuses;
            Description = description;
            UsesNestedLanguage = !Fields.IsEmpty || additionalFields || items != null || !Enum.IsEmpty || constant != null || equalsStatus || !Statuses.IsEmpty;
        }

        /// <summary>For an object field: its own fields (<c>"fields"</c>), in documented order; empty when not declared.</summary>
        public ImmutableArray<BodyField> Fields { get; } = ImmutableArray<BodyField>.Empty;

        /// <summary>
        /// True when the object's shape is declared (it has <c>fields</c> or <c>additionalFields</c>), so that its members are
        /// checked; an object field declared with its type only is any object, as before.
        /// </summary>
        public bool HasShape => !Fields.IsEmpty || AdditionalFields;

        /// <summary>For an object field with <c>fields</c>: fields not listed are allowed too.</summary>
        public bool AdditionalFields { get; }

        /// <summary>For an array field: what every item is (a declaration without a name); null when not declared.</summary>
        public BodyField? Items { get; }

        /// <summary>The values the field may hold (<c>"enum"</c>); empty when not constrained.</summary>
        public ImmutableArray<ContractValue> Enum { get; } = ImmutableArray<ContractValue>.Empty;

        /// <summary>The one value the field holds (<c>"const"</c>), if any.</summary>
        public ContractValue? Const { get; }

        /// <summary>An integer field whose value is the response's HTTP status (<c>"equalsStatus": true</c>).</summary>
        public bool EqualsStatus { get; }

        /// <summary>The only statuses whose bodies may carry the field; empty when every status may.</summary>
        public ImmutableArray<int> Statuses { get; } = ImmutableArray<int>.Empty;

        /// <summary>What the field holds, from the docs.</summary>
        public string? Description { get; }

        /// <summary>True when the declaration uses any construct beyond type and required (checked only then).</summary>
        public bool UsesNestedLanguage { get; }

        public bool AllowedOn(int status) => Statuses.IsEmpty || Statuses.Contains(status);

        public BodyField? Find(string name) => FindIn(Fields, name);

        internal static BodyField? FindIn(ImmutableArray<BodyField> fields, string name)
        {
            foreach (var field in fields)
            {
                if (field.Name == name)
                {
                    return field;
                }
            }

            return null;
        }
    }

    /// <summary>A JSON scalar of a contract (an <c>enum</c> or <c>const</c> value, an integer code): its type and text.</summary>
    public sealed class ContractValue : IEquatable<ContractValue>
    {
        public ContractValue(BodyFieldType type, string text)
        {
            Type = type;
            Text = text;
        }

        /// <summary><see cref="BodyFieldType.String"/>, <see cref="BodyFieldType.Integer"/>, <see cref="BodyFieldType.Number"/> or <see cref="BodyFieldType.Boolean"/>.</summary>
        public BodyFieldType Type { get; }

        /// <summary>The string's value, the number as written, or <c>true</c>/<c>false</c>.</summary>
        public string Text { get; }

        /// <summary>The value as JSON writes it (<c>"card_error"</c>, <c>404</c>, <c>false</c>), for messages.</summary>
        public string Json => Type == BodyFieldType.String ? Quote(Text) : Text;

        /// <summary>True when a value of this JSON type and text (as <see cref="Text"/> spells it) is this value.</summary>
        public bool Matches(BodyFieldType type, string text)
        {
            if (Type == BodyFieldType.String || type == BodyFieldType.String || Type == BodyFieldType.Boolean || type == BodyFieldType.Boolean)
            {
                return type == Type && text == Text;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
                && a.Equals(b);
        }

        public bool Equals(ContractValue? other) => other != null && other.Matches(Type, Text) && Matches(other.Type, other.Text);

        public override bool Equals(object? obj) => Equals(obj as ContractValue);

        public override int GetHashCode() => Type == BodyFieldType.String ? StringComparer.Ordinal.GetHashCode(Text) : (int)Type;

        public override string ToString() => Json;

        /// <summary>A string as a JSON string literal.</summary>
        internal static string Quote(string text)
        {
            var builder = new StringBuilder("\"");
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"':
                        builder.Append("\\\"");
                        break;
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    case '\n':
                        builder.Append("\\n");
                        break;
                    case '\r':
                        builder.Append("\\r");
                        break;
                    case '\t':
                        builder.Append("\\t");
                        break;
                    default:
                        builder.Append(c);
                        break;
                }
            }

            return builder.Append('"').ToString();
        }
    }
}
