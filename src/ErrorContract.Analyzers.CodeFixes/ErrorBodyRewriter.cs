using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes.Internals;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using ErrorContract.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.CodeFixes
{
    /// <summary>
    /// Rewrites the body of an error response to the contract's shape for its status: adds a body where there is
    /// none, turns a string or ProblemDetails into the contract's object (the text becomes the message), replaces a
    /// wrong error code, adds missing fields and removes disallowed ones. Every edit of a document is planned on the
    /// same tree, so Fix All applies them in one pass.
    /// </summary>
    internal static class ErrorBodyRewriter
    {
        public static async Task<bool> CanFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var context = await FixContext.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var contract = context?.Contract;
            return context != null && contract != null && Plan(context, contract, diagnostic, NewEdits());
        }

        public static async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var context = await FixContext.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var contract = context?.Contract;
            if (context == null || contract == null)
            {
                return null;
            }

            var edits = NewEdits();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var attempt = NewEdits();
                if (Plan(context, contract, diagnostic, attempt))
                {
                    edits.AddAll(attempt);
                }
            }

            return edits.IsEmpty ? null : document.WithSyntaxRoot(edits.Apply(context.Root));
        }

        /// <summary>The body fixes lay out what they write themselves: only inserted statements are formatted.</summary>
        private static DocumentEdits NewEdits() => new DocumentEdits(formatReplacements: false);

        private static bool Plan(FixContext context, ErrorContractModel contract, Diagnostic diagnostic, DocumentEdits edits)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!DiagnosticPropertyReader.TryGetInt(diagnostic, DiagnosticProperties.Status, out var status) || span.End > context.Root.FullSpan.End)
            {
                return false;
            }

            var site = Rediscover(context, span, status);
            var body = site?.BodyDescription;
            if (site == null || body == null)
            {
                return false;
            }

            if (body.JsonText || (body.SerializedBy != null && body.Value is ILocalReferenceOperation))
            {
                // JSON text in a string literal: rewriting the text is not what the developer would do, and replacing the
                // literal by an object would not compile where only text is taken. JSON kept in a local is made elsewhere.
                return false;
            }

            if (body.Kind == ResponseBodyKind.NotAnObject && context.Types.IsTask(body.Value?.Type))
            {
                // A task sent without await: the fix would drop the call; adding the await is the developer's call (the
                // method may not be async), so no fix rather than a wrong one.
                return false;
            }

            if (body.Kind != ResponseBodyKind.Object
                && FactoryCalls.ReplaceableResult(site) is ExpressionSyntax result
                && FactoryCalls.TryCreate(context, result, status, FactoryCalls.MessageOf(body)) is ExpressionSyntax factoryCall)
            {
                // The project has the generated error factories: the whole result becomes the factory's (ApiErrors.NotFound("…")).
                edits.Replace(result, factoryCall);
                return true;
            }

            if (body.Kind != ResponseBodyKind.Object
                && site.Node is InvocationExpressionSyntax write
                && FactoryCalls.TryCreateWrite(context, site, status, FactoryCalls.MessageOf(body)) is ExpressionSyntax factoryWrite)
            {
                // Middleware: the write after Response.StatusCode = … becomes the factory's (ApiErrors.NotFound("…").WriteAsync(Response)).
                edits.Replace(write, factoryWrite);
                return true;
            }

            var expected = ErrorBodyExpectation.For(contract, status);
            if (expected.Shape.IsProblemDetails && body.Kind != ResponseBodyKind.Object)
            {
                // A problem is fixed in place; an object written by hand is fixed as under any contract (below).
                return ProblemDetailsRewriter.Plan(edits, body, expected);
            }

            if (expected.Shape.CodeField != null && (site.StatusSyntax?.Parent is ConditionalExpressionSyntax || site.StatusSyntax?.Parent is SwitchExpressionArmSyntax))
            {
                // One body for several statuses, each with its own error code: no single rewrite is right.
                return false;
            }

            // A serialized body is rewritten inside the serializer call (its value), where the names are written as declared
            // unless the options say camelCase.
            var builder = new BodyBuilder(context, expected, site.Node.SpanStart, body.DeclaredNames);
            if (expected.Nested != null)
            {
                return PlanNested(edits, context, site, body, builder);
            }

            switch (body.Kind)
            {
                case ResponseBodyKind.None:
                    return body.Value != null
                        ? ReplaceBodyValue(edits, context, site, body.Value, builder.Build(null, null))
                        : AddBody(edits, context, site, builder.Build(null, null));

                case ResponseBodyKind.NotAnObject:
                case ResponseBodyKind.ProblemDetails:
                {
                    var message = body.Message?.Syntax as ExpressionSyntax;
                    if (body.Message != null && body.Message.Type?.SpecialType != SpecialType.System_String)
                    {
                        message = null;
                    }

                    var newBody = builder.Build(null, message?.WithoutTrivia(), ValidationListBuilder.Build(context, site, body, expected));
                    if (body.Writer != null && body.Writer.TargetMethod.Name == "WriteAsync" && body.SerializedBy == null)
                    {
                        return RewriteTextWriter(edits, body.Writer, newBody);
                    }

                    return body.Value != null
                        ? ReplaceBodyValue(edits, context, site, body.Value, newBody)
                        : AddBody(edits, context, site, newBody);
                }

                case ResponseBodyKind.Object:
                    return BodyTypeMayChange(context, site, body.Value) == true && FixObject(edits, builder, body, expected);

                default:
                    return false;
            }
        }

        // ---- the body language (nested objects, codes of any type, constants) ----

        /// <summary>
        /// The fix under a contract that uses the body language: a missing or text body becomes the nested object the contract
        /// documents; an anonymous object is edited at every level; any other object (a project type) gets no fix, since
        /// rebuilding it would be a guess.
        /// </summary>
        private static bool PlanNested(DocumentEdits edits, FixContext context, ResponseSite site, ResponseBody body, BodyBuilder builder)
        {
            if (body.DeclaredNames)
            {
                // Serialized without a naming policy: nested names as written may not be the JSON names.
                return false;
            }

            switch (body.Kind)
            {
                case ResponseBodyKind.None:
                    return body.Value != null
                        ? ReplaceBodyValue(edits, context, site, body.Value, builder.BuildNested(null))
                        : AddBody(edits, context, site, builder.BuildNested(null));

                case ResponseBodyKind.NotAnObject:
                case ResponseBodyKind.ProblemDetails:
                {
                    var message = body.Message?.Syntax as ExpressionSyntax;
                    if (body.Message != null && body.Message.Type?.SpecialType != SpecialType.System_String)
                    {
                        message = null;
                    }

                    var newBody = builder.BuildNested(message?.WithoutTrivia());
                    if (body.Writer != null && body.Writer.TargetMethod.Name == "WriteAsync" && body.SerializedBy == null)
                    {
                        return RewriteTextWriter(edits, body.Writer, newBody);
                    }

                    return body.Value != null
                        ? ReplaceBodyValue(edits, context, site, body.Value, newBody)
                        : AddBody(edits, context, site, newBody);
                }

                case ResponseBodyKind.Object:
                {
                    if (BodyTypeMayChange(context, site, body.Value) != true
                        || !(body.Value is IAnonymousObjectCreationOperation anonymous)
                        || !(anonymous.Syntax is AnonymousObjectCreationExpressionSyntax syntax))
                    {
                        return false;
                    }

                    var rewritten = builder.EditNested(syntax, body);
                    if (rewritten == null)
                    {
                        return false;
                    }

                    edits.Replace(syntax, rewritten);
                    return true;
                }

                default:
                    return false;
            }
        }

        // ---- an object of the wrong shape ----

        private static bool FixObject(DocumentEdits edits, BodyBuilder builder, ResponseBody body, ErrorBodyExpectation expected)
        {
            if (body.Value == null)
            {
                return false;
            }

            var hasShapeIssue = false;
            foreach (var required in expected.RequiredFields)
            {
                hasShapeIssue |= body.Find(required) == null;
            }

            foreach (var member in body.Members)
            {
                hasShapeIssue |= !expected.IsAllowed(member.JsonName);
                if (expected.IsAllowed(member.JsonName) && expected.Field(member.JsonName)?.Type is BodyFieldType documented && member.JsonType is BodyFieldType actual)
                {
                    hasShapeIssue |= !ErrorBodyRules.IsCompatible(actual, documented);
                }
            }

            var fixedItems = FixValidationItems(edits, builder, body, expected);
            if (!hasShapeIssue)
            {
                // Only the code (or the validation items) is wrong: replace the code value where it is written.
                var wrongCode = WrongCodeMember(body, expected);
                if (wrongCode?.Value?.Syntax is ExpressionSyntax codeSyntax)
                {
                    edits.Replace(codeSyntax, SyntaxHelpers.StringLiteral(expected.ErrorCode!).WithTriviaFrom(codeSyntax));
                    return true;
                }

                return fixedItems;
            }

            // Every kept value must be visible in the source to be carried over.
            foreach (var member in body.Members)
            {
                if (member.Value == null && (expected.IsAllowed(member.JsonName) || builder.IsMessageCandidate(member)))
                {
                    return false;
                }
            }

            if (body.Value is IAnonymousObjectCreationOperation anonymous
                && anonymous.Syntax is AnonymousObjectCreationExpressionSyntax anonymousSyntax
                && !builder.HasProjectErrorType(body))
            {
                var rewritten = builder.EditAnonymous(anonymousSyntax, body);
                if (rewritten == null)
                {
                    return false;
                }

                edits.Replace(anonymousSyntax, rewritten);
                return true;
            }

            return ReplaceBody(edits, body.Value.Syntax, builder.Build(body, null));
        }

        private static BodyMember? WrongCodeMember(ResponseBody body, ErrorBodyExpectation expected)
        {
            var codeField = expected.Shape.CodeField;
            if (codeField == null || expected.ErrorCode == null)
            {
                return null;
            }

            var member = body.Find(codeField);
            var code = member?.ConstantString;
            return code != null && !expected.ErrorCodes.Contains(code) ? member : null;
        }

        /// <summary>Adds the missing item fields to each anonymous validation item (<c>new { field, message }</c> gets <c>code</c>).</summary>
        private static bool FixValidationItems(DocumentEdits edits, BodyBuilder builder, ResponseBody body, ErrorBodyExpectation expected)
        {
            var validation = expected.Shape.Validation;
            if (validation == null || !expected.AllowsValidation)
            {
                return false;
            }

            var items = body.Find(validation.Field)?.Items;
            if (items == null)
            {
                return false;
            }

            var any = false;
            foreach (var item in items.Value)
            {
                if (item.Kind == ResponseBodyKind.Object && item.Value?.Syntax is AnonymousObjectCreationExpressionSyntax itemSyntax)
                {
                    var rewritten = builder.CompleteItem(itemSyntax, item, expected.ValidationItemFields);
                    if (rewritten != null)
                    {
                        edits.Replace(itemSyntax, rewritten);
                        any = true;
                    }
                }
            }

            return any;
        }

        // ---- where the body goes ----

        /// <summary>Replaces the body operand, or the whole call when the operand's parameter only takes text.</summary>
        private static bool ReplaceBodyValue(DocumentEdits edits, FixContext context, ResponseSite site, IOperation value, ExpressionSyntax? newBody)
        {
            switch (BodyTypeMayChange(context, site, value))
            {
                case true:
                    return ReplaceBody(edits, value.Syntax, newBody);
                case null when site.Operation is IInvocationOperation && site.ReportsStatus:
                    // Results.Content("…", statusCode: 400): the text parameter cannot take an object; write the call anew.
                    return AddBody(edits, context, site, newBody);
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when the body operand may be replaced by an object of another type; null when its parameter only
        /// takes text (the call must be rewritten); false when a declared type would break (<c>TypedResults</c> in a
        /// <c>Results&lt;…&gt;</c> union, an explicit type argument).
        /// </summary>
        private static bool? BodyTypeMayChange(FixContext context, ResponseSite site, IOperation? value)
        {
            if (value == null)
            {
                return true;
            }

            var owner = value.Parent;
            while (owner != null && !(owner is IArgumentOperation) && !(owner is IInvocationOperation) && !(owner is IObjectCreationOperation) && !(owner is IAssignmentOperation))
            {
                owner = owner.Parent;
            }

            if (owner is IAssignmentOperation assigned && assigned.Target.Type?.SpecialType == SpecialType.System_String)
            {
                // new ContentResult { Content = "…" }: the property only takes text.
                return null;
            }

            if (owner is IArgumentOperation argument)
            {
                // The declared parameter: JsonSerializer.Serialize<TValue>(TValue value) takes any value, even where it is a string.
                if (argument.Parameter?.OriginalDefinition.Type.SpecialType == SpecialType.System_String)
                {
                    return null;
                }

                if (argument.Parent is IInvocationOperation invocation && invocation.Syntax is InvocationExpressionSyntax syntax)
                {
                    if (SyntaxHelpers.GetNameOutsideConditionalAccess(syntax.Expression) is GenericNameSyntax)
                    {
                        return false;
                    }

                    if (site.Api == ResponseApi.TypedResults && invocation == site.Operation && !TypedResultMayChangeType(context, syntax))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static bool ReplaceBody(DocumentEdits edits, SyntaxNode original, ExpressionSyntax? newBody)
        {
            if (newBody == null || !(original is ExpressionSyntax))
            {
                return false;
            }

            edits.Replace(original, newBody.WithTriviaFrom(original));
            return true;
        }

        /// <summary><c>Response.WriteAsync("text")</c> → <c>Response.WriteAsJsonAsync(new { … })</c>.</summary>
        private static bool RewriteTextWriter(DocumentEdits edits, IInvocationOperation writer, ExpressionSyntax? newBody)
        {
            if (newBody == null || !(writer.Syntax is InvocationExpressionSyntax syntax) || !(syntax.Expression is MemberAccessExpressionSyntax access))
            {
                return false;
            }

            var arguments = syntax.ArgumentList.Arguments;
            var textIndex = -1;
            for (var i = 0; i < writer.Arguments.Length; i++)
            {
                if (writer.Arguments[i].Parameter?.Name == "text" && writer.Arguments[i].Syntax is ArgumentSyntax argument)
                {
                    textIndex = arguments.IndexOf(argument);
                }
            }

            if (textIndex < 0 || arguments.Count > 2)
            {
                return false;
            }

            var newArguments = arguments.Replace(arguments[textIndex], arguments[textIndex].WithNameColon(null).WithExpression(newBody.WithTriviaFrom(arguments[textIndex].Expression)));
            var rewritten = syntax
                .WithExpression(access.WithName(SyntaxHelpers.ReplacementName("WriteAsJsonAsync", access.Name)))
                .WithArgumentList(syntax.ArgumentList.WithArguments(newArguments));
            edits.Replace(syntax, rewritten);
            return true;
        }

        /// <summary>A site without a body gets one: <c>NotFound()</c> → <c>NotFound(new { … })</c>, <c>Forbid()</c> → <c>StatusCode(403, new { … })</c>.</summary>
        private static bool AddBody(DocumentEdits edits, FixContext context, ResponseSite site, ExpressionSyntax? newBody)
        {
            if (newBody == null)
            {
                return false;
            }

            switch (site.Operation)
            {
                case IInvocationOperation invocation when invocation.Syntax is InvocationExpressionSyntax syntax:
                    return AddBodyToCall(edits, context, site, invocation, syntax, newBody);
                case IObjectCreationOperation creation when creation.Syntax is ObjectCreationExpressionSyntax syntax && syntax.Initializer == null:
                    return AddBodyToResultType(edits, site, syntax, newBody);
                case ISimpleAssignmentOperation assignment when site.Api == ResponseApi.HttpResponse:
                    return AddWriteAfterAssignment(edits, assignment, newBody);
                default:
                    return false;
            }
        }

        private static bool AddBodyToCall(DocumentEdits edits, FixContext context, ResponseSite site, IInvocationOperation invocation, InvocationExpressionSyntax syntax, ExpressionSyntax newBody)
        {
            var name = SyntaxHelpers.GetNameOutsideConditionalAccess(syntax.Expression);
            if (name == null || name is GenericNameSyntax)
            {
                return false;
            }

            var status = StatusExpression(site, invocation);
            if (status == null)
            {
                return false;
            }

            string method;
            var arguments = new List<ArgumentSyntax>();
            switch (site.Api)
            {
                case ResponseApi.ControllerBase:
                    if (StatusTables.ControllerHelperByStatus.TryGetValue(site.Status, out var helper) && site.Status >= 400)
                    {
                        method = helper;
                        arguments.Add(SyntaxFactory.Argument(newBody));
                    }
                    else
                    {
                        method = "StatusCode";
                        arguments.Add(SyntaxFactory.Argument(status));
                        arguments.Add(SyntaxFactory.Argument(newBody));
                    }

                    break;
                case ResponseApi.Results:
                case ResponseApi.TypedResults:
                    if (site.Api == ResponseApi.TypedResults && invocation == site.Operation && !TypedResultMayChangeType(context, syntax))
                    {
                        return false;
                    }

                    if (StatusTables.ResultFactoryByStatus.TryGetValue(site.Status, out var factory) && site.Status >= 400)
                    {
                        method = factory;
                        arguments.Add(SyntaxFactory.Argument(newBody));
                    }
                    else
                    {
                        method = "Json";
                        arguments.Add(SyntaxFactory.Argument(newBody));
                        arguments.Add(SyntaxFactory.Argument(status).WithNameColon(SyntaxFactory.NameColon("statusCode")));
                    }

                    break;
                default:
                    return false;
            }

            var expression = syntax.Expression.ReplaceNode(name, SyntaxHelpers.ReplacementName(method, name));
            var argumentList = syntax.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments));
            edits.Replace(syntax, syntax.WithExpression(expression).WithArgumentList(argumentList));
            return true;
        }

        /// <summary>The status as written (<c>StatusCodes.Status403Forbidden</c> stays), or a literal; null when one branch of a conditional.</summary>
        private static ExpressionSyntax? StatusExpression(ResponseSite site, IOperation operation)
        {
            if (site.StatusSyntax == null)
            {
                return SyntaxHelpers.IntLiteral(site.Status);
            }

            var arguments = operation is IInvocationOperation invocation ? invocation.Arguments
                : operation is IObjectCreationOperation creation ? creation.Arguments
                : ImmutableArray<IArgumentOperation>.Empty;
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == "statusCode" && argument.Value.Syntax == site.StatusSyntax && site.StatusSyntax is ExpressionSyntax expression)
                {
                    return expression.WithoutTrivia();
                }
            }

            return null;
        }

        /// <summary>A <c>TypedResults</c> call may return another type only where nothing declares the type it returns.</summary>
        private static bool TypedResultMayChangeType(FixContext context, InvocationExpressionSyntax syntax)
        {
            var info = context.Model.GetTypeInfo(syntax);
            if (!SymbolEqualityComparer.Default.Equals(info.Type, info.ConvertedType))
            {
                var converted = info.ConvertedType;
                return converted != null && (converted.SpecialType == SpecialType.System_Object || SymbolEqualityComparer.Default.Equals(converted, context.IResult));
            }

            var function = SyntaxHelpers.EnclosingFunction(syntax);
            return function is SimpleLambdaExpressionSyntax
                || (function is ParenthesizedLambdaExpressionSyntax lambda && lambda.ReturnType == null)
                || function is AnonymousMethodExpressionSyntax;
        }

        /// <summary><c>new NotFoundResult()</c> → <c>new NotFoundObjectResult(body)</c>; <c>new StatusCodeResult(403)</c> → <c>new ObjectResult(body) { StatusCode = 403 }</c>.</summary>
        private static bool AddBodyToResultType(DocumentEdits edits, ResponseSite site, ObjectCreationExpressionSyntax syntax, ExpressionSyntax newBody)
        {
            var typeName = ResponseDiscovery.RightMost(syntax.Type) as SimpleNameSyntax;
            if (typeName == null || typeName is GenericNameSyntax || site.Api != ResponseApi.MvcResultType)
            {
                return false;
            }

            var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(newBody)));
            if (site.Kind == ResponseSiteKind.ResultType && StatusTables.MvcResultTypeByStatus.TryGetValue(site.Status, out var names))
            {
                var withBody = syntax.ReplaceNode(typeName, SyntaxHelpers.ReplacementName(names.WithBody, typeName));
                edits.Replace(syntax, withBody.WithArgumentList(arguments));
                return true;
            }

            var status = StatusExpression(site, site.Operation!);
            if (status == null)
            {
                return false;
            }

            var objectResult = syntax.ReplaceNode(typeName, SyntaxHelpers.ReplacementName("ObjectResult", typeName));
            var initializer = SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(
                    SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("StatusCode"), status)));
            var rewritten = objectResult.WithArgumentList(arguments).WithInitializer(initializer).WithTriviaFrom(syntax);
            edits.Replace(syntax, rewritten.WithAdditionalAnnotations(Formatter.Annotation));
            return true;
        }

        /// <summary><c>Response.StatusCode = 401;</c> → the same, then <c>await Response.WriteAsJsonAsync(body);</c> (async functions only).</summary>
        private static bool AddWriteAfterAssignment(DocumentEdits edits, ISimpleAssignmentOperation assignment, ExpressionSyntax newBody)
        {
            if (!(assignment.Syntax.Parent is ExpressionStatementSyntax statement)
                || !(statement.Parent is BlockSyntax)
                || !(assignment.Target is IPropertyReferenceOperation property)
                || !(property.Instance?.Syntax is ExpressionSyntax response))
            {
                return false;
            }

            var function = SyntaxHelpers.EnclosingFunction(statement);
            var isAsync = function switch
            {
                AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
                MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
                LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
                _ => false,
            };
            if (!isAsync)
            {
                return false;
            }

            var write = SyntaxFactory.ExpressionStatement(
                SyntaxFactory.AwaitExpression(
                    SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, response.WithoutTrivia(), SyntaxFactory.IdentifierName("WriteAsJsonAsync")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(newBody))))))
                .WithLeadingTrivia(statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                .WithTrailingTrivia(statement.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));
            edits.InsertAfter(statement, write);
            return true;
        }

        // ---- finding the site again ----

        /// <summary>
        /// The site of an EC0002 diagnostic: the squiggle is on the body operand (or on the site itself when it passes none), so
        /// the site is the innermost call, creation or assignment around it whose body is reported there, with that status.
        /// </summary>
        private static ResponseSite? Rediscover(FixContext context, TextSpan bodySpan, int status)
        {
            return SiteRediscovery.FindAround(
                context.Model,
                context.FindReportedNode(bodySpan),
                (operation, sites) => Discover(operation, context.Types, sites),
                site => site.Status == status && site.BodyDescription != null && site.BodyLocation.SourceSpan == bodySpan,
                context.CancellationToken);
        }

        private static bool Discover(IOperation operation, WellKnownTypes types, List<ResponseSite> sites)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    ResponseDiscovery.FromInvocation(invocation, types, sites);
                    return true;
                case IObjectCreationOperation creation:
                    ResponseDiscovery.FromObjectCreation(creation, types, sites);
                    return true;
                case ISimpleAssignmentOperation assignment:
                    ResponseDiscovery.FromAssignment(assignment, types, sites);
                    return true;
                default:
                    return false;
            }
        }
    }
}
