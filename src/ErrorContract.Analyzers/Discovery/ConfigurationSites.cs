using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>Which framework configuration call a <see cref="ConfigurationCall"/> is.</summary>
    internal enum ConfigurationCallKind
    {
        /// <summary>Not a configuration call the rules read.</summary>
        None,

        /// <summary><c>AddControllers()</c>, <c>AddControllersWithViews()</c>, <c>AddMvc()</c>, <c>AddMvcCore()</c>.</summary>
        MvcRegistration,

        /// <summary><c>AddProblemDetails()</c>.</summary>
        ProblemDetails,

        /// <summary><c>UseStatusCodePages()</c> without a handler or options: the framework writes the body.</summary>
        StatusCodePages,

        /// <summary><c>UseExceptionHandler()</c> without a path, handler or options.</summary>
        ExceptionHandlerMiddleware,

        /// <summary><c>AddExceptionHandler&lt;T&gt;()</c> or <c>AddExceptionHandler(options => ...)</c>: an exception handler is registered.</summary>
        ExceptionHandlerRegistration,

        /// <summary><c>UseDeveloperExceptionPage()</c> (<see cref="ConfigurationCall.InsideDevelopmentCheck"/> says where).</summary>
        DeveloperExceptionPage,

        /// <summary><c>AddRequestTimeouts()</c>.</summary>
        RequestTimeouts,

        /// <summary><c>AddRateLimiter()</c>.</summary>
        RateLimiter,

        /// <summary><c>AddJwtBearer()</c> or <c>AddBearerToken()</c>.</summary>
        BearerHandler,
    }

    /// <summary>
    /// A call of the project that configures a framework default that writes responses (<c>AddProblemDetails()</c>,
    /// <c>AddRateLimiter()</c>, ...), found by <see cref="ConfigurationDiscovery.FromInvocation"/>. It says what is
    /// configured and where; the rules decide whether that contradicts the contract.
    /// </summary>
    internal readonly struct ConfigurationCall
    {
        public ConfigurationCall(ConfigurationCallKind kind, string methodName, Location location, bool insideDevelopmentCheck)
        {
            Kind = kind;
            MethodName = methodName;
            Location = location;
            InsideDevelopmentCheck = insideDevelopmentCheck;
        }

        public ConfigurationCallKind Kind { get; }

        /// <summary>The called method's name (<c>AddJwtBearer</c>).</summary>
        public string MethodName { get; }

        /// <summary>The call, from the method name to its end (<c>AddProblemDetails()</c> in <c>builder.Services.AddProblemDetails()</c>).</summary>
        public Location Location { get; }

        /// <summary>The call only runs in the Development environment (see <see cref="DevelopmentEnvironmentCheck"/>); read for <see cref="ConfigurationCallKind.DeveloperExceptionPage"/> only.</summary>
        public bool InsideDevelopmentCheck { get; }
    }

    /// <summary>Which options property an <see cref="OptionsAssignment"/> sets.</summary>
    internal enum OptionsAssignmentKind
    {
        /// <summary>Not an options property the rules read.</summary>
        None,

        /// <summary><c>ApiBehaviorOptions.InvalidModelStateResponseFactory = ...</c>.</summary>
        InvalidModelStateResponseFactory,

        /// <summary><c>ApiBehaviorOptions.SuppressModelStateInvalidFilter = true</c>.</summary>
        ModelStateInvalidFilterSuppressed,

        /// <summary><c>ApiBehaviorOptions.SuppressMapClientErrors = true</c>.</summary>
        ClientErrorMappingSuppressed,

        /// <summary><c>ClientErrorData.Link = ...</c> (<c>options.ClientErrorMapping[404].Link</c>): the problem type of a client error.</summary>
        ClientErrorLink,

        /// <summary><c>ProblemDetailsOptions.CustomizeProblemDetails = ...</c>: every problem the framework writes is rewritten.</summary>
        ProblemDetailsCustomized,

        /// <summary><c>ExceptionHandlerOptions.ExceptionHandler</c> or <c>ExceptionHandlingPath</c>.</summary>
        ExceptionHandler,

        /// <summary><c>RequestTimeoutPolicy.TimeoutStatusCode = ...</c> (<see cref="OptionsAssignment.Status"/>: its value, when constant).</summary>
        TimeoutStatusCode,

        /// <summary><c>RateLimiterOptions.RejectionStatusCode = ...</c> (<see cref="OptionsAssignment.Status"/>: its value, when constant).</summary>
        RejectionStatusCode,

        /// <summary><c>RateLimiterOptions.OnRejected = ...</c>.</summary>
        OnRejected,
    }

    /// <summary>
    /// An assignment of a framework options property that decides a response (<c>options.RejectionStatusCode = 503</c>,
    /// <c>SuppressMapClientErrors = true</c>, ...), found by <see cref="ConfigurationDiscovery.FromAssignment"/>.
    /// </summary>
    internal readonly struct OptionsAssignment
    {
        public OptionsAssignment(OptionsAssignmentKind kind, IOperation value, int? status)
        {
            Kind = kind;
            Value = value;
            Status = status;
        }

        public OptionsAssignmentKind Kind { get; }

        /// <summary>The assigned value.</summary>
        public IOperation Value { get; }

        /// <summary>The status a status property is set to, when it is a constant; otherwise null.</summary>
        public int? Status { get; }

        /// <summary>Where the value is written: what a diagnostic about it marks.</summary>
        public Location ValueLocation => Value.Syntax.GetLocation();
    }

    /// <summary>A body an <c>OnRejected</c> handler writes with <c>WriteAsJsonAsync</c>.</summary>
    internal readonly struct WrittenBody
    {
        public WrittenBody(ResponseBody body, IOperation value)
        {
            Body = body;
            Value = value;
        }

        /// <summary>The body as System.Text.Json writes it.</summary>
        public ResponseBody Body { get; }

        /// <summary>The value given to <c>WriteAsJsonAsync</c>.</summary>
        public IOperation Value { get; }

        /// <summary>The written value without its conversions: what a diagnostic about the body marks.</summary>
        public Location Location => BodyDiscovery.Unwrap(Value).Syntax.GetLocation();
    }
}
