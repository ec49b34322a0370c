using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ErrorContract.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>What a piece of code does with the scheme of the Authorization header.</summary>
    internal enum AuthorizationSiteKind
    {
        /// <summary>Sends the key with the Bearer scheme (client side).</summary>
        SendsBearer,

        /// <summary>Parses the incoming header expecting the Bearer scheme (server side).</summary>
        ExpectsBearer,

        /// <summary>Announces the Bearer scheme in a <c>WWW-Authenticate</c> challenge.</summary>
        AnnouncesBearer,

        /// <summary>Sends the bare key, without the Bearer scheme.</summary>
        SendsBareKey,

        /// <summary>Reads the whole header value as the key, without checking for the scheme.</summary>
        ReadsWholeHeader,
    }

    /// <summary>The rewrite a code fix can apply to a site; <see cref="None"/> when no safe rewrite exists.</summary>
    internal enum AuthorizationFixKind
    {
        None,

        /// <summary><c>new AuthenticationHeaderValue("Bearer", key)</c> → <c>new AuthenticationHeaderValue(key)</c>.</summary>
        RemoveSchemeArgument,

        /// <summary><c>"Bearer " + key</c> or <c>$"Bearer {key}"</c> → <c>key</c>.</summary>
        RemovePrefix,

        /// <summary><c>header.Substring("Bearer ".Length)</c> or <c>header.Replace("Bearer ", "")</c> → <c>header</c>.</summary>
        RemoveParsing,

        /// <summary><c>new AuthenticationHeaderValue(key)</c> → <c>new AuthenticationHeaderValue("Bearer", key)</c>.</summary>
        AddSchemeArgument,

        /// <summary><c>key</c> → <c>$"Bearer {key}"</c>.</summary>
        AddPrefix,
    }

    /// <summary>One place where code sends, expects or announces an Authorization value.</summary>
    internal readonly struct AuthorizationSite
    {
        public AuthorizationSite(AuthorizationSiteKind kind, Location location, AuthorizationFixKind fix)
        {
            Kind = kind;
            Location = location;
            Fix = fix;
        }

        public AuthorizationSiteKind Kind { get; }

        /// <summary>The exact span of the offending operand; a fix rewrites the node at this span.</summary>
        public Location Location { get; }

        public AuthorizationFixKind Fix { get; }
    }

    /// <summary>
    /// Finds the places where code contradicts the contract's Bearer policy: where Bearer is forbidden,
    /// code that sends, expects or announces it; where it is required, code that sends the bare key or reads
    /// the whole header as the key. The scheme word is recognised in constants, concatenations and
    /// interpolations (through <see cref="IOperation.ConstantValue"/>), in any case.
    /// </summary>
    internal sealed class AuthorizationDiscovery
    {
        public const string BearerWord = "Bearer";

        private const string ChallengeHeader = "WWW-Authenticate";
        private const int MaxDepth = 4;

        private readonly AuthorizationTypes types;
        private readonly string header;
        private readonly BearerPolicy policy;
        private readonly bool headerIsAuthorization;

        public AuthorizationDiscovery(AuthorizationTypes types, AuthorizationContract authorization)
        {
            this.types = types;
            header = authorization.Header;
            policy = authorization.Bearer;
            headerIsAuthorization = string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase);
        }

        private bool Forbidden => policy == BearerPolicy.Forbidden;

        private bool Required => policy == BearerPolicy.Required;

        // ---------------------------------------------------------------- entry points

        public void FromObjectCreation(IObjectCreationOperation creation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            if (!headerIsAuthorization || creation.Constructor == null || !types.IsAuthenticationHeaderValue(creation.Type))
            {
                return;
            }

            var arguments = Ordered(creation.Arguments);
            if (arguments.Length == 0 || arguments.Length != creation.Constructor.Parameters.Length)
            {
                return;
            }

            var scheme = arguments[0].Value;
            var schemeText = LeadingText(scheme, out var schemeComplete, 0, cancellationToken);
            if (Forbidden && IsBearer(schemeText))
            {
                if (arguments.Length == 2)
                {
                    var fix = schemeComplete && IsExactlyBearer(schemeText) && HasExplicitArguments(creation, 2)
                        ? AuthorizationFixKind.RemoveSchemeArgument
                        : AuthorizationFixKind.None;
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsBearer, creation.Syntax.GetLocation(), fix));
                }
                else
                {
                    var kind = IsChallengeValue(creation) ? AuthorizationSiteKind.AnnouncesBearer : AuthorizationSiteKind.SendsBearer;
                    Add(ref sites, new AuthorizationSite(kind, creation.Syntax.GetLocation(), AuthorizationFixKind.None));
                }

                return;
            }

            if (Required && arguments.Length == 1 && !IsChallengeValue(creation) && LooksLikeBareKey(scheme, cancellationToken, allowSchemeNames: false))
            {
                var fix = HasExplicitArguments(creation, 1) && IsString(Unwrap(scheme).Type)
                    ? AuthorizationFixKind.AddSchemeArgument
                    : AuthorizationFixKind.None;
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsBareKey, creation.Syntax.GetLocation(), fix));
            }
        }

        public void FromInvocation(IInvocationOperation invocation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (method == null)
            {
                return;
            }

            // Every call of the project comes here: the method's name is read once, and each check below starts from it.
            var name = method.Name;
            if (IsHeaderWriteName(name))
            {
                FromHeaderWrite(invocation, ref sites, cancellationToken);
            }

            if (Forbidden)
            {
                if (name == "Parse" || name == "TryParse")
                {
                    FromHeaderValueParse(invocation, ref sites, cancellationToken);
                }

                if (IsStringMethod(method))
                {
                    FromStringParsing(invocation, ref sites, cancellationToken);
                    FromSchemeEquals(invocation, ref sites);
                }
            }

            if (Required)
            {
                FromKeyArguments(invocation, name, ref sites, cancellationToken);
            }
        }

        /// <summary>Adds a site, making the list on the first one: most operations have none, and allocate nothing.</summary>
        private static void Add(ref List<AuthorizationSite>? sites, AuthorizationSite site)
        {
            (sites ??= new List<AuthorizationSite>()).Add(site);
        }

        private static bool IsHeaderWriteName(string name)
        {
            switch (name)
            {
                case "Add":
                case "TryAdd":
                case "TryAddWithoutValidation":
                case "Append":
                case "Set":
                    return true;
                default:
                    return false;
            }
        }

        public void FromAssignment(ISimpleAssignmentOperation assignment, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // Only an indexer or a property named after the header (or the challenge header) writes one: other property
            // assignments (object initializers, options) leave before the receiver's type is examined.
            if (assignment.Target is IPropertyReferenceOperation property
                && (property.Property.IsIndexer || NameMatches(property.Property.Name, header) || NameMatches(property.Property.Name, ChallengeHeader))
                && IsHeaderCollection(property.Instance?.Type ?? property.Property.ContainingType))
            {
                if (property.Property.IsIndexer)
                {
                    if (property.Arguments.Length == 1)
                    {
                        CheckWrittenValue(property.Arguments[0].Value, assignment.Value, ref sites, cancellationToken);
                    }
                }
                else if (IsHeaderDictionaryProperty(property.Property))
                {
                    if (NameMatches(property.Property.Name, header))
                    {
                        CheckSentValue(assignment.Value, ref sites, cancellationToken);
                    }
                    else if (NameMatches(property.Property.Name, ChallengeHeader))
                    {
                        CheckChallengeValue(assignment.Value, ref sites, cancellationToken);
                    }
                }

                return;
            }

            if (Required && IsKeyName(TargetName(assignment.Target)) && IsWholeHeaderRead(assignment.Value, 0, cancellationToken))
            {
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsWholeHeader, Unwrap(assignment.Value).Syntax.GetLocation(), AuthorizationFixKind.None));
            }
        }

        public void FromVariableDeclarator(IVariableDeclaratorOperation declarator, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            var value = declarator.Initializer?.Value;
            if (Required
                && value != null
                && declarator.Symbol != null
                && IsKeyName(declarator.Symbol.Name)
                && IsWholeHeaderRead(value, 0, cancellationToken)
                && !ChecksScheme(declarator, declarator.Symbol))
            {
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsWholeHeader, Unwrap(value).Syntax.GetLocation(), AuthorizationFixKind.None));
            }
        }

        public void FromBinary(IBinaryOperation binary, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            if (binary.OperatorKind != BinaryOperatorKind.Equals && binary.OperatorKind != BinaryOperatorKind.NotEquals)
            {
                return;
            }

            if (binary.LeftOperand == null || binary.RightOperand == null)
            {
                return;
            }

            // A header value and a scheme are strings (or StringValues): comparisons of numbers, enums and objects, most
            // of a project's comparisons, leave before any local is traced back to its initializer.
            if (!IsStringLike(Unwrap(binary.LeftOperand).Type) && !IsStringLike(Unwrap(binary.RightOperand).Type))
            {
                return;
            }

            CheckComparison(binary, binary.LeftOperand, binary.RightOperand, ref sites, cancellationToken);
        }

        // ---------------------------------------------------------------- sending

        private void FromHeaderWrite(IInvocationOperation invocation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // The caller has checked the method's name (IsHeaderWriteName).
            var method = invocation.TargetMethod;
            var offset = method.IsExtensionMethod ? 1 : 0;

            // A header write passes a name and a value: a list's Add (one argument) leaves before its receiver's type is read.
            if (invocation.Arguments.Length != offset + 2)
            {
                return;
            }

            var receiver = invocation.Instance ?? (offset == 1 ? invocation.Arguments[0].Value : null);
            if (receiver == null || !IsHeaderCollection(Unwrap(receiver).Type))
            {
                return;
            }

            var arguments = Ordered(invocation.Arguments);
            if (arguments.IsEmpty)
            {
                return;
            }

            CheckWrittenValue(arguments[offset].Value, arguments[offset + 1].Value, ref sites, cancellationToken);
        }

        /// <summary><c>AuthenticationHeaderValue.Parse("Bearer " + key)</c>: builds a Bearer value to send.</summary>
        private void FromHeaderValueParse(IInvocationOperation invocation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // The caller has checked the method's name (Parse or TryParse).
            var method = invocation.TargetMethod;
            if (!headerIsAuthorization
                || !method.IsStatic
                || !types.IsAuthenticationHeaderValue(method.ContainingType))
            {
                return;
            }

            var arguments = Ordered(invocation.Arguments);
            if (arguments.Length == 0)
            {
                return;
            }

            var operand = Unwrap(arguments[0].Value);
            if (IsBearer(LeadingText(operand, out _, 0, cancellationToken)))
            {
                var fix = CanRemovePrefix(operand) ? AuthorizationFixKind.RemovePrefix : AuthorizationFixKind.None;
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsBearer, operand.Syntax.GetLocation(), fix));
            }
        }

        private void CheckWrittenValue(IOperation name, IOperation value, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            if (IsHeaderName(name, header))
            {
                CheckSentValue(value, ref sites, cancellationToken);
            }
            else if (IsHeaderName(name, ChallengeHeader))
            {
                CheckChallengeValue(value, ref sites, cancellationToken);
            }
        }

        private void CheckSentValue(IOperation value, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            var operand = Unwrap(value);
            if (!IsStringLike(operand.Type))
            {
                return;
            }

            if (Forbidden)
            {
                var text = LeadingText(operand, out _, 0, cancellationToken);
                if (IsBearer(text))
                {
                    var fix = CanRemovePrefix(operand) ? AuthorizationFixKind.RemovePrefix : AuthorizationFixKind.None;
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsBearer, operand.Syntax.GetLocation(), fix));
                }
            }
            else if (LooksLikeBareKey(operand, cancellationToken, allowSchemeNames: true))
            {
                var fix = IsString(operand.Type) && operand.Syntax is ExpressionSyntax ? AuthorizationFixKind.AddPrefix : AuthorizationFixKind.None;
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsBareKey, operand.Syntax.GetLocation(), fix));
            }
        }

        private void CheckChallengeValue(IOperation value, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            if (!Forbidden || !headerIsAuthorization)
            {
                return;
            }

            var operand = Unwrap(value);
            if (IsStringLike(operand.Type) && IsBearer(LeadingText(operand, out _, 0, cancellationToken)))
            {
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.AnnouncesBearer, operand.Syntax.GetLocation(), AuthorizationFixKind.None));
            }
        }

        /// <summary>
        /// Under a Bearer-required contract, a value that is the key alone: a non-constant value (<c>key</c>,
        /// <c>$"{key}"</c>), or one whose known start is a single token (<c>"ak_live_…"</c>). A value that starts
        /// with another scheme (<c>"Basic " + …</c>), an empty constant, or a variable that holds a whole header
        /// value (<c>authorization</c>, <c>authHeader</c>) is not a bare key.
        /// </summary>
        private bool LooksLikeBareKey(IOperation value, CancellationToken cancellationToken, bool allowSchemeNames)
        {
            var operand = Unwrap(value);
            var text = LeadingText(operand, out var complete, 0, cancellationToken);
            if (IsBearer(text))
            {
                return false;
            }

            if (text.Length == 0)
            {
                if (complete)
                {
                    return false;
                }

                var name = ReferencedName(operand);
                if (name != null
                    && (Contains(name, "authoriz") || Contains(name, "header") || Contains(name, "scheme") || Contains(name, "challenge")))
                {
                    return false;
                }

                return true;
            }

            if (complete && !allowSchemeNames)
            {
                // new AuthenticationHeaderValue("Negotiate"): a scheme name, not a key.
                return false;
            }

            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        // ---------------------------------------------------------------- expecting

        private void FromStringParsing(IInvocationOperation invocation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // The caller has checked that the method is one of string's.
            var method = invocation.TargetMethod;
            if (method.IsStatic || invocation.Instance == null)
            {
                return;
            }

            var arguments = Ordered(invocation.Arguments);
            if (arguments.Length == 0)
            {
                return;
            }

            var first = arguments[0].Value;
            var fix = AuthorizationFixKind.None;
            switch (method.Name)
            {
                case "StartsWith":
                case "Contains":
                case "IndexOf":
                    if (!IsBearer(LeadingText(first, out _, 0, cancellationToken)))
                    {
                        return;
                    }

                    break;
                case "Replace":
                    if (arguments.Length < 2 || !IsBearer(LeadingText(first, out _, 0, cancellationToken)))
                    {
                        return;
                    }

                    if (arguments.Length == 2 && IsEmptyString(arguments[1].Value) && IsString(first.Type))
                    {
                        fix = AuthorizationFixKind.RemoveParsing;
                    }

                    break;
                case "Substring":
                    if (!(Unwrap(first) is IPropertyReferenceOperation length)
                        || length.Property.Name != "Length"
                        || length.Instance == null
                        || !IsBearer(LeadingText(length.Instance, out _, 0, cancellationToken)))
                    {
                        return;
                    }

                    if (arguments.Length == 1)
                    {
                        fix = AuthorizationFixKind.RemoveParsing;
                    }

                    break;
                case "Split":
                    if (!IsSpaceSeparator(first))
                    {
                        return;
                    }

                    break;
                default:
                    return;
            }

            if (!IsWholeHeaderRead(invocation.Instance, 0, cancellationToken))
            {
                return;
            }

            if (fix == AuthorizationFixKind.RemoveParsing
                && !(invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax _ }))
            {
                fix = AuthorizationFixKind.None;
            }

            Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ExpectsBearer, invocation.Syntax.GetLocation(), fix));
        }

        /// <summary><c>value.Scheme.Equals("Bearer", …)</c> and <c>string.Equals(value.Scheme, "Bearer", …)</c>.</summary>
        private void FromSchemeEquals(IInvocationOperation invocation, ref List<AuthorizationSite>? sites)
        {
            // The caller has checked that the method is one of string's.
            var method = invocation.TargetMethod;
            if (method.Name != "Equals")
            {
                return;
            }

            var arguments = Ordered(invocation.Arguments);
            IOperation? left;
            IOperation? right;
            if (method.IsStatic)
            {
                if (arguments.Length < 2)
                {
                    return;
                }

                left = arguments[0].Value;
                right = arguments[1].Value;
            }
            else
            {
                if (arguments.Length < 1)
                {
                    return;
                }

                left = invocation.Instance;
                right = arguments[0].Value;
            }

            if (left != null && right != null && ((IsSchemeProperty(left) && IsExactlyBearerConstant(right)) || (IsSchemeProperty(right) && IsExactlyBearerConstant(left))))
            {
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ExpectsBearer, invocation.Syntax.GetLocation(), AuthorizationFixKind.None));
            }
        }

        private void CheckComparison(IOperation comparison, IOperation left, IOperation right, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            if (Forbidden)
            {
                if ((IsSchemeProperty(left) && IsExactlyBearerConstant(right)) || (IsSchemeProperty(right) && IsExactlyBearerConstant(left)))
                {
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ExpectsBearer, comparison.Syntax.GetLocation(), AuthorizationFixKind.None));
                    return;
                }

                if ((IsBearer(LeadingText(right, out _, 0, cancellationToken)) && IsWholeHeaderRead(left, 0, cancellationToken))
                    || (IsBearer(LeadingText(left, out _, 0, cancellationToken)) && IsWholeHeaderRead(right, 0, cancellationToken)))
                {
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ExpectsBearer, comparison.Syntax.GetLocation(), AuthorizationFixKind.None));
                }

                return;
            }

            CheckKeyComparison(left, right, ref sites, cancellationToken);
            CheckKeyComparison(right, left, ref sites, cancellationToken);
        }

        // ---------------------------------------------------------------- reading the whole header as the key

        private void CheckKeyComparison(IOperation headerSide, IOperation otherSide, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // The header side first: almost no comparison reads the whole header, and the other side's checks follow its
            // locals back to their initializers too.
            if (!IsWholeHeaderRead(headerSide, 0, cancellationToken))
            {
                return;
            }

            var other = Unwrap(otherSide);
            if (other.ConstantValue.HasValue || IsEmptyString(other) || other is IDefaultValueOperation || IsWholeHeaderRead(other, 0, cancellationToken))
            {
                return;
            }

            if (IsBearer(LeadingText(other, out _, 0, cancellationToken)) || IsFlaggedKeyLocal(headerSide))
            {
                return;
            }

            Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsWholeHeader, Unwrap(headerSide).Syntax.GetLocation(), AuthorizationFixKind.None));
        }

        /// <summary>A string written by the caller for a parameter named like a key (<c>apiKey</c>, <c>token</c>).</summary>
        private bool IsKeyArgument(IArgumentOperation argument, IMethodSymbol method)
        {
            // The parameter's name first: it rules out almost every argument without reading the argument's value.
            var parameter = argument.Parameter;
            return parameter != null
                && argument.ArgumentKind == ArgumentKind.Explicit
                && IsKeyName(parameter.Name)
                && !(method.IsExtensionMethod && parameter.Ordinal == 0)
                && IsStringLike(Unwrap(argument.Value).Type);
        }

        private static bool IsStringMethod(IMethodSymbol method) => method.ContainingType?.SpecialType == SpecialType.System_String;

        private void FromKeyArguments(IInvocationOperation invocation, string name, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (name == "Equals" && IsStringMethod(method))
            {
                var arguments = Ordered(invocation.Arguments);
                if (method.IsStatic && arguments.Length >= 2)
                {
                    CheckKeyComparison(arguments[0].Value, arguments[1].Value, ref sites, cancellationToken);
                    CheckKeyComparison(arguments[1].Value, arguments[0].Value, ref sites, cancellationToken);
                }
                else if (!method.IsStatic && invocation.Instance != null && arguments.Length >= 1)
                {
                    CheckKeyComparison(invocation.Instance, arguments[0].Value, ref sites, cancellationToken);
                    CheckKeyComparison(arguments[0].Value, invocation.Instance, ref sites, cancellationToken);
                }

                return;
            }

            // Cheap first: most calls pass no string to a parameter named like a key (a CancellationToken is not one; no
            // method of string itself has such a parameter).
            var hasKeyParameter = false;
            foreach (var argument in invocation.Arguments)
            {
                if (IsKeyArgument(argument, method))
                {
                    hasKeyParameter = true;
                    break;
                }
            }

            if (!hasKeyParameter)
            {
                return;
            }

            var receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            if (receiver != null && IsHeaderCollection(Unwrap(receiver).Type))
            {
                // headers.Append(key: "Authorization", …) names the header; it does not read it.
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (!IsKeyArgument(argument, method))
                {
                    continue;
                }

                if (!IsFlaggedKeyLocal(argument.Value) && IsWholeHeaderRead(argument.Value, 0, cancellationToken))
                {
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsWholeHeader, Unwrap(argument.Value).Syntax.GetLocation(), AuthorizationFixKind.None));
                }
            }
        }

        /// <summary>
        /// True when the body that declares <paramref name="local"/> checks or strips the scheme on it
        /// (<c>token.StartsWith("Bearer ")</c>, <c>token.Substring(…)</c>, <c>AuthenticationHeaderValue.Parse(token)</c>):
        /// the variable then holds the header, not the key, whatever its name.
        /// </summary>
        private static bool ChecksScheme(IOperation declaration, ILocalSymbol local)
        {
            var root = declaration;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var descendant in root.Descendants())
            {
                if (!(descendant is IInvocationOperation invocation))
                {
                    continue;
                }

                var method = invocation.TargetMethod;
                IOperation? subject;
                if (method.ContainingType?.SpecialType == SpecialType.System_String && !method.IsStatic)
                {
                    switch (method.Name)
                    {
                        case "StartsWith":
                        case "Substring":
                        case "Replace":
                        case "Split":
                        case "Remove":
                        case "IndexOf":
                            subject = invocation.Instance;
                            break;
                        default:
                            continue;
                    }
                }
                else if ((method.Name == "Parse" || method.Name == "TryParse") && method.ContainingType?.Name == "AuthenticationHeaderValue" && invocation.Arguments.Length > 0)
                {
                    subject = invocation.Arguments[0].Value;
                }
                else
                {
                    continue;
                }

                if (subject != null && Unwrap(subject) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A local named like a key is reported where it is declared, not again where it is used.</summary>
        private static bool IsFlaggedKeyLocal(IOperation operation)
        {
            return Unwrap(operation) is ILocalReferenceOperation local && IsKeyName(local.Local.Name);
        }

        /// <summary>
        /// True when <paramref name="operation"/> is the whole value of the incoming header: <c>Request.Headers.Authorization</c>,
        /// <c>Request.Headers["Authorization"]</c>, their <c>ToString()</c>/<c>FirstOrDefault()</c>/<c>[0]</c>, a
        /// <c>[FromHeader(Name = "Authorization")]</c> parameter, a local initialised from one of these, or a variable
        /// named for the header (<c>authorization</c>, <c>authHeader</c>).
        /// </summary>
        private bool IsWholeHeaderRead(IOperation? operation, int depth, CancellationToken cancellationToken)
        {
            if (operation == null || depth > MaxDepth)
            {
                return false;
            }

            var op = Unwrap(operation);
            switch (op)
            {
                case IPropertyReferenceOperation property:
                    if (property.Property.IsIndexer)
                    {
                        if (property.Instance != null && IsHeaderDictionary(property.Instance.Type) && property.Arguments.Length == 1)
                        {
                            return IsHeaderName(property.Arguments[0].Value, header);
                        }

                        if (property.Instance != null && IsStringValues(property.Instance.Type))
                        {
                            return IsWholeHeaderRead(property.Instance, depth + 1, cancellationToken);
                        }

                        return false;
                    }

                    if (IsHeaderDictionaryProperty(property.Property) && NameMatches(property.Property.Name, header))
                    {
                        return true;
                    }

                    return IsHeaderVariableName(property.Property.Name)
                        && IsStringLike(property.Type)
                        && !SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, types.HeaderNames);

                case IInvocationOperation invocation:
                    switch (invocation.TargetMethod.Name)
                    {
                        case "ToString":
                        case "First":
                        case "FirstOrDefault":
                        case "Single":
                        case "SingleOrDefault":
                        case "Last":
                        case "LastOrDefault":
                        case "Trim":
                            var receiver = invocation.Instance
                                ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                            return IsWholeHeaderRead(receiver, depth + 1, cancellationToken);
                        case "TryGetValue":
                            return invocation.Instance != null
                                && IsHeaderDictionary(invocation.Instance.Type)
                                && invocation.Arguments.Length == 2
                                && IsHeaderName(invocation.Arguments[0].Value, header);
                        default:
                            return false;
                    }

                case ICoalesceOperation coalesce:
                    return IsWholeHeaderRead(coalesce.Value, depth + 1, cancellationToken);

                case IConditionalAccessOperation conditional:
                    return IsWholeHeaderRead(conditional.Operation, depth + 1, cancellationToken);

                case IParameterReferenceOperation parameter:
                    return IsStringLike(parameter.Type) && (IsHeaderVariableName(parameter.Parameter.Name) || HasFromHeaderAttribute(parameter.Parameter));

                case IFieldReferenceOperation field:
                    return IsStringLike(field.Type)
                        && !field.Field.IsConst
                        && !SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, types.HeaderNames)
                        && IsHeaderVariableName(field.Field.Name);

                case ILocalReferenceOperation local:
                    if (!IsStringLike(local.Type))
                    {
                        return false;
                    }

                    if (IsHeaderVariableName(local.Local.Name))
                    {
                        return true;
                    }

                    return IsWholeHeaderRead(LocalInitializer(local, cancellationToken), depth + 1, cancellationToken);

                default:
                    return false;
            }
        }

        private bool HasFromHeaderAttribute(IParameterSymbol parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.Name != "FromHeaderAttribute")
                {
                    continue;
                }

                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "Name" && named.Value.Value is string name && string.Equals(name, header, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                if (attribute.NamedArguments.Length == 0 && string.Equals(parameter.Name, header, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        // ---------------------------------------------------------------- values

        /// <summary>
        /// The text a string value is known to start with: the whole constant for a constant, the constant
        /// left operands of a concatenation, the constant leading parts of an interpolation, the initializer
        /// of a local. <paramref name="complete"/> is true when the whole value is known.
        /// </summary>
        internal static string LeadingText(IOperation? operation, out bool complete, int depth, CancellationToken cancellationToken)
        {
            complete = false;
            if (operation == null || depth > MaxDepth)
            {
                return string.Empty;
            }

            var op = Unwrap(operation);
            if (op.ConstantValue.HasValue)
            {
                switch (op.ConstantValue.Value)
                {
                    case string s:
                        complete = true;
                        return s;
                    case char c:
                        complete = true;
                        return c.ToString();
                    case null:
                        complete = true;
                        return string.Empty;
                    default:
                        return string.Empty;
                }
            }

            switch (op)
            {
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add && IsString(binary.Type):
                    var left = LeadingText(binary.LeftOperand, out var leftComplete, depth + 1, cancellationToken);
                    if (!leftComplete)
                    {
                        return left;
                    }

                    return left + LeadingText(binary.RightOperand, out complete, depth + 1, cancellationToken);

                case IInterpolatedStringOperation interpolated:
                    var text = string.Empty;
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation literal && literal.Text?.ConstantValue.Value is string partText)
                        {
                            text += partText;
                        }
                        else if (part is IInterpolationOperation interpolation
                            && interpolation.Alignment == null
                            && interpolation.FormatString == null
                            && interpolation.Expression?.ConstantValue.Value is string constant)
                        {
                            text += constant;
                        }
                        else
                        {
                            return text;
                        }
                    }

                    complete = true;
                    return text;

                case ILocalReferenceOperation local:
                    return LeadingText(LocalInitializer(local, cancellationToken), out complete, depth + 1, cancellationToken);

                default:
                    return string.Empty;
            }
        }

        /// <summary>The initializer of a local declared once with one (<c>var header = …;</c>), or the call that declares it as an <c>out var</c>.</summary>
        private static IOperation? LocalInitializer(ILocalReferenceOperation reference, CancellationToken cancellationToken)
        {
            var model = reference.SemanticModel;
            var references = reference.Local.DeclaringSyntaxReferences;
            if (model == null || references.Length != 1 || references[0].SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            var syntax = references[0].GetSyntax(cancellationToken);
            if (syntax is VariableDeclaratorSyntax { Initializer: { } initializer })
            {
                return model.GetOperation(initializer.Value, cancellationToken);
            }

            if (syntax is SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } })
            {
                return model.GetOperation(call, cancellationToken);
            }

            return null;
        }

        /// <summary>Strips conversions (to <c>StringValues</c>, <c>object</c>, <c>string?</c>).</summary>
        internal static IOperation Unwrap(IOperation operation)
        {
            var op = operation;
            while (op is IConversionOperation conversion && conversion.Operand != null)
            {
                op = conversion.Operand;
            }

            return op;
        }

        /// <summary>"Bearer", or "Bearer" followed by whitespace, at the start of the text; any case.</summary>
        internal static bool IsBearer(string text)
        {
            if (!text.StartsWith(BearerWord, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return text.Length == BearerWord.Length || char.IsWhiteSpace(text[BearerWord.Length]);
        }

        /// <summary>Exactly "Bearer" (a scheme name), any case.</summary>
        internal static bool IsExactlyBearer(string text) => string.Equals(text, BearerWord, StringComparison.OrdinalIgnoreCase);

        /// <summary>"Bearer" followed by whitespace only: the prefix a fix can drop.</summary>
        internal static bool IsBearerPrefixOnly(string text)
        {
            return text.Length > BearerWord.Length && IsBearer(text) && text.Substring(BearerWord.Length).Trim().Length == 0;
        }

        private static bool IsExactlyBearerConstant(IOperation operation)
        {
            return Unwrap(operation).ConstantValue.Value is string s && (IsExactlyBearer(s) || IsBearerPrefixOnly(s));
        }

        /// <summary>The fix can drop the prefix: <c>"Bearer " + key</c> with a string key, or an interpolation that starts with <c>Bearer </c>.</summary>
        private static bool CanRemovePrefix(IOperation operand)
        {
            var op = operand;
            while (op is IBinaryOperation binary && binary.OperatorKind == BinaryOperatorKind.Add && IsString(binary.Type))
            {
                if (binary.LeftOperand.ConstantValue.Value is string left && IsBearerPrefixOnly(left))
                {
                    return binary.RightOperand is not IConversionOperation && IsString(binary.RightOperand.Type);
                }

                if (binary.LeftOperand.ConstantValue.HasValue)
                {
                    return false;
                }

                op = binary.LeftOperand;
            }

            if (operand is IInterpolatedStringOperation interpolated
                && interpolated.Parts.Length > 0
                && interpolated.Parts[0] is IInterpolatedStringTextOperation first
                && first.Syntax is InterpolatedStringTextSyntax textSyntax)
            {
                return BearerPrefixLength(textSyntax.TextToken.Text) > 0;
            }

            return false;
        }

        /// <summary>The length of "Bearer" plus the spaces after it at the start of raw source text; 0 when it does not start so.</summary>
        internal static int BearerPrefixLength(string sourceText)
        {
            if (!sourceText.StartsWith(BearerWord, StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            var end = BearerWord.Length;
            while (end < sourceText.Length && sourceText[end] == ' ')
            {
                end++;
            }

            return end == BearerWord.Length ? 0 : end;
        }

        private static bool IsEmptyString(IOperation operation)
        {
            var op = Unwrap(operation);
            if (op.ConstantValue.Value is string s)
            {
                return s.Length == 0;
            }

            // string.Empty, StringValues.Empty
            return op is IFieldReferenceOperation field
                && field.Field.Name == "Empty"
                && (field.Field.ContainingType?.SpecialType == SpecialType.System_String || field.Field.ContainingType?.Name == "StringValues");
        }

        private static bool IsSpaceSeparator(IOperation operation)
        {
            var op = Unwrap(operation);
            if (op is IArrayCreationOperation { Initializer: { } initializer } && initializer.ElementValues.Length > 0)
            {
                op = Unwrap(initializer.ElementValues[0]);
            }

            return op.ConstantValue.Value is char c ? c == ' ' : op.ConstantValue.Value is string s && s == " ";
        }

        private bool IsSchemeProperty(IOperation operation)
        {
            return Unwrap(operation) is IPropertyReferenceOperation property
                && property.Property.Name == "Scheme"
                && types.IsAuthenticationHeaderValue(property.Property.ContainingType);
        }

        private bool IsChallengeValue(IOperation creation)
        {
            // response.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Bearer"))
            var parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is IArgumentOperation { Parent: IInvocationOperation { Instance: IPropertyReferenceOperation target } }
                && NameMatches(target.Property.Name, ChallengeHeader);
        }

        private bool IsHeaderName(IOperation operation, string name)
        {
            var op = Unwrap(operation);
            if (op.ConstantValue.Value is string s)
            {
                return string.Equals(s, name, StringComparison.OrdinalIgnoreCase);
            }

            return op is IFieldReferenceOperation field
                && types.HeaderNames != null
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, types.HeaderNames)
                && NameMatches(field.Field.Name, name);
        }

        /// <summary><c>HeaderNames.WWWAuthenticate</c> and <c>IHeaderDictionary.WWWAuthenticate</c> name <c>WWW-Authenticate</c>.</summary>
        /// <summary>A member named after a header, dashes left out: <c>WWWAuthenticate</c> for <c>WWW-Authenticate</c>; any case.</summary>
        private static bool NameMatches(string memberName, string headerName)
        {
            var j = 0;
            foreach (var c in headerName)
            {
                if (c == '-')
                {
                    continue;
                }

                if (j >= memberName.Length || char.ToUpperInvariant(memberName[j]) != char.ToUpperInvariant(c))
                {
                    return false;
                }

                j++;
            }

            return j == memberName.Length;
        }

        private bool IsHeaderCollection(ITypeSymbol? type) => types.IsAnyHeaders(type);

        private bool IsHeaderDictionary(ITypeSymbol? type) => types.IsHeaderDictionary(type);

        private bool IsHeaderDictionaryProperty(IPropertySymbol property) => types.IsHeaderDictionary(property.ContainingType);

        private bool IsStringValues(ITypeSymbol? type) => types.StringValues != null && SymbolEqualityComparer.Default.Equals(type, types.StringValues);

        private bool IsStringLike(ITypeSymbol? type) => IsString(type) || IsStringValues(type);

        private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

        /// <summary>
        /// A name that contains "key" or "token", in any case (<c>apiKey</c>, <c>X_API_KEY</c>, <c>bearerToken</c>). Read for
        /// every argument of every call, so it compares ASCII letters by hand rather than through a culture-aware search.
        /// </summary>
        private static bool IsKeyName(string? name)
        {
            if (name == null)
            {
                return false;
            }

            for (var i = 0; i + 2 < name.Length; i++)
            {
                var c = name[i] | 0x20;
                if (c == 'k' && (name[i + 1] | 0x20) == 'e' && (name[i + 2] | 0x20) == 'y')
                {
                    return true;
                }

                if (c == 't' && i + 4 < name.Length && (name[i + 1] | 0x20) == 'o' && (name[i + 2] | 0x20) == 'k' && (name[i + 3] | 0x20) == 'e' && (name[i + 4] | 0x20) == 'n')
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsHeaderVariableName(string name) => Contains(name, "authorization") || Contains(name, "authheader");

        private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

        private static string? ReferencedName(IOperation operation)
        {
            return operation switch
            {
                ILocalReferenceOperation local => local.Local.Name,
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IPropertyReferenceOperation property => property.Property.Name,
                _ => null,
            };
        }

        private static string? TargetName(IOperation target) => ReferencedName(target);

        private static bool HasExplicitArguments(IObjectCreationOperation creation, int count)
        {
            var list = creation.Syntax switch
            {
                ObjectCreationExpressionSyntax explicitNew => explicitNew.ArgumentList,
                ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew.ArgumentList,
                _ => null,
            };

            return list != null && list.Arguments.Count == count;
        }

        /// <summary>
        /// The arguments in the order of their parameters (named arguments can come in any order); empty when one has no
        /// parameter. Arguments almost always come in order already, and then the array is returned as it is.
        /// </summary>
        private static ImmutableArray<IArgumentOperation> Ordered(ImmutableArray<IArgumentOperation> arguments)
        {
            var previous = -1;
            var inOrder = true;
            foreach (var argument in arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null)
                {
                    return ImmutableArray<IArgumentOperation>.Empty;
                }

                inOrder &= parameter.Ordinal > previous;
                previous = parameter.Ordinal;
            }

            if (inOrder)
            {
                return arguments;
            }

            var builder = arguments.ToBuilder();
            builder.Sort((a, b) => a.Parameter!.Ordinal.CompareTo(b.Parameter!.Ordinal));
            return builder.ToImmutable();
        }
    }
}
