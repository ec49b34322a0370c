using System.Collections.Generic;
using System.Collections.Immutable;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>
    /// What the contract requires of one JSON object of an error body of one status (the body itself, a nested object, the
    /// items of a list): the fields it allows and requires, whether others are allowed, and the same for its nested objects.
    /// Made once per status, and only for a contract whose body uses nested fields, items, value constraints, per-status
    /// fields, open bodies or code paths (<see cref="ErrorBodyShape.UsesNestedLanguage"/>).
    /// </summary>
    public sealed class ObjectExpectation
    {
        private readonly Dictionary<string, BodyField> allowed;
        private readonly Dictionary<string, BodyField>? restricted;
        private readonly Dictionary<string, ObjectExpectation>? children;
        private readonly Dictionary<string, ObjectExpectation>? itemChildren;

        private ObjectExpectation(
            string path,
            ImmutableArray<BodyField> fields,
            bool open,
            int status,
            HashSet<string> requiredPaths,
            string? skipped)
        {
            Path = path;
            Open = open;
            allowed = new Dictionary<string, BodyField>();
            var required = ImmutableArray.CreateBuilder<string>();
            foreach (var field in fields)
            {
                if (field.Name == skipped)
                {
                    continue;
                }

                if (!field.AllowedOn(status))
                {
                    (restricted ??= new Dictionary<string, BodyField>())[field.Name] = field;
                    continue;
                }

                allowed[field.Name] = field;
                if (field.Required || requiredPaths.Contains(path + field.Name))
                {
                    required.Add(field.Name);
                }

                if (field.Type == BodyFieldType.Object && field.HasShape)
                {
                    (children ??= new Dictionary<string, ObjectExpectation>())[field.Name] =
                        new ObjectExpectation(path + field.Name + ".", field.Fields, field.AdditionalFields, status, requiredPaths, null);
                }

                var items = field.Items;
                if (items != null && items.Type == BodyFieldType.Object && items.HasShape)
                {
                    (itemChildren ??= new Dictionary<string, ObjectExpectation>())[field.Name] =
                        new ObjectExpectation(path + field.Name + "[].", items.Fields, items.AdditionalFields, status, requiredPaths, null);
                }
            }

            Required = required.ToImmutable();
        }

        /// <summary>The path of the object's fields, for messages: empty for the body, <c>error.</c> for a nested object, <c>errors[].</c> for items.</summary>
        public string Path { get; }

        /// <summary>True when fields not listed are allowed (<c>additionalFields</c>).</summary>
        public bool Open { get; }

        /// <summary>The fields every such object must carry, in documented order.</summary>
        public ImmutableArray<string> Required { get; }

        /// <summary>The body of an error of <paramref name="status"/>, whose status entry requires <paramref name="statusRequired"/> (names or dotted paths).</summary>
        public static ObjectExpectation ForBody(ErrorBodyShape shape, int status, ImmutableArray<string> statusRequired, string? skippedField)
        {
            var paths = new HashSet<string>();
            if (!statusRequired.IsDefault)
            {
                foreach (var path in statusRequired)
                {
                    paths.Add(path);
                }
            }

            return new ObjectExpectation(string.Empty, shape.Fields, shape.AdditionalFields, status, paths, skippedField);
        }

        /// <summary>The declaration of an allowed field; null when the field is not listed (or not allowed on this status).</summary>
        public BodyField? Field(string name) => allowed.TryGetValue(name, out var field) ? field : null;

        /// <summary>A field the contract declares for other statuses only (its <c>statuses</c>); null otherwise.</summary>
        public BodyField? RestrictedField(string name) => restricted != null && restricted.TryGetValue(name, out var field) ? field : null;

        public bool IsAllowed(string name) => Open || allowed.ContainsKey(name);

        /// <summary>What the nested object of an object field must be; null when the field declares no shape.</summary>
        public ObjectExpectation? Child(string name) => children != null && children.TryGetValue(name, out var child) ? child : null;

        /// <summary>What every item of an array field must be, when its items are objects with a declared shape; null otherwise.</summary>
        public ObjectExpectation? Items(string name) => itemChildren != null && itemChildren.TryGetValue(name, out var child) ? child : null;
    }
}
