using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ErrorContract.Analyzers.Contract
{
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        Boolean,
        Null,
    }

    /// <summary>A value in a JSON document, with where it is in the text.</summary>
    internal abstract class JsonNode
    {
        protected JsonNode(int start, int length, int line, int column)
        {
            Start = start;
            Length = length;
            Line = line;
            Column = column;
        }

        public abstract JsonKind Kind { get; }

        /// <summary>Character offset of the first character of the value.</summary>
        public int Start { get; }

        /// <summary>Length of the value's text (for objects and arrays: up to and including the closing bracket).</summary>
        public int Length { get; internal set; }

        /// <summary>Zero-based line of <see cref="Start"/>.</summary>
        public int Line { get; }

        /// <summary>Zero-based column of <see cref="Start"/>.</summary>
        public int Column { get; }
    }

    internal sealed class JsonObject : JsonNode
    {
        public JsonObject(int start, int line, int column)
            : base(start, 1, line, column)
        {
        }

        public override JsonKind Kind => JsonKind.Object;

        /// <summary>The properties in document order. When a key is repeated, only the first is kept here.</summary>
        public List<JsonProperty> Properties { get; } = new List<JsonProperty>();

        public JsonProperty? Find(string name)
        {
            foreach (var property in Properties)
            {
                if (property.Name == name)
                {
                    return property;
                }
            }

            return null;
        }
    }

    internal sealed class JsonProperty
    {
        public JsonProperty(JsonString key, JsonNode value)
        {
            Key = key;
            Value = value;
        }

        public string Name => Key.Value;

        /// <summary>The key, as a string node (its position is the quoted key in the text).</summary>
        public JsonString Key { get; }

        public JsonNode Value { get; }
    }

    internal sealed class JsonArray : JsonNode
    {
        public JsonArray(int start, int line, int column)
            : base(start, 1, line, column)
        {
        }

        public override JsonKind Kind => JsonKind.Array;

        public List<JsonNode> Items { get; } = new List<JsonNode>();
    }

    internal sealed class JsonString : JsonNode
    {
        public JsonString(string value, int start, int length, int line, int column)
            : base(start, length, line, column)
        {
            Value = value;
        }

        public override JsonKind Kind => JsonKind.String;

        /// <summary>The unescaped value.</summary>
        public string Value { get; }
    }

    internal sealed class JsonNumber : JsonNode
    {
        public JsonNumber(string text, bool isInteger, int start, int line, int column)
            : base(start, text.Length, line, column)
        {
            Text = text;
            IsInteger = isInteger;
        }

        public override JsonKind Kind => JsonKind.Number;

        /// <summary>The number exactly as written.</summary>
        public string Text { get; }

        /// <summary>True when written without a fraction or an exponent.</summary>
        public bool IsInteger { get; }

        public bool TryGetInt32(out int value)
        {
            value = 0;
            return IsInteger && int.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }
    }

    internal sealed class JsonBoolean : JsonNode
    {
        public JsonBoolean(bool value, int start, int line, int column)
            : base(start, value ? 4 : 5, line, column)
        {
            Value = value;
        }

        public override JsonKind Kind => JsonKind.Boolean;

        public bool Value { get; }
    }

    internal sealed class JsonNull : JsonNode
    {
        public JsonNull(int start, int line, int column)
            : base(start, 4, line, column)
        {
        }

        public override JsonKind Kind => JsonKind.Null;
    }

    /// <summary>The outcome of reading a JSON text: the root value (null when the text is not JSON) and the problems found.</summary>
    internal sealed class JsonReadResult
    {
        public JsonReadResult(JsonNode? root, List<ContractError> errors, TextPositions positions)
        {
            Root = root;
            Errors = errors;
            Positions = positions;
        }

        /// <summary>Null when a syntax error stopped the reading.</summary>
        public JsonNode? Root { get; }

        /// <summary>Syntax errors (at most one, which stops the reading) and duplicate keys (which do not).</summary>
        public List<ContractError> Errors { get; }

        public TextPositions Positions { get; }
    }

    /// <summary>Turns character offsets into zero-based line and column, with the line breaks Roslyn's SourceText uses.</summary>
    internal sealed class TextPositions
    {
        private readonly List<int> lineStarts = new List<int> { 0 };

        public TextPositions(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    lineStarts.Add(i + 1);
                }
                else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    lineStarts.Add(i + 1);
                }
            }
        }

        public int GetLine(int offset)
        {
            var low = 0;
            var high = lineStarts.Count - 1;
            while (low < high)
            {
                var mid = low + ((high - low + 1) / 2);
                if (lineStarts[mid] <= offset)
                {
                    low = mid;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return low;
        }

        public int GetColumn(int offset, int line) => offset - lineStarts[line];

        public ContractError Error(string message, int start, int length)
        {
            var line = GetLine(start);
            return new ContractError(message, start, length, line, GetColumn(start, line));
        }
    }

    /// <summary>
    /// A strict JSON (RFC 8259) reader that keeps the position of every value and key. It never throws:
    /// every problem becomes a <see cref="ContractError"/> with a message meant for the person who wrote the file.
    /// A U+FEFF byte order mark at the very start is skipped.
    /// </summary>
    internal sealed class JsonReader
    {
        /// <summary>How the reader's messages name the file and what it holds: an error contract by default.</summary>
        internal sealed class FileWording
        {
            public FileWording(string file, string expected, string commentHint, int maxLength)
            {
                File = file;
                Expected = expected;
                CommentHint = commentHint;
                MaxLength = maxLength;
            }

            /// <summary>"a contract file".</summary>
            public string File { get; }

            /// <summary>What the file must hold, for an empty file: "one JSON object, such as { ... }".</summary>
            public string Expected { get; }

            /// <summary>Where notes go instead of comments: "put notes in a status's \"description\" instead".</summary>
            public string CommentHint { get; }

            /// <summary>Texts longer than this (in UTF-16 characters) are refused without being read.</summary>
            public int MaxLength { get; }
        }

        /// <summary>The wording of errorcontract.json's messages.</summary>
        internal static readonly FileWording ContractFile = new FileWording(
            "a contract file",
            "one JSON object, such as { \"statuses\": { ... }, \"errorBody\": { ... } }",
            "put notes in a status's \"description\" instead",
            MaxLength);

        /// <summary>Objects and arrays may nest at most this deep.</summary>
        public const int MaxDepth = 64;

        /// <summary>Texts longer than this (in UTF-16 characters) are refused without being read.</summary>
        public const int MaxLength = 1024 * 1024;

        private const string ValueKinds = "a JSON value (an object, an array, a string in double quotes, a number, true, false or null)";

        private readonly string text;
        private readonly TextPositions positions;
        private readonly List<ContractError> errors = new List<ContractError>();
        private int pos;
        private bool failed;

        private readonly FileWording wording;

        private JsonReader(string text, FileWording wording)
        {
            this.text = text;
            this.wording = wording;
            positions = new TextPositions(text);
        }

        public static JsonReadResult Read(string? text) => Read(text, ContractFile);

        public static JsonReadResult Read(string? text, FileWording wording)
        {
            text ??= string.Empty;
            if (text.Length > wording.MaxLength)
            {
                var tooLong = new TextPositions(string.Empty);
                return new JsonReadResult(
                    null,
                    new List<ContractError>
                    {
                        new ContractError(
                            "the file is too large (" + text.Length.ToString("N0", CultureInfo.InvariantCulture) + " characters); " + wording.File + " may hold at most "
                            + wording.MaxLength.ToString("N0", CultureInfo.InvariantCulture) + " characters",
                            0,
                            0,
                            0,
                            0),
                    },
                    tooLong);
            }

            var reader = new JsonReader(text, wording);
            var root = reader.ReadDocument();
            return new JsonReadResult(reader.failed ? null : root, reader.errors, reader.positions);
        }

        private JsonNode? ReadDocument()
        {
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                pos = 1;
            }

            SkipWhitespace();
            if (failed)
            {
                return null;
            }

            if (pos >= text.Length)
            {
                Fail(
                    text.Length == 0 || (text.Length == 1 && text[0] == '\uFEFF')
                        ? "the file is empty; it must hold " + wording.Expected
                        : "the file holds only whitespace; it must hold " + wording.Expected,
                    0,
                    0);
                return null;
            }

            var root = ReadValue(0, null);
            if (failed)
            {
                return null;
            }

            SkipWhitespace();
            if (failed)
            {
                return null;
            }

            if (pos < text.Length)
            {
                Fail(
                    "unexpected " + DescribeAt(pos) + " after the end of the JSON value; " + wording.File + " holds exactly one JSON object, so remove what follows its closing '}'",
                    pos,
                    TokenLength(pos));
                return null;
            }

            return root;
        }

        /// <param name="depth">How deeply the value is nested in objects and arrays (the reader stops at a limit).</param>
        /// <param name="context">Where the value is, for messages ("the value of property \"name\""), or null at the root.</param>
        private JsonNode? ReadValue(int depth, string? context)
        {
            if (pos >= text.Length)
            {
                Fail("unexpected end of file; expected " + (context == null ? ValueKinds : ValueKinds + " for " + context), text.Length, 0);
                return null;
            }

            var c = text[pos];
            switch (c)
            {
                case '{':
                    return ReadObject(depth + 1);
                case '[':
                    return ReadArray(depth + 1);
                case '"':
                    return ReadString(context);
                case '\'':
                    Fail("strings must be in double quotes (\"...\"), not single quotes", pos, TokenLength(pos));
                    return null;
                case '-':
                case '0':
                case '1':
                case '2':
                case '3':
                case '4':
                case '5':
                case '6':
                case '7':
                case '8':
                case '9':
                    return ReadNumber();
                default:
                    return ReadLiteral(context);
            }
        }

        private JsonNode? ReadObject(int depth)
        {
            var start = pos;
            if (depth > MaxDepth)
            {
                Fail("objects and arrays are nested more than " + MaxDepth + " levels deep; " + wording.File + " never needs that much nesting", start, 1);
                return null;
            }

            var node = new JsonObject(start, Line(start), Column(start));
            var seen = new Dictionary<string, JsonString>(StringComparer.Ordinal);
            pos++;
            SkipWhitespace();
            if (failed)
            {
                return null;
            }

            if (pos < text.Length && text[pos] == '}')
            {
                pos++;
                node.Length = pos - start;
                return node;
            }

            string? previousKey = null;
            while (true)
            {
                if (pos >= text.Length)
                {
                    Fail(
                        previousKey == null
                            ? "unexpected end of file inside an object; expected a property name in double quotes or '}'"
                            : "unexpected end of file inside an object; expected a property name in double quotes",
                        text.Length,
                        0);
                    return null;
                }

                var c = text[pos];
                if (c != '"')
                {
                    if (c == '}' && previousKey != null)
                    {
                        // Reported at the comma: that is what has to go.
                        var comma = text.LastIndexOf(',', pos - 1);
                        Fail("trailing comma after property \"" + previousKey + "\"; JSON allows no ',' before '}', so remove it", comma < 0 ? pos : comma, 1);
                        return null;
                    }

                    if (c == '\'')
                    {
                        Fail("property names must be in double quotes (\"name\"), not single quotes", pos, TokenLength(pos));
                        return null;
                    }

                    Fail(
                        "expected a property name in double quotes, found " + DescribeAt(pos)
                            + (previousKey == null ? string.Empty : " (after property \"" + previousKey + "\")"),
                        pos,
                        TokenLength(pos));
                    return null;
                }

                var key = ReadString("a property name");
                if (key == null)
                {
                    return null;
                }

                SkipWhitespace();
                if (failed)
                {
                    return null;
                }

                if (pos >= text.Length)
                {
                    Fail("unexpected end of file; expected ':' after property name \"" + key.Value + "\"", text.Length, 0);
                    return null;
                }

                if (text[pos] != ':')
                {
                    Fail("expected ':' after property name \"" + key.Value + "\", found " + DescribeAt(pos), pos, TokenLength(pos));
                    return null;
                }

                pos++;
                SkipWhitespace();
                if (failed)
                {
                    return null;
                }

                var value = ReadValue(depth, "property \"" + key.Value + "\"");
                if (value == null)
                {
                    return null;
                }

                if (seen.TryGetValue(key.Value, out var first))
                {
                    errors.Add(positions.Error(
                        "duplicate property \"" + key.Value + "\"; it is already set on line " + (first.Line + 1).ToString(CultureInfo.InvariantCulture)
                            + ", and a property may appear only once in an object",
                        key.Start,
                        key.Length));
                }
                else
                {
                    seen.Add(key.Value, key);
                    node.Properties.Add(new JsonProperty(key, value));
                }

                previousKey = key.Value;
                SkipWhitespace();
                if (failed)
                {
                    return null;
                }

                if (pos >= text.Length)
                {
                    Fail("unexpected end of file; expected ',' or '}' after the value of property \"" + key.Value + "\"", text.Length, 0);
                    return null;
                }

                c = text[pos];
                if (c == '}')
                {
                    pos++;
                    node.Length = pos - start;
                    return node;
                }

                if (c != ',')
                {
                    Fail(
                        "expected ',' or '}' after the value of property \"" + key.Value + "\", found " + DescribeAt(pos)
                            + (c == '"' ? " (is a ',' missing?)" : string.Empty),
                        pos,
                        TokenLength(pos));
                    return null;
                }

                pos++;
                SkipWhitespace();
                if (failed)
                {
                    return null;
                }
            }
        }

        private JsonNode? ReadArray(int depth)
        {
            var start = pos;
            if (depth > MaxDepth)
            {
                Fail("objects and arrays are nested more than " + MaxDepth + " levels deep; " + wording.File + " never needs that much nesting", start, 1);
                return null;
            }

            var node = new JsonArray(start, Line(start), Column(start));
            pos++;
            SkipWhitespace();
            if (failed)
            {
                return null;
            }

            if (pos < text.Length && text[pos] == ']')
            {
                pos++;
                node.Length = pos - start;
                return node;
            }

            while (true)
            {
                if (pos < text.Length && text[pos] == ']' && node.Items.Count > 0)
                {
                    var comma = text.LastIndexOf(',', pos - 1);
                    Fail("trailing comma after the last item of an array; JSON allows no ',' before ']', so remove it", comma < 0 ? pos : comma, 1);
                    return null;
                }

                var item = ReadValue(depth, "an array item");
                if (item == null)
                {
                    return null;
                }

                node.Items.Add(item);
                SkipWhitespace();
                if (failed)
                {
                    return null;
                }

                if (pos >= text.Length)
                {
                    Fail("unexpected end of file inside an array; expected ',' or ']'", text.Length, 0);
                    return null;
                }

                var c = text[pos];
                if (c == ']')
                {
                    pos++;
                    node.Length = pos - start;
                    return node;
                }

                if (c != ',')
                {
                    Fail("expected ',' or ']' after an array item, found " + DescribeAt(pos), pos, TokenLength(pos));
                    return null;
                }

                pos++;
                SkipWhitespace();
                if (failed)
                {
                    return null;
                }
            }
        }

        private JsonString? ReadString(string? context)
        {
            var start = pos;
            pos++;
            StringBuilder? builder = null;
            var runStart = pos;
            while (true)
            {
                if (pos >= text.Length)
                {
                    Fail("unterminated string; the file ends before its closing '\"'", start, text.Length - start);
                    return null;
                }

                var c = text[pos];
                if (c == '"')
                {
                    string value;
                    if (builder == null)
                    {
                        value = text.Substring(runStart, pos - runStart);
                    }
                    else
                    {
                        builder.Append(text, runStart, pos - runStart);
                        value = builder.ToString();
                    }

                    pos++;
                    return new JsonString(value, start, pos - start, Line(start), Column(start));
                }

                if (c == '\n' || c == '\r')
                {
                    Fail(
                        "unterminated string; a string must end with '\"' on the line it starts on (write a line break inside a string as \\n)",
                        start,
                        pos - start);
                    return null;
                }

                if (c < ' ')
                {
                    Fail(
                        "control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " inside a string"
                            + (context == null ? string.Empty : " (" + context + ")") + "; write it as an escape such as \\t or \\u"
                            + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                        pos,
                        1);
                    return null;
                }

                if (c != '\\')
                {
                    pos++;
                    continue;
                }

                builder ??= new StringBuilder();
                builder.Append(text, runStart, pos - runStart);
                var escapeStart = pos;
                pos++;
                if (pos >= text.Length)
                {
                    Fail("unterminated string; the file ends before its closing '\"'", start, text.Length - start);
                    return null;
                }

                var e = text[pos];
                switch (e)
                {
                    case '"':
                        builder.Append('"');
                        break;
                    case '\\':
                        builder.Append('\\');
                        break;
                    case '/':
                        builder.Append('/');
                        break;
                    case 'b':
                        builder.Append('\b');
                        break;
                    case 'f':
                        builder.Append('\f');
                        break;
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 'r':
                        builder.Append('\r');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case 'u':
                        var code = 0;
                        for (var i = 1; i <= 4; i++)
                        {
                            var digit = pos + i < text.Length ? HexValue(text[pos + i]) : -1;
                            if (digit < 0)
                            {
                                var end = pos + 1;
                                while (end < text.Length && end < pos + 5 && text[end] != '"' && text[end] >= ' ')
                                {
                                    end++;
                                }

                                Fail(
                                    "invalid escape '" + text.Substring(escapeStart, end - escapeStart) + "' in a string; \\u must be followed by exactly four hexadecimal digits, such as \\u00e9",
                                    escapeStart,
                                    end - escapeStart);
                                return null;
                            }

                            code = (code * 16) + digit;
                        }

                        builder.Append((char)code);
                        pos += 4;
                        break;
                    default:
                        Fail(
                            "invalid escape '\\" + (e < ' ' ? "U+" + ((int)e).ToString("X4", CultureInfo.InvariantCulture) : e.ToString()) + "' in a string; the escapes JSON allows are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                            escapeStart,
                            2);
                        return null;
                }

                pos++;
                runStart = pos;
            }
        }

        private JsonNode? ReadNumber()
        {
            var start = pos;
            var i = pos;
            var valid = true;
            var isInteger = true;
            if (text[i] == '-')
            {
                i++;
            }

            if (i < text.Length && text[i] == '0')
            {
                i++;
                if (i < text.Length && IsDigit(text[i]))
                {
                    valid = false; // leading zero
                }
            }
            else if (i < text.Length && IsDigit(text[i]))
            {
                while (i < text.Length && IsDigit(text[i]))
                {
                    i++;
                }
            }
            else
            {
                valid = false;
            }

            if (valid && i < text.Length && text[i] == '.')
            {
                isInteger = false;
                i++;
                if (i < text.Length && IsDigit(text[i]))
                {
                    while (i < text.Length && IsDigit(text[i]))
                    {
                        i++;
                    }
                }
                else
                {
                    valid = false;
                }
            }

            if (valid && i < text.Length && (text[i] == 'e' || text[i] == 'E'))
            {
                isInteger = false;
                i++;
                if (i < text.Length && (text[i] == '+' || text[i] == '-'))
                {
                    i++;
                }

                if (i < text.Length && IsDigit(text[i]))
                {
                    while (i < text.Length && IsDigit(text[i]))
                    {
                        i++;
                    }
                }
                else
                {
                    valid = false;
                }
            }

            // A number runs into letters or digits ("12px", "0123"): the whole run is one bad token.
            var end = i;
            if (!valid || (end < text.Length && IsWordChar(text[end])))
            {
                while (end < text.Length && (IsWordChar(text[end]) || text[end] == '.' || text[end] == '+' || text[end] == '-'))
                {
                    end++;
                }

                Fail(
                    "invalid number '" + Shorten(text.Substring(start, end - start)) + "'; JSON numbers are written like 404, -1, 0.5 or 1e3 (no leading zeros, no leading '+' or '.', no trailing '.')",
                    start,
                    end - start);
                return null;
            }

            pos = i;
            return new JsonNumber(text.Substring(start, i - start), isInteger, start, Line(start), Column(start));
        }

        private JsonNode? ReadLiteral(string? context)
        {
            var start = pos;
            var c = text[pos];
            if (!IsWordChar(c) && c != '+' && c != '.')
            {
                if (c == '/' && pos + 1 < text.Length && (text[pos + 1] == '/' || text[pos + 1] == '*'))
                {
                    FailComment();
                    return null;
                }

                Fail("expected " + (context == null ? ValueKinds : ValueKinds + " for " + context) + ", found " + DescribeAt(pos), pos, TokenLength(pos));
                return null;
            }

            var end = pos;
            while (end < text.Length && (IsWordChar(text[end]) || text[end] == '.' || text[end] == '+'))
            {
                end++;
            }

            var word = text.Substring(start, end - start);
            switch (word)
            {
                case "true":
                    pos = end;
                    return new JsonBoolean(true, start, Line(start), Column(start));
                case "false":
                    pos = end;
                    return new JsonBoolean(false, start, Line(start), Column(start));
                case "null":
                    pos = end;
                    return new JsonNull(start, Line(start), Column(start));
            }

            if (c == '+' || c == '.')
            {
                Fail(
                    "invalid number '" + Shorten(word) + "'; JSON numbers are written like 404, -1, 0.5 or 1e3 (no leading zeros, no leading '+' or '.', no trailing '.')",
                    start,
                    end - start);
                return null;
            }

            var lower = word.ToLowerInvariant();
            var hint = lower == "true" || lower == "false" || lower == "null"
                ? "; JSON literals are lowercase: write " + lower
                : "; if it is meant as text, put it in double quotes: \"" + Shorten(word) + "\"";
            Fail("unexpected '" + Shorten(word) + "' where " + (context == null ? ValueKinds : ValueKinds + " for " + context) + " was expected" + hint, start, end - start);
            return null;
        }

        private void SkipWhitespace()
        {
            while (pos < text.Length)
            {
                var c = text[pos];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                {
                    pos++;
                    continue;
                }

                if (c == '/' && pos + 1 < text.Length && (text[pos + 1] == '/' || text[pos + 1] == '*'))
                {
                    FailComment();
                }

                return;
            }
        }

        private void FailComment()
        {
            var length = 2;
            if (text[pos + 1] == '/')
            {
                while (pos + length < text.Length && text[pos + length] != '\n' && text[pos + length] != '\r')
                {
                    length++;
                }
            }
            else
            {
                var close = text.IndexOf("*/", pos + 2, StringComparison.Ordinal);
                length = close < 0 ? text.Length - pos : close + 2 - pos;
            }

            Fail(
                "comments are not allowed: " + wording.File + " is strict JSON, so remove the '" + text.Substring(pos, 2) + "' comment (" + wording.CommentHint + ")",
                pos,
                length);
        }

        private void Fail(string message, int start, int length)
        {
            if (failed)
            {
                return;
            }

            failed = true;
            errors.Add(positions.Error(message, start, length));
        }

        private int Line(int offset) => positions.GetLine(offset);

        private int Column(int offset) => positions.GetColumn(offset, positions.GetLine(offset));

        private string DescribeAt(int offset)
        {
            if (offset >= text.Length)
            {
                return "the end of the file";
            }

            var c = text[offset];
            if (c < ' ' || c == '\u007F' || c == '\u0085' || c == '\u00A0' || c == '\u2028' || c == '\u2029' || c == '\uFEFF')
            {
                return "character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            }

            var length = TokenLength(offset);
            return "'" + Shorten(text.Substring(offset, length)) + "'";
        }

        /// <summary>The length of the "word" at an offset (a run of letters and digits, else one character).</summary>
        private int TokenLength(int offset)
        {
            if (offset >= text.Length)
            {
                return 0;
            }

            var end = offset;
            while (end < text.Length && IsWordChar(text[end]))
            {
                end++;
            }

            if (end == offset)
            {
                end = char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length ? offset + 2 : offset + 1;
            }

            return end - offset;
        }

        private static string Shorten(string value) => value.Length <= 40 ? value : value.Substring(0, 37) + "...";

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsWordChar(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
