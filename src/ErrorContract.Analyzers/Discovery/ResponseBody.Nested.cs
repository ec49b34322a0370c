using System.Globalization;
using ErrorContract.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>The nested shape of an object-valued member and the constant scalar a member holds.</summary>
    public sealed partial class BodyMember
    {
        private ITypeSymbol? nestedType;
        private WellKnownTypes? nestedTypes;
        private JsonNaming nestedNaming;
        private int nestedDepth;
        private ResponseBody? nested;
        private bool nestedKnown;
        private BodyFieldType scalarType;
        private string? scalarText;

        /// <summary>
        /// For an object-valued member (a nested anonymous object, a DTO, a JSON object written in the code): its own shape;
        /// null when it is no object or cannot be known. Described when first asked (only a contract with nested fields asks),
        /// to a bounded depth.
        /// </summary>
        public ResponseBody? Nested
        {
            get
            {
                if (!nestedKnown)
                {
                    nested = nestedTypes == null ? null : BodyDiscovery.DescribeNested(Value, nestedType, nestedTypes, nestedNaming, nestedDepth);
                    nestedKnown = true;
                }

                return nested;
            }
        }

        /// <summary>The constant JSON scalar the member holds (a string, an integer, a number, a boolean), when the source shows it.</summary>
        public bool TryGetConstant(out BodyFieldType type, out string text)
        {
            if (scalarText != null)
            {
                type = scalarType;
                text = scalarText;
                return true;
            }

            var constantString = ConstantString;
            if (constantString != null)
            {
                type = BodyFieldType.String;
                text = constantString;
                return true;
            }

            type = BodyFieldType.String;
            text = string.Empty;
            var constant = Value?.ConstantValue;
            if (constant?.HasValue != true)
            {
                return false;
            }

            switch (constant.Value.Value)
            {
                case bool b:
                    type = BodyFieldType.Boolean;
                    text = b ? "true" : "false";
                    return true;
                case int _:
                case long _:
                case short _:
                case sbyte _:
                case byte _:
                case ushort _:
                case uint _:
                case ulong _:
                    type = BodyFieldType.Integer;
                    text = System.Convert.ToString(constant.Value.Value, CultureInfo.InvariantCulture)!;
                    return true;
                case double _:
                case float _:
                case decimal _:
                    type = BodyFieldType.Number;
                    text = System.Convert.ToString(constant.Value.Value, CultureInfo.InvariantCulture)!;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Where the nested shape of a C# member comes from: its value, else its declared type.</summary>
        internal BodyMember WithNestedSource(ITypeSymbol? type, WellKnownTypes types, JsonNaming naming, int depth)
        {
            nestedType = type;
            nestedTypes = types;
            nestedNaming = naming;
            nestedDepth = depth;
            return this;
        }

        /// <summary>A member of JSON text: its nested object, already read, and its scalar value.</summary>
        internal BodyMember WithJson(ResponseBody? nestedObject, BodyFieldType type, string? scalar)
        {
            nested = nestedObject;
            nestedKnown = true;
            scalarType = type;
            scalarText = scalar;
            return this;
        }
    }
}
