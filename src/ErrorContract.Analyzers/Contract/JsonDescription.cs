namespace ErrorContract.Analyzers.Contract
{
    /// <summary>How messages about a JSON file (the contract, the OpenAPI document) show a value that is not what was expected.</summary>
    internal static class JsonDescription
    {
        /// <summary>A string or number as written (cut to <paramref name="maxLength"/> characters), else what kind of value it is.</summary>
        public static string Describe(JsonNode node, int maxLength)
        {
            switch (node)
            {
                case JsonString s:
                    return "\"" + Shorten(s.Value, maxLength) + "\"";
                case JsonNumber n:
                    return Shorten(n.Text, maxLength);
                case JsonBoolean b:
                    return b.Value ? "true" : "false";
                case JsonNull _:
                    return "null";
                case JsonArray _:
                    return "an array";
                default:
                    return "an object";
            }
        }

        /// <summary><paramref name="value"/>, or its first characters and "..." when it is longer than <paramref name="maxLength"/>.</summary>
        public static string Shorten(string value, int maxLength) =>
            value.Length <= maxLength ? value : value.Substring(0, maxLength - 3) + "...";
    }
}
