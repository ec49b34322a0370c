using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// What the source says of a problem-details body's members: the values given for <c>type</c>, <c>title</c>,
    /// <c>status</c>, <c>detail</c>, <c>instance</c> (as arguments of <c>Problem(…)</c> or initializers of
    /// <c>new ProblemDetails { … }</c>), and the extension members it carries when they can be known.
    /// </summary>
    public sealed class ProblemValues
    {
        private ProblemValues(
            IOperation origin,
            IOperation? type,
            IOperation? title,
            IOperation? status,
            IOperation? detail,
            IOperation? instance,
            ImmutableArray<string>? extensions,
            bool frameworkFillsDefaults)
        {
            Origin = origin;
            Type = type;
            Title = title;
            Status = status;
            Detail = detail;
            Instance = instance;
            Extensions = extensions;
            FrameworkFillsDefaults = frameworkFillsDefaults;
        }

        /// <summary>The <c>Problem(…)</c> call or the <c>new ProblemDetails { … }</c> creation the values are read from (the fix edits it).</summary>
        public IOperation Origin { get; }

        /// <summary>The <c>type</c> given, as written; null when none is given.</summary>
        public IOperation? Type { get; }

        public IOperation? Title { get; }

        public IOperation? Status { get; }

        public IOperation? Detail { get; }

        public IOperation? Instance { get; }

        /// <summary>The names of the extension members the body carries (<c>errors</c> for a validation problem); null when they cannot be known.</summary>
        public ImmutableArray<string>? Extensions { get; }

        /// <summary>
        /// True when ASP.NET Core fills what is not given (<c>Problem(…)</c>, <c>ValidationProblem(…)</c>, <c>Results.Problem</c>):
        /// a default <c>type</c> (a link to the HTTP specification) and <c>title</c> for the status, and the <c>status</c> itself.
        /// </summary>
        public bool FrameworkFillsDefaults { get; }

        /// <summary>The string constant given for <c>type</c>; null when none is given or it is not a constant.</summary>
        public string? ConstantType => Type?.ConstantValue.HasValue == true ? Type.ConstantValue.Value as string : null;

        /// <summary>The values of a <c>Problem(…)</c> / <c>ValidationProblem(…)</c> call's arguments.</summary>
        internal static ProblemValues FromFactory(IInvocationOperation invocation, bool validation)
        {
            IOperation? type = null, title = null, status = null, detail = null, instance = null;
            var extensions = validation ? new List<string> { "errors" } : new List<string>();
            var extensionsKnown = true;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter == null || argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    continue;
                }

                var value = BodyDiscovery.Unwrap(argument.Value);
                if (IsNull(value))
                {
                    continue;
                }

                switch (argument.Parameter.Name)
                {
                    case "type":
                        type = value;
                        break;
                    case "title":
                        title = value;
                        break;
                    case "statusCode":
                        status = value;
                        break;
                    case "detail":
                        detail = value;
                        break;
                    case "instance":
                        instance = value;
                        break;
                    case "extensions":
                        extensionsKnown &= AddKeys(value, extensions);
                        break;
                }
            }

            return new ProblemValues(invocation, type, title, status, detail, instance, extensionsKnown ? extensions.ToImmutableArray() : null, frameworkFillsDefaults: true);
        }

        /// <summary>
        /// The values of <c>new ProblemDetails { … }</c> (or a derived type): its initializers, and the extension members added
        /// by an <c>Extensions = { ["name"] = … }</c> initializer. Null for any other value (a variable, a call): not known.
        /// </summary>
        internal static ProblemValues? FromCreation(IOperation value, bool validation, bool frameworkFillsDefaults)
        {
            if (value is not IObjectCreationOperation creation)
            {
                return null;
            }

            IOperation? type = null, title = null, status = null, detail = null, instance = null;
            var extensions = validation ? new List<string> { "errors" } : new List<string>();
            // The validation types' constructors take only the errors, which fill the declared 'errors' member.
            var extensionsKnown = creation.Arguments.IsEmpty || validation;
            if (creation.Initializer != null)
            {
                foreach (var initializer in creation.Initializer.Initializers)
                {
                    switch (initializer)
                    {
                        case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation property:
                        {
                            var assigned = BodyDiscovery.Unwrap(assignment.Value);
                            switch (property.Property.Name)
                            {
                                case "Type":
                                    type = IsNull(assigned) ? null : assigned;
                                    break;
                                case "Title":
                                    title = IsNull(assigned) ? null : assigned;
                                    break;
                                case "Status":
                                    status = IsNull(assigned) ? null : assigned;
                                    break;
                                case "Detail":
                                    detail = IsNull(assigned) ? null : assigned;
                                    break;
                                case "Instance":
                                    instance = IsNull(assigned) ? null : assigned;
                                    break;
                                case "Extensions":
                                case "Errors":
                                    // A new dictionary replaces what the type starts with: its keys are known only when written out.
                                    extensionsKnown &= property.Property.Name == "Errors" || AddKeys(assigned, extensions);
                                    break;
                            }

                            break;
                        }

                        case IMemberInitializerOperation member when member.InitializedMember is IPropertyReferenceOperation property && property.Property.Name == "Extensions":
                            extensionsKnown &= AddKeys(member.Initializer, extensions);
                            break;
                    }
                }
            }

            return new ProblemValues(creation, type, title, status, detail, instance, extensionsKnown ? extensions.ToImmutableArray() : null, frameworkFillsDefaults);
        }

        /// <summary>Adds the constant string keys of a dictionary written out in the source; false when the keys cannot be known.</summary>
        private static bool AddKeys(IOperation? dictionary, List<string> keys)
        {
            var initializer = dictionary as IObjectOrCollectionInitializerOperation;
            if (dictionary is IObjectCreationOperation creation && creation.Arguments.IsEmpty)
            {
                initializer = creation.Initializer;
            }

            if (initializer == null)
            {
                return false;
            }

            foreach (var element in initializer.Initializers)
            {
                string? key = null;
                if (element is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation indexer && indexer.Arguments.Length == 1)
                {
                    key = indexer.Arguments[0].Value.ConstantValue.Value as string;
                }
                else if (element is IInvocationOperation add && add.TargetMethod.Name == "Add" && add.Arguments.Length == 2)
                {
                    key = add.Arguments[0].Value.ConstantValue.Value as string;
                }

                if (key == null)
                {
                    return false;
                }

                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }

            return true;
        }

        private static bool IsNull(IOperation value) => value.ConstantValue.HasValue && value.ConstantValue.Value == null;
    }
}
