using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ErrorContract.Analyzers.Benchmarks
{
    /// <summary>One generated source file.</summary>
    /// <param name="Path">Its path in the project.</param>
    /// <param name="Text">Its text.</param>
    /// <param name="Lines">Its line count.</param>
    /// <param name="Generated">A generated file (an EF Core designer, a <c>.g.cs</c>, an <c>&lt;auto-generated&gt;</c> header), that the
    /// generated-heavy workload removes for its comparison.</param>
    public sealed record GeneratedFile(string Path, string Text, int Lines, bool Generated = false);

    /// <summary>
    /// Deterministic (seeded) synthetic ASP.NET Core API, written against contract A
    /// (<c>samples/contracts/artworks/errorcontract.json</c>: documented 200, 201, 400, 401, 403, 404, 409, 429, 500;
    /// success statuses restricted; error body <c>{ error, message }</c>; Bearer required on <c>Authorization</c>).
    ///
    /// A project is a sequence of modules, each made of DTO records, a service (ordinary non-endpoint code: LINQ,
    /// string handling, look-alike <c>NotFound()</c>/<c>StatusCode()</c> methods of its own), an MVC controller, a
    /// minimal-API endpoint class, a middleware and an HttpClient API client. Each response/header line is chosen
    /// at random between a compliant and a contract-breaking form, and every contract-breaking line is counted,
    /// per rule and per form, as it is written. The same seed gives the same code, and a larger size is the smaller
    /// one plus more modules.
    ///
    /// What is counted, per rule (under contract A):
    ///
    /// EC0001 (undocumented status), one per site:
    ///   <c>NoContent()</c> 204, <c>Accepted()</c> 202, <c>StatusCode(418)</c>, <c>[ProducesResponseType(StatusCodes.Status204NoContent)]</c>,
    ///   <c>Results.NoContent()</c>, <c>Results.UnprocessableEntity()</c> 422, <c>TypedResults.Accepted(uri)</c> 202,
    ///   a <c>Results&lt;Ok&lt;T&gt;, NoContent&gt;</c> lambda return type (the <c>NoContent</c> type argument) and its
    ///   <c>TypedResults.NoContent()</c>, and <c>context.Response.StatusCode = StatusCodes.Status204NoContent</c> in middleware.
    ///
    /// EC0002 (error-body shape), one per call site of an error (4xx/5xx) response whose body is not the contract
    /// body. Only these forms are written:
    ///   no body: <c>NotFound()</c>, <c>TypedResults.NotFound()</c>, <c>StatusCode(418)</c>, <c>Results.UnprocessableEntity()</c>;
    ///   string body: <c>BadRequest("text")</c>, <c>Results.BadRequest("text")</c>;
    ///   problem details: <c>Problem(message)</c>, <c>Results.Problem(message)</c>.
    ///   Compliant error responses always carry exactly the contract body with the status's documented code and
    ///   message, as an anonymous object: <c>NotFound(new { error = "not_found", message = "Resource not found" })</c>,
    ///   <c>StatusCode(500, new { error = "internal_error", message = ... })</c>, <c>Results.Json(new { error, message }, statusCode: 500)</c>.
    ///   Not counted as EC0002 sites (assumed out of EC0002's scope, no body to check): the <c>NotFound</c> type argument
    ///   of a <c>Results&lt;Ok&lt;T&gt;, NotFound&gt;</c> return type. No 429 response, no error status in attributes,
    ///   <c>.Produces(...)</c> metadata or middleware is ever written, so no other error-status site exists.
    ///
    /// EC0004 ([ApiController] automatic ProblemDetails), two at the one <c>AddControllers()</c> of Program.cs.
    ///
    /// EC0003 (Authorization scheme), one per header write without the Bearer scheme:
    ///   <c>request.Headers.Add("Authorization", apiKey)</c> and <c>new AuthenticationHeaderValue(apiKey)</c>.
    ///   Compliant: <c>new AuthenticationHeaderValue("Bearer", apiKey)</c>. No key literal is ever written.
    ///
    /// EC0012 (a status returned that the endpoint does not declare), one per response site of a documented status that an
    /// endpoint declaring statuses leaves out (<see cref="Respond"/> decides it from what was written, form by form):
    ///   controller actions: the <c>Get</c> and <c>Delete</c> actions declare their success status and, but for one in five,
    ///   <c>[ProducesResponseType(StatusCodes.Status404NotFound)]</c>; without it their <c>NotFound(…)</c> is EC0012 (and, in
    ///   first adoption, every documented status an action declaring only 202 or 204 returns). Counted for the project's
    ///   controllers only: EC0012 of actions is reported when the compilation ends, never among one document's semantic
    ///   diagnostics (the IDE document, <see cref="GenerateLargeController"/>, counts none);
    ///   minimal APIs: <c>MapOrders(WebApplication app)</c> maps on the application (the endpoints of
    ///   <c>Map(IEndpointRouteBuilder app)</c> come from a parameter, and EC0012 leaves them open), under a route group that
    ///   declares <c>.ProducesProblem(500)</c>, with <c>.Produces(…)</c> on each Map call; one error declaration in seven is
    ///   left out, and that status's <c>Results.NotFound/BadRequest/Conflict(…)</c> is EC0012.
    ///   These choices come from a random stream of their own, so that every other rule's forms are drawn as before.
    /// </summary>
    public sealed partial class Generator
    {
        public const string SampleNamespace = "Bench";

        /// <summary>First adoption: the probability of a contract-breaking form at every response or header line.</summary>
        public const double AdoptionBreakProbability = 0.95;

        private readonly Random random;

        /// <summary>
        /// The per-operation declarations' choices (EC0012): a stream of its own, so that the other rules' forms are drawn from
        /// <see cref="random"/> exactly as before the declarations were written.
        /// </summary>
        private readonly Random declarationRandom;
        private readonly GeneratorMode mode;
        private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> forms = new(StringComparer.Ordinal);
        private StringBuilder text = new();
        private int actionCounter;

        public Generator(int seed, GeneratorMode mode = GeneratorMode.Standard)
        {
            random = new Random(seed);
            declarationRandom = new Random(unchecked((seed * 31) + 12));
            this.mode = mode;
        }

        private bool Adoption => mode == GeneratorMode.FirstAdoption;

        /// <summary>Violations written, by rule id.</summary>
        public IReadOnlyDictionary<string, int> Counts => counts;

        /// <summary>Violations written, by "rule: form".</summary>
        public IReadOnlyDictionary<string, int> Forms => forms;

        /// <summary>Modules until the project has at least <paramref name="targetLines"/> lines, then Program.cs.</summary>
        public List<GeneratedFile> GenerateProject(int targetLines)
        {
            var files = new List<GeneratedFile>();
            var lines = 0;
            var module = 0;
            while (lines < targetLines)
            {
                module++;
                foreach (var file in GenerateModule(module))
                {
                    files.Add(file);
                    lines += file.Lines;
                }
            }

            files.Add(GenerateProgram(module));
            return files;
        }

        /// <summary>A controller file of at least <paramref name="targetLines"/> lines over module 1's service (the IDE case).</summary>
        public GeneratedFile GenerateLargeController(int targetLines)
        {
            Begin();
            FileHeader(1);
            Line("[ApiController]");
            Line("[Route(\"api/m1/wide\")]");
            Line("public sealed class Wide1Controller : ControllerBase");
            Line("{");
            Line("    private readonly Item1Service _service;");
            Line();
            Line("    public Wide1Controller(Item1Service service) => _service = service;");
            countActionDeclarations = false;
            while (LineCount() < targetLines - 30)
            {
                Line();
                ControllerAction(1);
            }

            Line("}");
            countActionDeclarations = true;
            return End("Module1/Wide1Controller.cs");
        }

        private IEnumerable<GeneratedFile> GenerateModule(int m)
        {
            yield return Dtos(m);
            yield return Service(m);
            yield return Controller(m);
            yield return Endpoints(m);
            yield return Middleware(m);
            yield return Client(m);
        }

        private void Count(string rule, string form)
        {
            counts[rule] = counts.TryGetValue(rule, out var n) ? n + 1 : 1;
            var key = rule + ": " + form;
            forms[key] = forms.TryGetValue(key, out var f) ? f + 1 : 1;
        }

        private bool Break(double probability = 0.35) => random.NextDouble() < (Adoption ? AdoptionBreakProbability : probability);

        /// <summary>A declaration left out (EC0012 where the endpoint returns that status), drawn from <see cref="declarationRandom"/>.</summary>
        private bool OmitDeclaration(double probability = 0.2) => declarationRandom.NextDouble() < (Adoption ? AdoptionBreakProbability : probability);

        /// <summary>The statuses contract A documents: EC0012 speaks only of these (any other is EC0001's).</summary>
        private static readonly HashSet<int> DocumentedStatuses = new() { 200, 201, 400, 401, 403, 404, 409, 429, 500 };

        /// <summary>What the endpoint being written declares (null: nothing, it is not judged by EC0012), and how to name it.</summary>
        private List<int>? declared;
        private string declaredBy = string.Empty;

        /// <summary>
        /// False while writing the IDE document: EC0012 of controller actions is reported when the compilation ends (global
        /// filters declare for every action), never among one document's semantic diagnostics, which the IDE case counts.
        /// </summary>
        private bool countActionDeclarations = true;

        /// <summary>Starts an endpoint that declares <paramref name="statuses"/> (none: not judged) in <paramref name="by"/>'s style.</summary>
        private void Declares(string by, params int[] statuses)
        {
            declared = statuses.Length == 0 ? null : new List<int>(statuses);
            declaredBy = by;
        }

        /// <summary>A response site of the endpoint being written: EC0012 when the endpoint declares statuses but not this documented one.</summary>
        private void Respond(int status, string site)
        {
            if (declared == null || !DocumentedStatuses.Contains(status) || declared.Contains(status))
            {
                return;
            }

            if (declaredBy == "action" && !countActionDeclarations)
            {
                return;
            }

            var list = string.Join("/", declared.OrderBy(s => s));
            Count("EC0012", declaredBy == "action"
                ? $"{site} {status} in an action declaring [ProducesResponseType] {list}"
                : $"{site} {status} in a Map call declaring .Produces {list}");
        }

        private void Begin()
        {
            text = new StringBuilder();
        }

        private GeneratedFile End(string path)
        {
            var s = text.ToString();
            return new GeneratedFile(path, s, LineCount());
        }

        private int LineCount()
        {
            var n = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    n++;
                }
            }

            return n;
        }

        private void Line(string line = "")
        {
            text.Append(line).Append('\n');
        }

        private void FileHeader(int m)
        {
            if (Adoption)
            {
                // The usings are global (GlobalUsings.cs), as in a project with ImplicitUsings.
                Line($"namespace {SampleNamespace}.Module{m};");
                Line();
                return;
            }

            Line("using System;");
            Line("using System.Collections.Generic;");
            Line("using System.Diagnostics;");
            Line("using System.Globalization;");
            Line("using System.Linq;");
            Line("using System.Net;");
            Line("using System.Net.Http;");
            Line("using System.Net.Http.Headers;");
            Line("using System.Text;");
            Line("using System.Threading;");
            Line("using System.Threading.Tasks;");
            Line("using Microsoft.AspNetCore.Builder;");
            Line("using Microsoft.AspNetCore.Http;");
            Line("using Microsoft.AspNetCore.Http.HttpResults;");
            Line("using Microsoft.AspNetCore.Mvc;");
            Line("using Microsoft.AspNetCore.Routing;");
            Line();
            Line($"namespace {SampleNamespace}.Module{m};");
            Line();
        }

        private GeneratedFile Dtos(int m)
        {
            Begin();
            FileHeader(m);
            Line($"public sealed record Item{m}Dto(int Id, string Name, decimal Price, DateTime CreatedAt, IReadOnlyList<string> Tags);");
            Line();
            Line($"public sealed record CreateItem{m}Request(string Name, decimal Price, string? Tags);");
            Line();
            Line($"public sealed record UpdateItem{m}Request(string? Name, decimal Price);");
            Line();
            Line($"public sealed record Item{m}Summary(string Group, int Count, decimal Total)");
            Line("{");
            Line("    public decimal Average => Count == 0 ? 0m : Math.Round(Total / Count, 2);");
            Line("}");
            Line();
            Line($"public sealed record Page{m}<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)");
            Line("{");
            Line("    public bool HasNext => Page * PageSize < Total;");
            Line("}");
            return End($"Module{m}/Dtos.cs");
        }

        private GeneratedFile Service(int m)
        {
            if (Adoption)
            {
                return ThinService(m);
            }

            Begin();
            FileHeader(m);
            Line($"public sealed class Item{m}Service");
            Line("{");
            Line($"    private readonly List<Item{m}Dto> _items = new();");
            Line("    private readonly object _gate = new();");
            Line("    private int _nextId = 1;");
            Line();
            Line("    /// <summary>Not an HTTP response: a look-alike the analyzers must ignore.</summary>");
            Line("    public static string NotFound() => \"n/a\";");
            Line();
            Line("    /// <summary>Not an HTTP status either.</summary>");
            Line("    public static int StatusCode(string text) => text.Length % 7;");
            Line();
            Line($"    public Item{m}Dto? Find(int id)");
            Line("    {");
            Line("        lock (_gate)");
            Line("        {");
            Line("            return _items.FirstOrDefault(i => i.Id == id);");
            Line("        }");
            Line("    }");
            Line();
            Line("    public bool Exists(string name)");
            Line("    {");
            Line("        lock (_gate)");
            Line("        {");
            Line("            return _items.Any(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));");
            Line("        }");
            Line("    }");
            Line();
            Line($"    public IReadOnlyList<Item{m}Dto> All()");
            Line("    {");
            Line("        lock (_gate)");
            Line("        {");
            Line("            return _items.ToList();");
            Line("        }");
            Line("    }");
            Line();
            Line($"    public Item{m}Dto Add(string name, decimal price, string? tags = null)");
            Line("    {");
            Line("        var tagList = ParseTags(tags);");
            Line("        lock (_gate)");
            Line("        {");
            Line($"            var item = new Item{m}Dto(_nextId++, Normalize(name), Math.Round(price, 2), DateTime.UtcNow, tagList);");
            Line("            _items.Add(item);");
            Line("            return item;");
            Line("        }");
            Line("    }");
            Line();
            Line($"    public Item{m}Dto? Update(int id, string? name, decimal price)");
            Line("    {");
            Line("        lock (_gate)");
            Line("        {");
            Line("            var index = _items.FindIndex(i => i.Id == id);");
            Line("            if (index < 0)");
            Line("            {");
            Line("                return null;");
            Line("            }");
            Line();
            Line("            var current = _items[index];");
            Line("            var updated = current with { Name = name is null ? current.Name : Normalize(name), Price = Math.Round(price, 2) };");
            Line("            _items[index] = updated;");
            Line("            return updated;");
            Line("        }");
            Line("    }");
            Line();
            Line("    public bool Remove(int id)");
            Line("    {");
            Line("        lock (_gate)");
            Line("        {");
            Line("            return _items.RemoveAll(i => i.Id == id) > 0;");
            Line("        }");
            Line("    }");
            Line();
            Line($"    public async Task<Item{m}Dto> RecomputeAsync(int id, CancellationToken cancellationToken)");
            Line("    {");
            Line("        await Task.Yield();");
            Line("        cancellationToken.ThrowIfCancellationRequested();");
            Line("        var item = Find(id) ?? throw new InvalidOperationException(\"Item \" + id.ToString(CultureInfo.InvariantCulture) + \" is missing\");");
            Line("        var factor = 1m + (item.Tags.Count * 0.05m);");
            Line("        return item with { Price = Math.Round(item.Price * factor, 2) };");
            Line("    }");
            Line();
            Line($"    public IReadOnlyList<Item{m}Summary> Summaries()");
            Line("    {");
            Line("        return All()");
            Line("            .GroupBy(i => i.Name.Length == 0 ? \"?\" : i.Name.Substring(0, 1).ToUpperInvariant())");
            Line($"            .Select(g => new Item{m}Summary(g.Key, g.Count(), g.Sum(i => i.Price)))");
            Line("            .OrderByDescending(s => s.Total)");
            Line("            .ThenBy(s => s.Group, StringComparer.Ordinal)");
            Line("            .ToList();");
            Line("    }");
            Line();
            Line($"    public Page{m}<Item{m}Dto> Page(int page, int pageSize, string? query)");
            Line("    {");
            Line("        var filtered = All()");
            Line("            .Where(i => string.IsNullOrEmpty(query) || i.Name.Contains(query, StringComparison.OrdinalIgnoreCase) || i.Tags.Contains(query))");
            Line("            .OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase)");
            Line("            .ToList();");
            Line("        var items = filtered.Skip((page - 1) * pageSize).Take(pageSize).ToList();");
            Line($"        return new Page{m}<Item{m}Dto>(items, page, pageSize, filtered.Count);");
            Line("    }");
            Line();
            Line("    public string Describe()");
            Line("    {");
            Line("        var builder = new StringBuilder();");
            Line("        foreach (var summary in Summaries())");
            Line("        {");
            Line("            builder.Append(summary.Group).Append(\": \").Append(summary.Count).Append(\" items, \")");
            Line("                .Append(summary.Total.ToString(\"0.00\", CultureInfo.InvariantCulture)).Append('\\n');");
            Line("        }");
            Line();
            Line("        var label = StatusCode(builder.ToString()) > 3 ? NotFound() : \"ok\";");
            Line("        return builder.Append(label).ToString();");
            Line("    }");
            Line();
            Line("    public Dictionary<string, decimal> TotalsByTag()");
            Line("    {");
            Line("        return All()");
            Line("            .SelectMany(i => i.Tags.Select(t => (Tag: t, i.Price)))");
            Line("            .GroupBy(x => x.Tag, StringComparer.OrdinalIgnoreCase)");
            Line("            .ToDictionary(g => g.Key, g => g.Sum(x => x.Price), StringComparer.OrdinalIgnoreCase);");
            Line("    }");
            Line();
            Line("    public static string Slugify(string value)");
            Line("    {");
            Line("        var builder = new StringBuilder(value.Length);");
            Line("        var previousDash = false;");
            Line("        foreach (var c in value.Trim().ToLowerInvariant())");
            Line("        {");
            Line("            if (char.IsLetterOrDigit(c))");
            Line("            {");
            Line("                builder.Append(c);");
            Line("                previousDash = false;");
            Line("            }");
            Line("            else if (!previousDash && builder.Length > 0)");
            Line("            {");
            Line("                builder.Append('-');");
            Line("                previousDash = true;");
            Line("            }");
            Line("        }");
            Line();
            Line("        return builder.ToString().TrimEnd('-');");
            Line("    }");
            Line();
            Line("    private static string Normalize(string name)");
            Line("    {");
            Line("        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);");
            Line("        return string.Join(' ', parts.Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));");
            Line("    }");
            Line();
            Line("    private static IReadOnlyList<string> ParseTags(string? tags)");
            Line("    {");
            Line("        if (string.IsNullOrWhiteSpace(tags))");
            Line("        {");
            Line("            return Array.Empty<string>();");
            Line("        }");
            Line();
            Line("        return tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)");
            Line("            .Select(Slugify)");
            Line("            .Where(t => t.Length > 0)");
            Line("            .Distinct(StringComparer.Ordinal)");
            Line("            .ToArray();");
            Line("    }");
            Line("}");
            return End($"Module{m}/Item{m}Service.cs");
        }

        private GeneratedFile Controller(int m)
        {
            Begin();
            FileHeader(m);
            Line("[ApiController]");
            Line($"[Route(\"api/m{m}/items\")]");
            Line($"public sealed class Items{m}Controller : ControllerBase");
            Line("{");
            Line($"    private readonly Item{m}Service _service;");
            Line();
            Line($"    public Items{m}Controller(Item{m}Service service) => _service = service;");
            var actions = 10;
            for (var i = 0; i < actions; i++)
            {
                Line();
                ControllerAction(m);
            }

            Line("}");
            return End($"Module{m}/Items{m}Controller.cs");
        }

        private void ControllerAction(int m)
        {
            var k = ++actionCounter;
            switch (random.Next(7))
            {
                case 0:
                    Line($"    [HttpGet(\"{{id:int}}/v{k}\")]");
                    var success = 200;
                    if (Adoption && Break())
                    {
                        Count("EC0001", "[ProducesResponseType(StatusCodes.Status204NoContent)]");
                        Line("    [ProducesResponseType(StatusCodes.Status204NoContent)]");
                        success = 204;
                    }
                    else
                    {
                        Line("    [ProducesResponseType(StatusCodes.Status200OK)]");
                    }

                    DeclareNotFound(success);
                    Line($"    public ActionResult<Item{m}Dto> Get{k}(int id)");
                    Line("    {");
                    Line("        var item = _service.Find(id);");
                    Line("        if (item is null)");
                    Line("        {");
                    if (Break())
                    {
                        Count("EC0002", "NotFound() (no body)");
                        Respond(404, "NotFound()");
                        Line("            return NotFound();");
                    }
                    else
                    {
                        Respond(404, "NotFound(body)");
                        Line("            return NotFound(new { error = \"not_found\", message = \"Resource not found\" });");
                    }

                    Line("        }");
                    Line();
                    Respond(200, "Ok(item)");
                    Line("        return Ok(item);");
                    Line("    }");
                    break;
                case 1:
                    Line($"    [HttpPost(\"v{k}\")]");
                    AdoptionMetadata();
                    Line($"    public IActionResult Create{k}([FromBody] CreateItem{m}Request request)");
                    Line("    {");
                    Line("        if (string.IsNullOrWhiteSpace(request.Name) || request.Price < 0)");
                    Line("        {");
                    if (Break())
                    {
                        Count("EC0002", "BadRequest(\"text\") (string body)");
                        Respond(400, "BadRequest(\"text\")");
                        Line("            return BadRequest(\"Name and a non-negative price are required\");");
                    }
                    else
                    {
                        Respond(400, "BadRequest(body)");
                        Line("            return BadRequest(new { error = \"bad_request\", message = \"Invalid input or missing required fields\" });");
                    }

                    Line("        }");
                    Line();
                    Line("        if (_service.Exists(request.Name))");
                    Line("        {");
                    if (Adoption && Break())
                    {
                        Count("EC0002", "Conflict(\"text\") (string body)");
                        Respond(409, "Conflict(\"text\")");
                        Line("            return Conflict(\"Duplicate name\");");
                    }
                    else
                    {
                        Respond(409, "Conflict(body)");
                        Line("            return Conflict(new { error = \"conflict\", message = \"Duplicate detected\" });");
                    }
                    Line("        }");
                    Line();
                    Line("        var created = _service.Add(request.Name, request.Price, request.Tags);");
                    Respond(201, "StatusCode(Status201Created, value)");
                    Line("        return StatusCode(StatusCodes.Status201Created, created);");
                    Line("    }");
                    break;
                case 2:
                {
                    Line($"    [HttpDelete(\"{{id:int}}/v{k}\")]");
                    var breakMetadata = Break(0.25);
                    if (breakMetadata)
                    {
                        Count("EC0001", "[ProducesResponseType(StatusCodes.Status204NoContent)]");
                        Line("    [ProducesResponseType(StatusCodes.Status204NoContent)]");
                    }
                    else
                    {
                        Line("    [ProducesResponseType(StatusCodes.Status200OK)]");
                    }

                    DeclareNotFound(breakMetadata ? 204 : 200);

                    Line($"    public IActionResult Delete{k}(int id)");
                    Line("    {");
                    Line("        if (!_service.Remove(id))");
                    Line("        {");
                    Respond(404, "NotFound(body)");
                    Line("            return NotFound(new { error = \"not_found\", message = \"Resource not found\" });");
                    Line("        }");
                    Line();
                    if (breakMetadata || Break())
                    {
                        Count("EC0001", "NoContent() 204");
                        Line("        return NoContent();");
                    }
                    else
                    {
                        Respond(200, "Ok(value)");
                        Line("        return Ok(new { deleted = id });");
                    }

                    Line("    }");
                    break;
                }

                case 3:
                    Line($"    [HttpPatch(\"{{id:int}}/legacy/v{k}\")]");
                    Declares("action");
                    Line($"    public IActionResult Legacy{k}(int id, [FromBody] UpdateItem{m}Request request)");
                    Line("    {");
                    Line("        if (id <= 0)");
                    Line("        {");
                    if (Break())
                    {
                        Count("EC0001", "StatusCode(418)");
                        Count("EC0002", "StatusCode(418) (no body)");
                        Line("            return StatusCode(418);");
                    }
                    else
                    {
                        Line("            return StatusCode(StatusCodes.Status400BadRequest, new { error = \"bad_request\", message = \"Invalid input or missing required fields\" });");
                    }

                    Line("        }");
                    Line();
                    Line("        var updated = _service.Update(id, request.Name, request.Price);");
                    Line("        if (updated is null)");
                    Line("        {");
                    Line("            return NotFound(new { error = \"not_found\", message = \"Resource not found\" });");
                    Line("        }");
                    Line();
                    if (Break())
                    {
                        Count("EC0001", "Accepted() 202");
                        Line("        return Accepted();");
                    }
                    else
                    {
                        Line("        return Ok(updated);");
                    }

                    Line("    }");
                    break;
                case 4:
                    Line($"    [HttpPost(\"{{id:int}}/recompute/v{k}\")]");
                    AdoptionMetadata();
                    Line($"    public async Task<IActionResult> Recompute{k}(int id, CancellationToken cancellationToken)");
                    Line("    {");
                    Line("        try");
                    Line("        {");
                    Line("            var result = await _service.RecomputeAsync(id, cancellationToken);");
                    Respond(200, "Ok(value)");
                    Line("            return Ok(result);");
                    Line("        }");
                    Line("        catch (InvalidOperationException ex)");
                    Line("        {");
                    if (Break())
                    {
                        Count("EC0002", "Problem(message) (problem details)");
                        Respond(500, "Problem(message)");
                        Line("            return Problem(ex.Message);");
                    }
                    else
                    {
                        Respond(500, "StatusCode(500, body)");
                        Line("            Debug.WriteLine(ex.Message);");
                        Line("            return StatusCode(500, new { error = \"internal_error\", message = \"An unexpected error occurred\" });");
                    }

                    Line("        }");
                    Line("    }");
                    break;
                case 5:
                    Line($"    [HttpGet(\"search/v{k}\")]");
                    AdoptionMetadata();
                    Line($"    public ActionResult<IReadOnlyList<Item{m}Dto>> Search{k}([FromQuery] string? q, [FromQuery] int page = 1, [FromQuery] int pageSize = 20)");
                    Line("    {");
                    Line("        if (page <= 0 || pageSize <= 0 || pageSize > 100)");
                    Line("        {");
                    if (Adoption && Break())
                    {
                        Count("EC0002", "BadRequest(\"text\") (string body)");
                        Respond(400, "BadRequest(\"text\")");
                        Line("            return BadRequest(\"Invalid paging\");");
                    }
                    else
                    {
                        Respond(400, "BadRequest(body)");
                        Line("            return BadRequest(new { error = \"bad_request\", message = \"Invalid input or missing required fields\" });");
                    }

                    Line("        }");
                    Line();
                    Line("        var result = _service.Page(page, pageSize, q?.Trim());");
                    Line("        Response.Headers[\"X-Total-Count\"] = result.Total.ToString(CultureInfo.InvariantCulture);");
                    Respond(200, "a value (ActionResult<T>)");
                    Line("        return result.Items.Where(i => i.Price >= 0).OrderBy(i => i.Id).ToList();");
                    Line("    }");
                    break;
                default:
                    Line($"    [HttpGet(\"{{id:int}}/private/v{k}\")]");
                    AdoptionMetadata();
                    Line($"    public IActionResult Private{k}(int id, [FromHeader(Name = \"X-Api-Key\")] string? apiKey)");
                    Line("    {");
                    Line("        if (string.IsNullOrEmpty(apiKey))");
                    Line("        {");
                    if (Adoption && Break())
                    {
                        Count("EC0002", "Unauthorized() (no body)");
                        Respond(401, "Unauthorized()");
                        Line("            return Unauthorized();");
                    }
                    else
                    {
                        Respond(401, "Unauthorized(body)");
                        Line("            return Unauthorized(new { error = \"unauthorized\", message = \"Invalid or missing API key\" });");
                    }
                    Line("        }");
                    Line();
                    Line("        if (!apiKey.StartsWith(\"ak_live_\", StringComparison.Ordinal))");
                    Line("        {");
                    Respond(403, "StatusCode(Status403Forbidden, body)");
                    Line("            return StatusCode(StatusCodes.Status403Forbidden, new { error = \"forbidden\", message = \"Insufficient scope\" });");
                    Line("        }");
                    Line();
                    Line("        var item = _service.Find(id);");
                    if (Adoption && Break())
                    {
                        Count("EC0002", "NotFound() (no body)");
                        Respond(404, "NotFound() in a ternary");
                        Respond(200, "Ok(item) in a ternary");
                        Line("        return item is null ? NotFound() : Ok(item);");
                    }
                    else
                    {
                        Respond(404, "NotFound(body) in a ternary");
                        Respond(200, "Ok(item) in a ternary");
                        Line("        return item is null ? NotFound(new { error = \"not_found\", message = \"Resource not found\" }) : Ok(item);");
                    }
                    Line("    }");
                    break;
            }
        }

        /// <summary>First adoption: an action documents a status the contract does not (EC0001), most of the time.</summary>
        private void AdoptionMetadata()
        {
            if (Adoption && Break())
            {
                Count("EC0001", "[ProducesResponseType(StatusCodes.Status202Accepted)]");
                Line("    [ProducesResponseType(StatusCodes.Status202Accepted)]");
                Declares("action", 202);
            }
            else
            {
                Declares("action");
            }
        }

        /// <summary>
        /// An action that declares its success status (<paramref name="success"/>) also declares the 404 it returns, but for
        /// one in five (the undeclared 404 is EC0012; first adoption: most of them).
        /// </summary>
        private void DeclareNotFound(int success)
        {
            if (OmitDeclaration())
            {
                Declares("action", success);
                return;
            }

            Line("    [ProducesResponseType(StatusCodes.Status404NotFound)]");
            Declares("action", success, 404);
        }

        private GeneratedFile Endpoints(int m)
        {
            Begin();
            FileHeader(m);
            Line($"public static class Module{m}Endpoints");
            Line("{");
            Line("    public static void Map(IEndpointRouteBuilder app)");
            Line("    {");
            Line($"        var group = app.MapGroup(\"/api/m{m}/min\");");
            Line();
            Line($"        group.MapGet(\"/{{id:int}}\", (int id, Item{m}Service service) =>");
            Line("            service.Find(id) is { } item");
            Line("                ? Results.Ok(item)");
            Line("                : Results.NotFound(new { error = \"not_found\", message = \"Resource not found\" }))");
            if (Adoption && Break())
            {
                Count("EC0001", ".Produces(StatusCodes.Status204NoContent) metadata");
                Line($"            .Produces<Item{m}Dto>(StatusCodes.Status200OK)");
                Line("            .Produces(StatusCodes.Status204NoContent);");
            }
            else
            {
                Line($"            .Produces<Item{m}Dto>(StatusCodes.Status200OK);");
            }
            Line();
            Line($"        group.MapPost(\"/\", (CreateItem{m}Request request, Item{m}Service service) =>");
            Line("        {");
            Line("            if (string.IsNullOrWhiteSpace(request.Name))");
            Line("            {");
            if (Break())
            {
                Count("EC0002", "Results.BadRequest(\"text\") (string body)");
                Line("                return Results.BadRequest(\"Name is required\");");
            }
            else
            {
                Line("                return Results.BadRequest(new { error = \"bad_request\", message = \"Invalid input or missing required fields\" });");
            }

            Line("            }");
            Line();
            Line("            var created = service.Add(request.Name, request.Price, request.Tags);");
            Line($"            return Results.Created($\"/api/m{m}/min/{{created.Id}}\", created);");
            Line("        });");
            Line();
            Line($"        group.MapDelete(\"/{{id:int}}\", (int id, Item{m}Service service) =>");
            Line("        {");
            Line("            if (!service.Remove(id))");
            Line("            {");
            Line("                return Results.NotFound(new { error = \"not_found\", message = \"Resource not found\" });");
            Line("            }");
            Line();
            if (Break())
            {
                Count("EC0001", "Results.NoContent() 204");
                Line("            return Results.NoContent();");
            }
            else
            {
                Line("            return Results.Ok(new { deleted = id });");
            }

            Line("        });");
            Line();
            Line($"        group.MapPut(\"/{{id:int}}\", (int id, UpdateItem{m}Request request, Item{m}Service service) =>");
            if (Break())
            {
                Count("EC0001", "Results.UnprocessableEntity() 422");
                Count("EC0002", "Results.UnprocessableEntity() (no body)");
                Line("            request.Price < 0");
                Line("                ? Results.UnprocessableEntity()");
            }
            else
            {
                Line("            request.Price < 0");
                Line("                ? Results.BadRequest(new { error = \"bad_request\", message = \"Invalid input or missing required fields\" })");
            }

            Line("                : service.Update(id, request.Name, request.Price) is { } updated");
            Line("                    ? Results.Ok(updated)");
            Line("                    : Results.NotFound(new { error = \"not_found\", message = \"Resource not found\" }));");
            Line();
            if (Break())
            {
                Count("EC0001", "Results<Ok<T>, NoContent> type argument");
                Count("EC0001", "TypedResults.NoContent() 204");
                Line($"        group.MapGet(\"/{{id:int}}/typed\", Results<Ok<Item{m}Dto>, NoContent> (int id, Item{m}Service service) =>");
                Line("            service.Find(id) is { } item ? TypedResults.Ok(item) : TypedResults.NoContent());");
            }
            else
            {
                Count("EC0002", "TypedResults.NotFound() (no body)");
                Line($"        group.MapGet(\"/{{id:int}}/typed\", Results<Ok<Item{m}Dto>, NotFound> (int id, Item{m}Service service) =>");
                Line("            service.Find(id) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound());");
            }

            Line();
            Line($"        group.MapPost(\"/{{id:int}}/recompute\", async (int id, Item{m}Service service, CancellationToken cancellationToken) =>");
            Line("        {");
            Line("            try");
            Line("            {");
            Line("                return Results.Ok(await service.RecomputeAsync(id, cancellationToken));");
            Line("            }");
            Line("            catch (InvalidOperationException ex)");
            Line("            {");
            if (Break())
            {
                Count("EC0002", "Results.Problem(message) (problem details)");
                Line("                return Results.Problem(ex.Message);");
            }
            else
            {
                Line("                Debug.WriteLine(ex.Message);");
                Line("                return Results.Json(new { error = \"internal_error\", message = \"An unexpected error occurred\" }, statusCode: 500);");
            }

            Line("            }");
            Line("        });");
            Line();
            if (Break())
            {
                Count("EC0001", "TypedResults.Accepted(uri) 202");
                Line($"        group.MapPost(\"/{{id:int}}/queue\", (int id) => TypedResults.Accepted($\"/api/m{m}/min/{{id}}\"));");
            }
            else
            {
                Line($"        group.MapPost(\"/{{id:int}}/queue\", (int id) => TypedResults.Ok(new {{ queued = id }}));");
            }

            Line();
            Line($"        group.MapGet(\"/summary\", (Item{m}Service service) => Results.Ok(service.Summaries()));");
            Line("    }");
            MapOrders(m);
            Line("}");
            return End($"Module{m}/Module{m}Endpoints.cs");
        }

        /// <summary>
        /// Minimal APIs mapped on the application itself (the endpoints of <c>Map(IEndpointRouteBuilder)</c> above come from a
        /// parameter, whose route group may declare anything: EC0012 leaves them open), so that every declaration is read and
        /// EC0012 judges them: a route group declaring 500, and <c>.Produces(…)</c> on each Map call, of which one in seven
        /// error declarations is left out (first adoption: most of them).
        /// </summary>
        private void MapOrders(int m)
        {
            Line();
            Line("    public static void MapOrders(WebApplication app)");
            Line("    {");
            Line($"        var orders = app.MapGroup(\"/api/m{m}/orders\").ProducesProblem(StatusCodes.Status500InternalServerError);");
            Line();
            Line($"        orders.MapGet(\"/{{id:int}}\", (int id, Item{m}Service service) =>");
            Line("            service.Find(id) is { } item");
            Line("                ? Results.Ok(item)");
            Line("                : Results.NotFound(new { error = \"not_found\", message = \"Resource not found\" }))");
            ProducesChain(new[] { (200, $"Produces<Item{m}Dto>(StatusCodes.Status200OK)", false), (404, "Produces(StatusCodes.Status404NotFound)", true) }, 500);
            Respond(200, "Results.Ok(item)");
            Respond(404, "Results.NotFound(body)");
            Line();
            Line($"        orders.MapPost(\"/\", (CreateItem{m}Request request, Item{m}Service service) =>");
            Line("        {");
            Line("            if (string.IsNullOrWhiteSpace(request.Name))");
            Line("            {");
            Line("                return Results.BadRequest(new { error = \"bad_request\", message = \"Invalid input or missing required fields\" });");
            Line("            }");
            Line();
            Line("            if (service.Exists(request.Name))");
            Line("            {");
            Line("                return Results.Conflict(new { error = \"conflict\", message = \"Duplicate detected\" });");
            Line("            }");
            Line();
            Line("            var created = service.Add(request.Name, request.Price, request.Tags);");
            Line($"            return Results.Created($\"/api/m{m}/orders/{{created.Id}}\", created);");
            Line("        })");
            ProducesChain(new[] { (201, $"Produces<Item{m}Dto>(StatusCodes.Status201Created)", false), (400, "Produces(StatusCodes.Status400BadRequest)", true), (409, "Produces(StatusCodes.Status409Conflict)", true) }, 500);
            Respond(400, "Results.BadRequest(body)");
            Respond(409, "Results.Conflict(body)");
            Respond(201, "Results.Created(uri, value)");
            Line();
            Line($"        app.MapDelete(\"/api/m{m}/orders/{{id:int}}\", (int id, Item{m}Service service) =>");
            Line("            service.Remove(id)");
            Line("                ? Results.Ok(new { deleted = id })");
            Line("                : Results.NotFound(new { error = \"not_found\", message = \"Resource not found\" }))");
            ProducesChain(new[] { (200, "Produces(StatusCodes.Status200OK)", false), (404, "Produces(StatusCodes.Status404NotFound)", true) });
            Respond(200, "Results.Ok(value)");
            Respond(404, "Results.NotFound(body)");
            Line("    }");
        }

        /// <summary>
        /// The <c>.Produces(…)</c> chain of a Map call, one call per line; an error declaration (<c>Omissible</c>) is left out
        /// one time in seven. <paramref name="group"/>: the statuses its route group declares.
        /// </summary>
        private void ProducesChain((int Status, string Call, bool Omissible)[] calls, params int[] group)
        {
            var written = new List<(int Status, string Call)>();
            foreach (var call in calls)
            {
                if (!call.Omissible || !OmitDeclaration(1.0 / 7))
                {
                    written.Add((call.Status, call.Call));
                }
            }

            for (var i = 0; i < written.Count; i++)
            {
                Line("            ." + written[i].Call + (i == written.Count - 1 ? ";" : string.Empty));
            }

            Declares("Map call", written.Select(w => w.Status).Concat(group).ToArray());
        }

        private GeneratedFile Middleware(int m)
        {
            Begin();
            FileHeader(m);
            Line($"public sealed class Module{m}Middleware");
            Line("{");
            Line("    private readonly RequestDelegate _next;");
            Line();
            Line($"    public Module{m}Middleware(RequestDelegate next) => _next = next;");
            Line();
            Line("    public async Task InvokeAsync(HttpContext context)");
            Line("    {");
            Line($"        if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Path.StartsWithSegments(\"/api/m{m}\"))");
            Line("        {");
            if (Break())
            {
                Count("EC0001", "context.Response.StatusCode = Status204NoContent");
                Line("            context.Response.StatusCode = StatusCodes.Status204NoContent;");
            }
            else
            {
                Line("            context.Response.StatusCode = StatusCodes.Status200OK;");
            }

            Line("            return;");
            Line("        }");
            Line();
            if (!Adoption)
            {
                Line($"        if (context.Request.Path.Equals(\"/api/m{m}/health\", StringComparison.OrdinalIgnoreCase))");
                Line("        {");
                Line("            context.Response.StatusCode = 200;");
                Line("            await context.Response.WriteAsync(\"ok\");");
                Line("            return;");
                Line("        }");
                Line();
            }
            Line("        var stopwatch = Stopwatch.StartNew();");
            Line("        await _next(context);");
            Line("        var elapsed = stopwatch.Elapsed.TotalMilliseconds.ToString(\"0.0\", CultureInfo.InvariantCulture);");
            Line("        Debug.WriteLine(context.Request.Path + \" took \" + elapsed + \" ms\");");
            Line("    }");
            Line("}");
            return End($"Module{m}/Module{m}Middleware.cs");
        }

        private GeneratedFile Client(int m)
        {
            if (Adoption)
            {
                return BearerForbiddenClient(m);
            }

            Begin();
            FileHeader(m);
            Line($"public sealed class Module{m}Client");
            Line("{");
            Line("    private readonly HttpClient _http;");
            Line("    private readonly string _apiKey;");
            Line();
            Line($"    public Module{m}Client(HttpClient http, string apiKey)");
            Line("    {");
            Line("        _http = http;");
            Line("        _apiKey = apiKey;");
            Line("        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", _apiKey);");
            Line("    }");
            Line();
            Line("    public async Task<string?> GetAsync(int id, CancellationToken cancellationToken)");
            Line("    {");
            Line($"        using var request = new HttpRequestMessage(HttpMethod.Get, \"api/m{m}/items/\" + id.ToString(CultureInfo.InvariantCulture));");
            if (Break())
            {
                Count("EC0003", "Headers.Add(\"Authorization\", key) (no scheme)");
                Line("        request.Headers.Add(\"Authorization\", _apiKey);");
            }
            else
            {
                Line("        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", _apiKey);");
            }

            Line("        using var response = await _http.SendAsync(request, cancellationToken);");
            Line("        if (response.StatusCode == HttpStatusCode.NotFound)");
            Line("        {");
            Line("            return null;");
            Line("        }");
            Line();
            Line("        response.EnsureSuccessStatusCode();");
            Line("        return await response.Content.ReadAsStringAsync(cancellationToken);");
            Line("    }");
            Line();
            Line("    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)");
            Line("    {");
            Line($"        using var request = new HttpRequestMessage(HttpMethod.Delete, \"api/m{m}/items/\" + id.ToString(CultureInfo.InvariantCulture));");
            if (Break())
            {
                Count("EC0003", "new AuthenticationHeaderValue(key) (no scheme)");
                Line("        request.Headers.Authorization = new AuthenticationHeaderValue(_apiKey);");
            }
            else
            {
                Line("        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", _apiKey);");
            }

            Line("        using var response = await _http.SendAsync(request, cancellationToken);");
            Line("        return response.IsSuccessStatusCode;");
            Line("    }");
            Line("}");
            return End($"Module{m}/Module{m}Client.cs");
        }

        private GeneratedFile GenerateProgram(int modules)
        {
            if (Adoption)
            {
                return AdoptionProgram(modules);
            }

            Begin();
            Line("using Microsoft.AspNetCore.Builder;");
            Line("using Microsoft.Extensions.DependencyInjection;");
            Line();
            Line("var builder = WebApplication.CreateBuilder(args);");
            // [ApiController] controllers with no ApiBehaviorOptions: EC0004 twice at this call (automatic 400
            // ValidationProblemDetails, and ProblemDetails for bodyless 4xx results).
            Line("builder.Services.AddControllers();");
            Count("EC0004", "AddControllers() with [ApiController] and no ApiBehaviorOptions: invalid model state");
            Count("EC0004", "AddControllers() with [ApiController] and no ApiBehaviorOptions: client error mapping");
            for (var m = 1; m <= modules; m++)
            {
                Line($"builder.Services.AddSingleton<{SampleNamespace}.Module{m}.Item{m}Service>();");
            }

            Line("var app = builder.Build();");
            for (var m = 1; m <= modules; m++)
            {
                Line($"app.UseMiddleware<{SampleNamespace}.Module{m}.Module{m}Middleware>();");
                Line($"{SampleNamespace}.Module{m}.Module{m}Endpoints.Map(app);");
                Line($"{SampleNamespace}.Module{m}.Module{m}Endpoints.MapOrders(app);");
            }

            Line("app.MapControllers();");
            Line("app.Run();");
            return End("Program.cs");
        }
    }
}
