using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// What the whole compilation configures, gathered from the discovery's findings by concurrent callbacks and read
    /// once, as a <see cref="ProjectConfiguration"/>, when the compilation ends. One lock guards it all: facts are few
    /// (a project has a handful of configuration calls), so the lock is taken rarely and never contended for long.
    /// </summary>
    internal sealed class ConfigurationFacts
    {
        private readonly object gate = new object();
        private readonly bool apiControllerAssembly;
        private readonly List<Location> apiControllers = new List<Location>();
        private readonly List<Location> mvcRegistrations = new List<Location>();
        private readonly List<ConfigurationCall> frameworkResponses = new List<ConfigurationCall>();
        private readonly List<Location> timeoutRegistrations = new List<Location>();
        private readonly List<(int? Status, Location Location)> timeoutStatuses = new List<(int?, Location)>();
        private readonly List<Location> rateLimiterRegistrations = new List<Location>();
        private bool rejectionStatusCodeSet;
        private bool onRejectedSet;
        private bool invalidModelStateHandled;
        private bool clientErrorMappingSuppressed;
        private bool exceptionHandlerConfigured;
        private bool clientErrorLinksSet;
        private bool problemDetailsCustomized;

        /// <param name="apiControllerAssembly">The assembly carries <c>[assembly: ApiController]</c> (in any file, generated or not).</param>
        public ConfigurationFacts(bool apiControllerAssembly)
        {
            this.apiControllerAssembly = apiControllerAssembly;
        }

        /// <summary>A class under <c>[ApiController]</c>, or an <c>[assembly: ApiController]</c> in hand-written code.</summary>
        public void AddApiController(Location location)
        {
            lock (gate)
            {
                apiControllers.Add(location);
            }
        }

        /// <summary>A configuration call the compilation-end rules read (the others are ignored).</summary>
        public void Add(in ConfigurationCall call)
        {
            lock (gate)
            {
                switch (call.Kind)
                {
                    case ConfigurationCallKind.MvcRegistration:
                        mvcRegistrations.Add(call.Location);
                        break;
                    case ConfigurationCallKind.ProblemDetails:
                    case ConfigurationCallKind.StatusCodePages:
                    case ConfigurationCallKind.ExceptionHandlerMiddleware:
                    case ConfigurationCallKind.DeveloperExceptionPage:
                        frameworkResponses.Add(call);
                        break;
                    case ConfigurationCallKind.ExceptionHandlerRegistration:
                        exceptionHandlerConfigured = true;
                        break;
                    case ConfigurationCallKind.RequestTimeouts:
                        timeoutRegistrations.Add(call.Location);
                        break;
                    case ConfigurationCallKind.RateLimiter:
                        rateLimiterRegistrations.Add(call.Location);
                        break;
                }
            }
        }

        /// <summary>An options assignment the compilation-end rules read (the others are ignored).</summary>
        public void Add(in OptionsAssignment assignment)
        {
            var location = assignment.Kind == OptionsAssignmentKind.TimeoutStatusCode ? assignment.ValueLocation : null;
            lock (gate)
            {
                switch (assignment.Kind)
                {
                    case OptionsAssignmentKind.InvalidModelStateResponseFactory:
                    case OptionsAssignmentKind.ModelStateInvalidFilterSuppressed:
                        invalidModelStateHandled = true;
                        break;
                    case OptionsAssignmentKind.ClientErrorMappingSuppressed:
                        clientErrorMappingSuppressed = true;
                        break;
                    case OptionsAssignmentKind.ExceptionHandler:
                        exceptionHandlerConfigured = true;
                        break;
                    case OptionsAssignmentKind.ClientErrorLink:
                        clientErrorLinksSet = true;
                        break;
                    case OptionsAssignmentKind.ProblemDetailsCustomized:
                        problemDetailsCustomized = true;
                        break;
                    case OptionsAssignmentKind.TimeoutStatusCode:
                        timeoutStatuses.Add((assignment.Status, location!));
                        break;
                    case OptionsAssignmentKind.RejectionStatusCode:
                        rejectionStatusCodeSet = true;
                        break;
                    case OptionsAssignmentKind.OnRejected:
                        onRejectedSet = true;
                        break;
                }
            }
        }

        /// <summary>The facts, with every list in source order so that the diagnostics are deterministic.</summary>
        public ProjectConfiguration Snapshot()
        {
            lock (gate)
            {
                return new ProjectConfiguration(
                    Sorted(apiControllers, l => l),
                    apiControllerAssembly,
                    Sorted(mvcRegistrations, l => l),
                    invalidModelStateHandled,
                    clientErrorMappingSuppressed,
                    Sorted(frameworkResponses, c => c.Location),
                    exceptionHandlerConfigured,
                    Sorted(timeoutRegistrations, l => l),
                    Sorted(timeoutStatuses, s => s.Location),
                    Sorted(rateLimiterRegistrations, l => l),
                    rejectionStatusCodeSet,
                    onRejectedSet,
                    clientErrorLinksSet,
                    problemDetailsCustomized);
            }
        }

        private static ImmutableArray<T> Sorted<T>(List<T> items, System.Func<T, Location> location)
        {
            var list = new List<T>(items);
            list.Sort((a, b) =>
            {
                var left = location(a);
                var right = location(b);
                var byFile = string.CompareOrdinal(left.SourceTree?.FilePath, right.SourceTree?.FilePath);
                return byFile != 0 ? byFile : left.SourceSpan.Start.CompareTo(right.SourceSpan.Start);
            });
            return list.ToImmutableArray();
        }
    }

    /// <summary>What the compilation configures, read by the rules when it ends: every list in source order.</summary>
    internal sealed class ProjectConfiguration
    {
        public ProjectConfiguration(
            ImmutableArray<Location> apiControllers,
            bool apiControllerAssembly,
            ImmutableArray<Location> mvcRegistrations,
            bool invalidModelStateHandled,
            bool clientErrorMappingSuppressed,
            ImmutableArray<ConfigurationCall> frameworkResponses,
            bool exceptionHandlerConfigured,
            ImmutableArray<Location> timeoutRegistrations,
            ImmutableArray<(int? Status, Location Location)> timeoutStatuses,
            ImmutableArray<Location> rateLimiterRegistrations,
            bool rejectionStatusCodeSet,
            bool onRejectedSet,
            bool clientErrorLinksSet = false,
            bool problemDetailsCustomized = false)
        {
            ClientErrorLinksSet = clientErrorLinksSet;
            ProblemDetailsCustomized = problemDetailsCustomized;
            ApiControllers = apiControllers;
            ApiControllerAssembly = apiControllerAssembly;
            MvcRegistrations = mvcRegistrations;
            InvalidModelStateHandled = invalidModelStateHandled;
            ClientErrorMappingSuppressed = clientErrorMappingSuppressed;
            FrameworkResponses = frameworkResponses;
            ExceptionHandlerConfigured = exceptionHandlerConfigured;
            TimeoutRegistrations = timeoutRegistrations;
            TimeoutStatuses = timeoutStatuses;
            RateLimiterRegistrations = rateLimiterRegistrations;
            RejectionStatusCodeSet = rejectionStatusCodeSet;
            OnRejectedSet = onRejectedSet;
        }

        /// <summary>The classes under <c>[ApiController]</c>, and the <c>[assembly: ApiController]</c> attributes in hand-written code.</summary>
        public ImmutableArray<Location> ApiControllers { get; }

        /// <summary>The assembly carries <c>[assembly: ApiController]</c> (in any file, generated or not).</summary>
        public bool ApiControllerAssembly { get; }

        /// <summary>The <c>AddControllers()</c>/<c>AddMvc()</c>-like calls.</summary>
        public ImmutableArray<Location> MvcRegistrations { get; }

        /// <summary>ApiBehaviorOptions.InvalidModelStateResponseFactory is set, or SuppressModelStateInvalidFilter = true.</summary>
        public bool InvalidModelStateHandled { get; }

        /// <summary>ApiBehaviorOptions.SuppressMapClientErrors = true.</summary>
        public bool ClientErrorMappingSuppressed { get; }

        /// <summary>A <c>ClientErrorMapping[status].Link</c> is set: the project gives client errors problem types of its own.</summary>
        public bool ClientErrorLinksSet { get; }

        /// <summary><c>ProblemDetailsOptions.CustomizeProblemDetails</c> is set: the project rewrites the problems the framework writes.</summary>
        public bool ProblemDetailsCustomized { get; }

        /// <summary>
        /// The calls that make the framework write error bodies of its own: <see cref="ConfigurationCallKind.ProblemDetails"/>,
        /// <see cref="ConfigurationCallKind.StatusCodePages"/>, <see cref="ConfigurationCallKind.ExceptionHandlerMiddleware"/>,
        /// <see cref="ConfigurationCallKind.DeveloperExceptionPage"/>.
        /// </summary>
        public ImmutableArray<ConfigurationCall> FrameworkResponses { get; }

        /// <summary>An exception handler is registered (<c>AddExceptionHandler</c>) or set on ExceptionHandlerOptions.</summary>
        public bool ExceptionHandlerConfigured { get; }

        /// <summary>The <c>AddRequestTimeouts()</c> calls.</summary>
        public ImmutableArray<Location> TimeoutRegistrations { get; }

        /// <summary>Every RequestTimeoutPolicy.TimeoutStatusCode assignment: its value when constant, and where it is written.</summary>
        public ImmutableArray<(int? Status, Location Location)> TimeoutStatuses { get; }

        /// <summary>The <c>AddRateLimiter()</c> calls.</summary>
        public ImmutableArray<Location> RateLimiterRegistrations { get; }

        /// <summary>RateLimiterOptions.RejectionStatusCode is assigned somewhere in the project's hand-written code.</summary>
        public bool RejectionStatusCodeSet { get; }

        /// <summary>RateLimiterOptions.OnRejected is assigned somewhere in the project's hand-written code.</summary>
        public bool OnRejectedSet { get; }
    }
}
