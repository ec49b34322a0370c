using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// The local data flow of the incoming header's value, within one method: where a value comes from (the header, through
    /// locals and string conversions; a value that went through <c>Replace</c>, <c>Substring</c> or a range by the scheme's
    /// length, <c>Split</c>, <c>AuthenticationHeaderValue.Parse</c>/<c>TryParse</c> or a regex is no longer the header, it is
    /// what the code took out of it), and whether a use is reached only after a check of the scheme
    /// (<c>if (!token.StartsWith("Bearer ")) return;</c>). It is asked only where a value is used as a key or parsed for a
    /// scheme; the walks of a method's body start only from a local that holds the header (or no value yet), so that only
    /// methods that read the header do this work, and no flow leaves the method.
    /// </summary>
    internal sealed partial class AuthorizationDiscovery
    {
        /// <summary>"Bearer " is 7 characters, "Bearer" 6: a <c>Substring</c> or a range from either skips the scheme.</summary>
        private const int SchemeLength = 7;

        /// <summary>How far a use is followed up through conversions and string calls before it is given up.</summary>
        private const int MaxClimb = 8;

        /// <summary>What a value holds of the incoming header.</summary>
        private enum HeaderFlow
        {
            /// <summary>Not the header (or not known to be it): a constant, a key taken out of the header, any other value.</summary>
            None,

            /// <summary>The whole header, used only after a check that it carries the Bearer scheme.</summary>
            SchemeHandled,

            /// <summary>The whole header, scheme and all, as it came in.</summary>
            Whole,
        }

        /// <summary>The whole incoming header value, handled or not (every use of the Bearer scheme is about this value).</summary>
        private bool IsWholeHeaderRead(IOperation? operation, int depth, CancellationToken cancellationToken)
        {
            return TraceHeader(operation, askHandled: false, depth, cancellationToken) != HeaderFlow.None;
        }

        /// <summary>The whole incoming header value, in a variable whose scheme the method neither checks nor strips.</summary>
        private bool IsUnhandledHeader(IOperation operation, CancellationToken cancellationToken)
        {
            return TraceHeader(operation, askHandled: true, 0, cancellationToken) == HeaderFlow.Whole;
        }

        /// <summary>
        /// Where <paramref name="operation"/>'s value comes from: <c>Request.Headers.Authorization</c>,
        /// <c>Request.Headers["Authorization"]</c>, <c>TryGetValue("Authorization", out …)</c>, a
        /// <c>[FromHeader(Name = "Authorization")]</c> parameter or a variable named for the header (<c>authorization</c>,
        /// <c>authHeader</c>), through conversions, <c>ToString()</c>, <c>FirstOrDefault()</c>, <c>[0]</c>, <c>Trim()</c>,
        /// case changes, <c>?.</c>, <c>??</c>, <c>Encoding.GetBytes</c> and locals (their initializer, or their assignments when
        /// they are declared without a value). With <paramref name="askHandled"/>, a variable of that value whose scheme the
        /// method handles makes it <see cref="HeaderFlow.SchemeHandled"/>.
        /// </summary>
        private HeaderFlow TraceHeader(IOperation? operation, bool askHandled, int depth, CancellationToken cancellationToken)
        {
            if (operation == null || depth > MaxDepth)
            {
                return HeaderFlow.None;
            }

            var op = Unwrap(operation);
            switch (op)
            {
                case IPropertyReferenceOperation property:
                    if (property.Property.IsIndexer)
                    {
                        if (property.Instance != null && IsHeaderDictionary(property.Instance.Type) && property.Arguments.Length == 1)
                        {
                            return IsHeaderName(property.Arguments[0].Value, header) ? HeaderFlow.Whole : HeaderFlow.None;
                        }

                        return property.Instance != null && IsStringValues(property.Instance.Type)
                            ? TraceHeader(property.Instance, askHandled, depth + 1, cancellationToken)
                            : HeaderFlow.None;
                    }

                    if (IsHeaderDictionaryProperty(property.Property) && NameMatches(property.Property.Name, header))
                    {
                        return HeaderFlow.Whole;
                    }

                    return IsHeaderVariableName(property.Property.Name)
                        && IsStringLike(property.Type)
                        && !SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, types.HeaderNames)
                        ? Named(property.Property, op, askHandled, cancellationToken)
                        : HeaderFlow.None;

                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (IsPassThrough(method))
                    {
                        return TraceHeader(Receiver(invocation), askHandled, depth + 1, cancellationToken);
                    }

                    if (IsEncodingGetBytes(invocation))
                    {
                        return TraceHeader(invocation.Arguments[0].Value, askHandled, depth + 1, cancellationToken);
                    }

                    return method.Name == "TryGetValue"
                        && invocation.Instance != null
                        && IsHeaderDictionary(invocation.Instance.Type)
                        && invocation.Arguments.Length == 2
                        && IsHeaderName(invocation.Arguments[0].Value, header)
                        ? HeaderFlow.Whole
                        : HeaderFlow.None;

                case ICoalesceOperation coalesce:
                    return TraceHeader(coalesce.Value, askHandled, depth + 1, cancellationToken);

                case IConditionalAccessOperation conditional:
                    // header?.Trim() is the header; header?.Replace("Bearer ", "") is not.
                    return TraceHeader(conditional.WhenNotNull, askHandled, depth + 1, cancellationToken);

                case IConditionalAccessInstanceOperation instance:
                    return TraceHeader(ConditionalReceiver(instance), askHandled, depth + 1, cancellationToken);

                case IParameterReferenceOperation parameter:
                    return IsStringLike(parameter.Type) && (IsHeaderVariableName(parameter.Parameter.Name) || HasFromHeaderAttribute(parameter.Parameter))
                        ? Named(parameter.Parameter, op, askHandled, cancellationToken)
                        : HeaderFlow.None;

                case IFieldReferenceOperation field:
                    return IsStringLike(field.Type)
                        && !field.Field.IsConst
                        && !SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, types.HeaderNames)
                        && IsHeaderVariableName(field.Field.Name)
                        ? Named(field.Field, op, askHandled, cancellationToken)
                        : HeaderFlow.None;

                case ILocalReferenceOperation local:
                    return LocalFlow(local, askHandled, depth, cancellationToken);

                default:
                    return HeaderFlow.None;
            }
        }

        /// <summary>
        /// A local: the value of its definition that reaches the use (its initializer, or the last assignment before the use:
        /// <c>key = key.Replace("Bearer ", "")</c> makes it the key), and whether the use is guarded by a check of the scheme.
        /// </summary>
        private HeaderFlow LocalFlow(ILocalReferenceOperation local, bool askHandled, int depth, CancellationToken cancellationToken)
        {
            if (!IsStringLike(local.Type))
            {
                return HeaderFlow.None;
            }

            if (IsHeaderVariableName(local.Local.Name))
            {
                return Named(local.Local, local, askHandled, cancellationToken);
            }

            var initializer = LocalUses.Initializer(local, cancellationToken);
            var flow = TraceHeader(initializer, askHandled, depth + 1, cancellationToken);

            // The assignments are looked for only when the initializer is the header (a later assignment may strip the scheme)
            // or no value (the header may be assigned later): only methods that read the header do this walk.
            if (flow != HeaderFlow.None || IsDeclaredWithoutValue(local, initializer, cancellationToken))
            {
                flow = ReachingFlow(local, initializer, flow, askHandled, depth, cancellationToken);
            }

            if (flow == HeaderFlow.Whole && askHandled && IsGuarded(local, local.Local, cancellationToken))
            {
                return HeaderFlow.SchemeHandled;
            }

            return flow;
        }

        /// <summary>The header held by a variable that is not a local (a parameter, a field): guarded by a check of the scheme or not.</summary>
        private HeaderFlow Named(ISymbol symbol, IOperation reference, bool askHandled, CancellationToken cancellationToken)
        {
            return askHandled && IsGuarded(reference, symbol, cancellationToken) ? HeaderFlow.SchemeHandled : HeaderFlow.Whole;
        }

        /// <summary>
        /// The flow of the local's definition that reaches <paramref name="use"/>: the last assignment (or <c>out</c> argument)
        /// written before the use in the method, else the initializer's <paramref name="initializerFlow"/>. The order is the
        /// text's: enough for the straight code that reads a header, and a loop at worst keeps the initializer's answer.
        /// </summary>
        private HeaderFlow ReachingFlow(ILocalReferenceOperation use, IOperation? initializer, HeaderFlow initializerFlow, bool askHandled, int depth, CancellationToken cancellationToken)
        {
            var position = use.Syntax.SpanStart;
            IOperation? reaching = null;
            foreach (var descendant in Root(use).Descendants())
            {
                IOperation? value = null;
                if (descendant is ISimpleAssignmentOperation assignment && RefersTo(assignment.Target, use.Local))
                {
                    value = assignment.Value;
                }
                else if (descendant is IArgumentOperation { Parameter.RefKind: RefKind.Out } argument
                    && RefersTo(argument.Value, use.Local)
                    && argument.Parent is IInvocationOperation call)
                {
                    value = call;
                }

                // Before the use, and not the assignment the use is part of (key = key.Trim()).
                if (value != null
                    && descendant.Syntax.SpanStart < position
                    && !descendant.Syntax.Span.Contains(use.Syntax.Span)
                    && (reaching == null || descendant.Syntax.SpanStart > reaching.Syntax.SpanStart))
                {
                    reaching = value;
                }
            }

            return reaching == null || reaching == initializer ? initializerFlow : TraceHeader(reaching, askHandled, depth + 1, cancellationToken);
        }

        /// <summary>
        /// A local declared (<c>string? key;</c>, <c>var key = string.Empty;</c>) without a value: no initializer, or <c>null</c>,
        /// <c>default</c> or an empty string. Pattern and <c>foreach</c> variables are not: they hold what they are given.
        /// </summary>
        private static bool IsDeclaredWithoutValue(ILocalReferenceOperation local, IOperation? initializer, CancellationToken cancellationToken)
        {
            if (initializer == null)
            {
                var references = local.Local.DeclaringSyntaxReferences;
                return references.Length == 1 && references[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: null };
            }

            var value = Unwrap(initializer);
            return (value.ConstantValue.HasValue && value.ConstantValue.Value == null) || value is IDefaultValueOperation || IsEmptyString(value);
        }

        /// <summary>
        /// True when <paramref name="use"/> is reached only after a check that <paramref name="symbol"/> starts with (or
        /// contains, or matches) the Bearer scheme: inside <c>if (token.StartsWith("Bearer "))</c>, after
        /// <c>if (!token.StartsWith("Bearer ")) return …;</c>, or right of <c>token.StartsWith("Bearer ") &amp;&amp;</c>. A check
        /// the use is reached without (<c>token.StartsWith("Bearer ") || token == key</c>) does not count.
        /// </summary>
        private bool IsGuarded(IOperation use, ISymbol symbol, CancellationToken cancellationToken)
        {
            var current = use;
            var parent = use.Parent;
            while (parent != null)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional:
                        if ((current == conditional.WhenTrue && ChecksScheme(conditional.Condition, symbol, true, cancellationToken))
                            || (current == conditional.WhenFalse && ChecksScheme(conditional.Condition, symbol, false, cancellationToken)))
                        {
                            return true;
                        }

                        break;

                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when current == both.RightOperand:
                        if (ChecksScheme(both.LeftOperand, symbol, true, cancellationToken))
                        {
                            return true;
                        }

                        break;

                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when current == either.RightOperand:
                        if (ChecksScheme(either.LeftOperand, symbol, false, cancellationToken))
                        {
                            return true;
                        }

                        break;

                    case IBlockOperation block:
                        foreach (var statement in block.Operations)
                        {
                            if (statement == current)
                            {
                                break;
                            }

                            if (statement is IConditionalOperation { WhenFalse: null } guard
                                && Exits(guard.WhenTrue)
                                && ChecksScheme(guard.Condition, symbol, false, cancellationToken))
                            {
                                return true;
                            }
                        }

                        break;
                }

                current = parent;
                parent = parent.Parent;
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="condition"/> being <paramref name="holds"/> means that <paramref name="symbol"/> carries the
        /// Bearer scheme: <c>token.StartsWith("Bearer ")</c> (or <c>Contains</c>, or <c>Regex.IsMatch(token, …)</c>) when it
        /// holds, its negation when it does not, either side of <c>&amp;&amp;</c> when it holds and of <c>||</c> when it does not.
        /// </summary>
        private bool ChecksScheme(IOperation condition, ISymbol symbol, bool holds, CancellationToken cancellationToken)
        {
            switch (Unwrap(condition))
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation:
                    return ChecksScheme(negation.Operand, symbol, !holds, cancellationToken);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when holds:
                    return ChecksScheme(both.LeftOperand, symbol, true, cancellationToken) || ChecksScheme(both.RightOperand, symbol, true, cancellationToken);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when !holds:
                    return ChecksScheme(either.LeftOperand, symbol, false, cancellationToken) || ChecksScheme(either.RightOperand, symbol, false, cancellationToken);

                case IInvocationOperation invocation when holds:
                    var method = invocation.TargetMethod;
                    if (IsStringMethod(method) && !method.IsStatic && (method.Name == "StartsWith" || method.Name == "Contains"))
                    {
                        return HandlesScheme(invocation, cancellationToken, out _) && RefersToValueOf(invocation.Instance, symbol);
                    }

                    if (IsRegexMethod(method) && method.Name == "IsMatch" && RegexMentionsBearer(invocation, cancellationToken) != false)
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Name == "input" && RefersToValueOf(argument.Value, symbol))
                            {
                                return true;
                            }
                        }
                    }

                    return false;

                default:
                    return false;
            }
        }

        /// <summary>A reference to <paramref name="symbol"/>, through the pass-through calls and <c>?.</c> (<c>token.ToString().Trim()</c>).</summary>
        private static bool RefersToValueOf(IOperation? operation, ISymbol symbol) =>
            ValueSymbol(operation) is ISymbol referenced && SymbolEqualityComparer.Default.Equals(referenced, symbol);

        /// <summary>The local, parameter, field or property whose value <paramref name="operation"/> carries through the pass-through calls and <c>?.</c>; null for any other value.</summary>
        private static ISymbol? ValueSymbol(IOperation? operation)
        {
            for (var i = 0; i < MaxClimb && operation != null; i++)
            {
                var op = Unwrap(operation);
                if (op is IInvocationOperation invocation && IsPassThrough(invocation.TargetMethod))
                {
                    operation = Receiver(invocation);
                }
                else if (op is IConditionalAccessInstanceOperation instance)
                {
                    operation = ConditionalReceiver(instance);
                }
                else
                {
                    return ReferencedSymbol(op);
                }
            }

            return null;
        }

        /// <summary>A branch that leaves: <c>return</c>, <c>throw</c>, <c>break</c>/<c>continue</c>, or a block that ends with one.</summary>
        private static bool Exits(IOperation operation)
        {
            var op = operation;
            while (op is IBlockOperation block)
            {
                if (block.Operations.Length == 0)
                {
                    return false;
                }

                op = block.Operations[block.Operations.Length - 1];
            }

            return op is IReturnOperation || op is IBranchOperation || op is IThrowOperation || op is IExpressionStatementOperation { Operation: IThrowOperation };
        }

        /// <summary>
        /// A string call on the header that checks or strips the Bearer scheme: <c>StartsWith</c>/<c>Contains</c>/<c>IndexOf</c>
        /// of a Bearer text, <c>Replace</c> of one, <c>Substring</c> by the scheme's length (<c>"Bearer ".Length</c>, 7, 6), or
        /// <c>Split</c> on a space. <paramref name="strips"/> is true for a call that strips the prefix and does nothing else
        /// (what the fix can drop). The caller has checked that the method is an instance method of string.
        /// </summary>
        private static bool HandlesScheme(IInvocationOperation invocation, CancellationToken cancellationToken, out bool strips)
        {
            strips = false;

            // The name first: most string calls (Trim, ToLowerInvariant, Equals, Format…) are none of these, and leave before
            // their arguments are put in parameter order.
            var name = invocation.TargetMethod.Name;
            if (!IsSchemeHandlingName(name))
            {
                return false;
            }

            var arguments = Ordered(invocation.Arguments);
            if (arguments.Length == 0)
            {
                return false;
            }

            var first = arguments[0].Value;
            switch (name)
            {
                case "StartsWith":
                case "Contains":
                case "IndexOf":
                    return IsBearer(LeadingText(first, out _, 0, cancellationToken));
                case "Replace":
                    if (arguments.Length < 2 || !IsBearer(LeadingText(first, out _, 0, cancellationToken)))
                    {
                        return false;
                    }

                    strips = arguments.Length == 2 && IsEmptyString(arguments[1].Value) && IsString(first.Type);
                    return true;
                case "Substring":
                    if (!IsSchemeLength(first, cancellationToken))
                    {
                        return false;
                    }

                    strips = arguments.Length == 1;
                    return true;
                case "Split":
                    return IsSpaceSeparator(first);
                default:
                    return false;
            }
        }

        private static bool IsSchemeHandlingName(string name)
        {
            switch (name)
            {
                case "StartsWith":
                case "Contains":
                case "IndexOf":
                case "Replace":
                case "Substring":
                case "Split":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary><c>"Bearer ".Length</c>, <c>Prefix.Length</c> of a Bearer constant, or the constant 7 or 6.</summary>
        private static bool IsSchemeLength(IOperation operation, CancellationToken cancellationToken)
        {
            var op = Unwrap(operation);
            if (op.ConstantValue.Value is int length)
            {
                return length == SchemeLength || length == BearerWord.Length;
            }

            return op is IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance }
                && IsString(instance.Type)
                && IsBearer(LeadingText(instance, out _, 0, cancellationToken));
        }

        /// <summary><c>[7..]</c> or <c>["Bearer ".Length..]</c>: from the end of the scheme to the end.</summary>
        private static bool IsSchemeLengthRange(IOperation argument, CancellationToken cancellationToken)
        {
            return Unwrap(argument) is IRangeOperation { LeftOperand: { } start, RightOperand: null } && IsSchemeLength(start, cancellationToken);
        }

        /// <summary>Calls whose result is the header's value again: <c>ToString()</c>, <c>FirstOrDefault()</c>, <c>Trim()</c>, case changes.</summary>
        private static bool IsPassThrough(IMethodSymbol method)
        {
            switch (method.Name)
            {
                case "ToString":
                case "First":
                case "FirstOrDefault":
                case "Single":
                case "SingleOrDefault":
                case "Last":
                case "LastOrDefault":
                case "Trim":
                case "TrimStart":
                case "TrimEnd":
                case "ToLower":
                case "ToLowerInvariant":
                case "ToUpper":
                case "ToUpperInvariant":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The receiver of a call, or the first argument of an extension method.</summary>
        private static IOperation? Receiver(IInvocationOperation invocation)
        {
            return invocation.Instance
                ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        }

        /// <summary><c>Encoding.UTF8.GetBytes(value)</c>: the same value as bytes (for a hash or a constant-time comparison).</summary>
        private bool IsEncodingGetBytes(IInvocationOperation invocation)
        {
            return invocation.TargetMethod.Name == "GetBytes"
                && invocation.Arguments.Length == 1
                && types.Encoding != null
                && ResponseDiscovery.DerivesFrom(invocation.TargetMethod.ContainingType, types.Encoding)
                && IsString(invocation.Arguments[0].Value.Type);
        }

        /// <summary>A method of <c>Regex</c>: the type's name first (a field), which leaves every other call before symbols are compared.</summary>
        private bool IsRegexMethod(IMethodSymbol method)
        {
            var type = method.ContainingType;
            return types.Regex != null && type != null && type.Name == "Regex" && SymbolEqualityComparer.Default.Equals(type, types.Regex);
        }

        /// <summary>
        /// Whether a regex call's pattern mentions Bearer: the <c>pattern</c> argument of a static call, or the pattern of the
        /// instance (<c>new Regex("…")</c>, a field or local initialised so, a <c>[GeneratedRegex("…")]</c> method); null when
        /// the pattern is not known.
        /// </summary>
        private bool? RegexMentionsBearer(IInvocationOperation call, CancellationToken cancellationToken)
        {
            string? pattern;
            if (call.TargetMethod.IsStatic)
            {
                pattern = null;
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Name == "pattern")
                    {
                        pattern = Unwrap(argument.Value).ConstantValue.Value as string;
                    }
                }
            }
            else
            {
                pattern = call.Instance == null ? null : RegexPattern(Unwrap(call.Instance), cancellationToken);
            }

            return pattern == null ? (bool?)null : Contains(pattern, BearerWord);
        }

        private string? RegexPattern(IOperation instance, CancellationToken cancellationToken)
        {
            switch (instance)
            {
                case IObjectCreationOperation creation when creation.Arguments.Length > 0:
                    return Unwrap(creation.Arguments[0].Value).ConstantValue.Value as string;
                case IInvocationOperation generated when types.GeneratedRegexAttribute != null:
                    foreach (var attribute in generated.TargetMethod.GetAttributes())
                    {
                        if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.GeneratedRegexAttribute)
                            && attribute.ConstructorArguments.Length > 0)
                        {
                            return attribute.ConstructorArguments[0].Value as string;
                        }
                    }

                    return null;
                case IFieldReferenceOperation field:
                    return InitializerPattern(field.Field, cancellationToken);
                case ILocalReferenceOperation local:
                    return InitializerPattern(local.Local, cancellationToken);
                default:
                    return null;
            }
        }

        /// <summary>The literal pattern of <c>new Regex("…")</c> in the declaration of a field or local (read from its syntax).</summary>
        private static string? InitializerPattern(ISymbol symbol, CancellationToken cancellationToken)
        {
            var references = symbol.DeclaringSyntaxReferences;
            if (references.Length != 1
                || !(references[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax creation })
                || creation.ArgumentList == null
                || creation.ArgumentList.Arguments.Count == 0
                || !(creation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal))
            {
                return null;
            }

            return literal.Token.Value as string;
        }

        /// <summary>
        /// <c>AuthenticationHeaderValue.Parse(header)</c> or <c>TryParse(header, out var value)</c> whose <c>Parameter</c> is read
        /// and whose <c>Scheme</c> is not: the code takes what follows a scheme (a comparison of the scheme is reported itself).
        /// </summary>
        private bool ReadsParameterWithoutScheme(IInvocationOperation parse, CancellationToken cancellationToken)
        {
            ISymbol? holder = null;
            if (parse.TargetMethod.Name == "Parse")
            {
                IOperation current = parse;
                while (current.Parent is IConversionOperation)
                {
                    current = current.Parent;
                }

                switch (current.Parent)
                {
                    case IPropertyReferenceOperation property when property.Instance == current:
                        return property.Property.Name == "Parameter";
                    case IConditionalAccessOperation conditional when conditional.Operation == current:
                        return ConditionalInstance(conditional.WhenNotNull)?.Parent is IPropertyReferenceOperation { Property.Name: "Parameter" };
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        holder = declarator.Symbol;
                        break;
                    default:
                        return false;
                }
            }
            else
            {
                foreach (var argument in parse.Arguments)
                {
                    if (argument.Parameter?.RefKind == RefKind.Out)
                    {
                        var value = Unwrap(argument.Value);
                        holder = ((value as IDeclarationExpressionOperation)?.Expression as ILocalReferenceOperation)?.Local
                            ?? (value as ILocalReferenceOperation)?.Local;
                    }
                }
            }

            if (holder == null)
            {
                return false;
            }

            var readsParameter = false;
            foreach (var descendant in Root(parse).Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (descendant is IPropertyReferenceOperation { Instance: { } instance } property
                    && types.IsAuthenticationHeaderValue(property.Property.ContainingType)
                    && RefersTo(instance is IConditionalAccessInstanceOperation access ? ConditionalReceiver(access) : instance, holder))
                {
                    if (property.Property.Name == "Scheme")
                    {
                        return false;
                    }

                    readsParameter |= property.Property.Name == "Parameter";
                }
            }

            return readsParameter;
        }

        // ---------------------------------------------------------------- operation trees

        /// <summary>The outermost operation of the member body that holds <paramref name="operation"/>: the flow stays in it.</summary>
        private static IOperation Root(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return root;
        }

        /// <summary>A reference (through conversions) to the local, parameter, field or property <paramref name="symbol"/>.</summary>
        private static bool RefersTo(IOperation? operation, ISymbol symbol) =>
            ReferencedSymbol(operation) is ISymbol referenced && SymbolEqualityComparer.Default.Equals(referenced, symbol);

        /// <summary>The local, parameter, field or (non-indexer) property <paramref name="operation"/> reads, or null.</summary>
        private static ISymbol? ReferencedSymbol(IOperation? operation) => operation == null
            ? null
            : Unwrap(operation) switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
                _ => null,
            };

        /// <summary>The value that the <c>?.</c> of <paramref name="instance"/> tests: <c>header</c> in <c>header?.Trim()</c>.</summary>
        private static IOperation? ConditionalReceiver(IConditionalAccessInstanceOperation instance)
        {
            IOperation previous = instance;
            var parent = instance.Parent;
            while (parent != null)
            {
                if (parent is IConditionalAccessOperation conditional && conditional.WhenNotNull == previous)
                {
                    return conditional.Operation;
                }

                previous = parent;
                parent = parent.Parent;
            }

            return null;
        }

        /// <summary>The <c>?.</c> placeholder inside <paramref name="whenNotNull"/>: where the tested value is used.</summary>
        private static IOperation? ConditionalInstance(IOperation whenNotNull)
        {
            var op = whenNotNull;
            for (var i = 0; i < MaxClimb && op != null; i++)
            {
                switch (op)
                {
                    case IConditionalAccessInstanceOperation instance:
                        return instance;
                    case IInvocationOperation invocation:
                        op = Receiver(invocation);
                        break;
                    case IPropertyReferenceOperation property:
                        op = property.Instance;
                        break;
                    case IConversionOperation conversion:
                        op = conversion.Operand;
                        break;
                    case IImplicitIndexerReferenceOperation range:
                        op = range.Instance;
                        break;
                    case IConditionalAccessOperation nested:
                        op = nested.Operation;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>A variable named for the header (<c>authorization</c>, <c>authHeader</c>): it holds the whole header value.</summary>
        private static bool IsHeaderVariableName(string name) => Contains(name, "authorization") || Contains(name, "authheader");

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
    }
}
