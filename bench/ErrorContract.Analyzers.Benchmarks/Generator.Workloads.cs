using System;
using System.Collections.Generic;
using System.Linq;

namespace ErrorContract.Analyzers.Benchmarks
{
    /// <summary>What kind of project the <see cref="Generator"/> writes.</summary>
    public enum GeneratorMode
    {
        /// <summary>The growth workload's API (the sizes): about one response or header line in three breaks the contract.</summary>
        Standard,

        /// <summary>
        /// First adoption (issue 18): the build right after <c>dotnet add package</c>, most endpoints still off-contract.
        /// Every response or header line breaks the contract with probability <see cref="Generator.AdoptionBreakProbability"/>,
        /// the code is dense (global usings, a thin service), and the contract is A with Bearer forbidden
        /// (<see cref="Generator.BearerForbiddenContract"/>), so that every source rule EC0001-EC0008 has violations.
        /// </summary>
        FirstAdoption,
    }

    /// <summary>The workloads of issue 18: first adoption, generated-heavy (and its generated files).</summary>
    public sealed partial class Generator
    {
        /// <summary>
        /// Contract A (<c>samples/contracts/artworks</c>) with <c>"bearer": "forbidden"</c>: the first-adoption workload's contract,
        /// under which the Bearer scheme the generated clients send is EC0003 and <c>AddBearerToken()</c> is EC0008.
        /// </summary>
        public static string BearerForbiddenContract(string contractA)
        {
            const string required = "\"bearer\": \"required\"";
            if (!contractA.Contains(required, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("contract A no longer says " + required + ": update Generator.BearerForbiddenContract");
            }

            return contractA.Replace(required, "\"bearer\": \"forbidden\"", StringComparison.Ordinal);
        }

        /// <summary>
        /// First adoption: <paramref name="modules"/> modules (each a controller of 10 actions, minimal-API endpoints, a
        /// middleware, an HttpClient client, DTOs and a thin service), global usings, and a Program.cs that registers every
        /// framework default the contract rules know (EC0004-EC0008).
        /// </summary>
        public List<GeneratedFile> GenerateAdoptionProject(int modules)
        {
            if (!Adoption)
            {
                throw new InvalidOperationException("a first-adoption project needs a generator in GeneratorMode.FirstAdoption");
            }

            var files = new List<GeneratedFile> { GlobalUsings() };
            for (var m = 1; m <= modules; m++)
            {
                files.AddRange(GenerateModule(m));
            }

            files.Add(GenerateProgram(modules));
            return files;
        }

        /// <summary>
        /// Generated-heavy: an API of the standard modules (about 30% of <paramref name="targetLines"/>) whose Program.cs
        /// registers a rate limiter (options assigned), ProblemDetails, status-code pages and an [ApiController] configuration,
        /// then generated files (flagged <see cref="GeneratedFile.Generated"/>) until the project has
        /// <paramref name="targetLines"/> lines: EF Core-like migration designer files, each with the whole model so far, and a
        /// model snapshot (<c>// &lt;auto-generated /&gt;</c>), <c>*.g.cs</c> API clients, and protobuf-like message classes
        /// under an <c>&lt;auto-generated&gt;</c> comment header. EF Core is not referenced: the generated files bring stub
        /// types of their own (<c>EfCoreStubs.g.cs</c>). The hand-written files never use a generated type, so the project
        /// compiles without its generated files too.
        /// </summary>
        public List<GeneratedFile> GenerateGeneratedHeavyProject(int targetLines)
        {
            var files = new List<GeneratedFile>();
            var apiTarget = (int)(targetLines * 0.3);
            var lines = 0;
            var module = 0;
            while (lines < apiTarget)
            {
                module++;
                foreach (var file in GenerateModule(module))
                {
                    files.Add(file);
                    lines += file.Lines;
                }
            }

            var program = GeneratedHeavyProgram(module);
            files.Add(program);
            lines += program.Lines;

            var stubs = EfCoreStubs();
            files.Add(stubs);
            lines += stubs.Lines;
            var entities = new List<EntityModel>();
            for (var migration = 1; lines < targetLines; migration++)
            {
                // A migration adds two or three entities (until 150), and its designer file repeats the whole model so far.
                for (var i = 0; i < 2 + (migration % 2) && entities.Count < 150; i++)
                {
                    entities.Add(NewEntity(entities.Count + 1));
                }

                var designer = MigrationDesigner(migration, entities);
                files.Add(designer);
                lines += designer.Lines;
                if (migration % 3 == 0)
                {
                    var client = GeneratedClient(migration / 3, Math.Max(1, (migration / 3 % module) + 1));
                    var messages = ProtoMessages(migration / 3);
                    files.Add(client);
                    files.Add(messages);
                    lines += client.Lines + messages.Lines;
                }
            }

            files.Add(ModelSnapshot(entities));
            return files;
        }

        private GeneratedFile GlobalUsings()
        {
            Begin();
            foreach (var ns in new[]
            {
                "System", "System.Collections.Generic", "System.Diagnostics", "System.Globalization", "System.Linq", "System.Net", "System.Net.Http",
                "System.Net.Http.Headers", "System.Text", "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder",
                "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Http.HttpResults", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Routing",
            })
            {
                Line($"global using {ns};");
            }

            return End("GlobalUsings.cs");
        }

        /// <summary>First adoption's service: what the controller and endpoints call, and nothing else.</summary>
        private GeneratedFile ThinService(int m)
        {
            Begin();
            FileHeader(m);
            Raw($$"""
                public sealed class Item{{m}}Service
                {
                    private readonly List<Item{{m}}Dto> _items = new();
                    private int _nextId = 1;

                    public Item{{m}}Dto? Find(int id) => _items.FirstOrDefault(i => i.Id == id);

                    public bool Exists(string name) => _items.Any(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));

                    public Item{{m}}Dto Add(string name, decimal price, string? tags = null)
                    {
                        var item = new Item{{m}}Dto(_nextId++, name.Trim(), price, DateTime.UtcNow, (tags ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries));
                        _items.Add(item);
                        return item;
                    }

                    public Item{{m}}Dto? Update(int id, string? name, decimal price)
                    {
                        var index = _items.FindIndex(i => i.Id == id);
                        if (index < 0)
                        {
                            return null;
                        }

                        _items[index] = _items[index] with { Name = name ?? _items[index].Name, Price = price };
                        return _items[index];
                    }

                    public bool Remove(int id) => _items.RemoveAll(i => i.Id == id) > 0;

                    public async Task<Item{{m}}Dto> RecomputeAsync(int id, CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        cancellationToken.ThrowIfCancellationRequested();
                        return Find(id) ?? throw new InvalidOperationException("Item " + id + " is missing");
                    }

                    public IReadOnlyList<Item{{m}}Summary> Summaries() =>
                        _items.GroupBy(i => i.Name.Length == 0 ? "?" : i.Name.Substring(0, 1)).Select(g => new Item{{m}}Summary(g.Key, g.Count(), g.Sum(i => i.Price))).ToList();

                    public Page{{m}}<Item{{m}}Dto> Page(int page, int pageSize, string? query)
                    {
                        var filtered = _items.Where(i => string.IsNullOrEmpty(query) || i.Name.Contains(query, StringComparison.OrdinalIgnoreCase)).ToList();
                        return new Page{{m}}<Item{{m}}Dto>(filtered.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, filtered.Count);
                    }
                }
                """);
            return End($"Module{m}/Item{m}Service.cs");
        }

        /// <summary>First adoption's client, under the Bearer-forbidden contract: the Bearer scheme is the violation.</summary>
        private GeneratedFile BearerForbiddenClient(int m)
        {
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
            if (Break())
            {
                Count("EC0003", "new AuthenticationHeaderValue(\"Bearer\", key) (Bearer forbidden)");
                Line("        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", _apiKey);");
            }
            else
            {
                Line("        _http.DefaultRequestHeaders.TryAddWithoutValidation(\"Authorization\", _apiKey);");
            }

            Line("    }");
            Line();
            Line("    public async Task<string?> GetAsync(int id, CancellationToken cancellationToken)");
            Line("    {");
            Line($"        using var request = new HttpRequestMessage(HttpMethod.Get, \"api/m{m}/items/\" + id.ToString(CultureInfo.InvariantCulture));");
            if (Break())
            {
                Count("EC0003", "Headers.Add(\"Authorization\", \"Bearer \" + key) (Bearer forbidden)");
                Line("        request.Headers.Add(\"Authorization\", \"Bearer \" + _apiKey);");
            }
            else
            {
                Line("        request.Headers.Add(\"Authorization\", _apiKey);");
            }

            Line("        using var response = await _http.SendAsync(request, cancellationToken);");
            Line("        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadAsStringAsync(cancellationToken);");
            Line("    }");
            Line();
            Line("    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)");
            Line("    {");
            Line($"        using var request = new HttpRequestMessage(HttpMethod.Delete, \"api/m{m}/items/\" + id.ToString(CultureInfo.InvariantCulture));");
            if (Break())
            {
                Count("EC0003", "new AuthenticationHeaderValue(\"Bearer\", key) (Bearer forbidden)");
                Line("        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", _apiKey);");
            }
            else
            {
                Line("        request.Headers.TryAddWithoutValidation(\"Authorization\", _apiKey);");
            }

            Line("        using var response = await _http.SendAsync(request, cancellationToken);");
            Line("        return response.IsSuccessStatusCode;");
            Line("    }");
            Line("}");
            return End($"Module{m}/Module{m}Client.cs");
        }

        /// <summary>First adoption's Program.cs: every framework default of EC0004-EC0008 left as the templates leave it.</summary>
        private GeneratedFile AdoptionProgram(int modules)
        {
            Begin();
            Line("using Microsoft.AspNetCore.RateLimiting;");
            Line("using Microsoft.Extensions.DependencyInjection;");
            Line();
            Line("var builder = WebApplication.CreateBuilder(args);");
            Line("builder.Services.AddControllers();");
            Count("EC0004", "AddControllers() with [ApiController] and no ApiBehaviorOptions: invalid model state");
            Count("EC0004", "AddControllers() with [ApiController] and no ApiBehaviorOptions: client error mapping");
            Line("builder.Services.AddProblemDetails();");
            Count("EC0005", "AddProblemDetails()");
            Line("builder.Services.AddRequestTimeouts(options => options.AddPolicy(\"slow\", TimeSpan.FromSeconds(30)));");
            Count("EC0006", "AddRequestTimeouts() with no TimeoutStatusCode (504)");
            Line("builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter(\"api\", limiter =>");
            Line("{");
            Line("    limiter.PermitLimit = 100;");
            Line("    limiter.Window = TimeSpan.FromMinutes(1);");
            Line("}));");
            Count("EC0007", "AddRateLimiter() with no RejectionStatusCode");
            Count("EC0007", "AddRateLimiter() with no OnRejected");
            Line("builder.Services.AddAuthentication().AddBearerToken();");
            Count("EC0008", "AddBearerToken() (Bearer forbidden)");
            for (var m = 1; m <= modules; m++)
            {
                Line($"builder.Services.AddSingleton<{SampleNamespace}.Module{m}.Item{m}Service>();");
            }

            Line("var app = builder.Build();");
            Line("app.UseDeveloperExceptionPage();");
            Count("EC0005", "UseDeveloperExceptionPage() outside IsDevelopment()");
            Line("app.UseExceptionHandler();");
            Count("EC0005", "UseExceptionHandler() without a handler");
            Line("app.UseStatusCodePages();");
            Count("EC0005", "UseStatusCodePages() without a handler");
            Line("app.UseRateLimiter();");
            Line("app.UseRequestTimeouts();");
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

        /// <summary>
        /// Generated-heavy's Program.cs: a rate limiter with its options assigned as the contract says (no EC0007; the 429's
        /// X-RateLimit-Reset header is set, no EC0010), an
        /// [ApiController] configuration that answers with the contract's body (no EC0004), and AddProblemDetails() and
        /// UseStatusCodePages() (EC0005 each: contract A's body is not ProblemDetails).
        /// </summary>
        private GeneratedFile GeneratedHeavyProgram(int modules)
        {
            Begin();
            Raw("""
                using System;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.RateLimiting;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers().ConfigureApiBehaviorOptions(options =>
                {
                    options.InvalidModelStateResponseFactory = context => new BadRequestObjectResult(new
                    {
                        error = "bad_request",
                        message = "Invalid input or missing required fields",
                    });
                    options.SuppressMapClientErrors = true;
                });
                builder.Services.AddProblemDetails();
                builder.Services.AddRateLimiter(options =>
                {
                    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                    options.OnRejected = async (context, token) =>
                    {
                        context.HttpContext.Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds().ToString();
                        await context.HttpContext.Response.WriteAsJsonAsync(new
                        {
                            error = "rate_limited",
                            message = "Rate limit exceeded. Try again after the reset time.",
                            retry_after = 60,
                        }, token);
                    };
                    options.AddFixedWindowLimiter("api", limiter =>
                    {
                        limiter.PermitLimit = 100;
                        limiter.Window = TimeSpan.FromMinutes(1);
                    });
                });
                """);
            Count("EC0005", "AddProblemDetails()");
            for (var m = 1; m <= modules; m++)
            {
                Line($"builder.Services.AddSingleton<{SampleNamespace}.Module{m}.Item{m}Service>();");
            }

            Line("var app = builder.Build();");
            Line("app.UseStatusCodePages();");
            Count("EC0005", "UseStatusCodePages() without a handler");
            Line("app.UseRateLimiter();");
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

        private void Raw(string block)
        {
            text.Append(block.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n')).Append('\n');
        }

        private GeneratedFile EndGenerated(string path)
        {
            var file = End(path);
            return file with { Generated = true };
        }

        private sealed record EntityModel(int Id, List<(string Name, string Type, string Column, bool Required, int MaxLength)> Properties);

        private static readonly (string Type, string Column)[] ColumnTypes =
        {
            ("string", "nvarchar(200)"), ("int", "int"), ("decimal", "decimal(18,2)"), ("DateTime", "datetime2"), ("bool", "bit"), ("Guid", "uniqueidentifier"), ("string", "nvarchar(max)"), ("long", "bigint"),
        };

        private EntityModel NewEntity(int id)
        {
            var properties = new List<(string, string, string, bool, int)> { ("Id", "int", "int", true, 0) };
            var count = 5 + random.Next(8);
            for (var p = 1; p <= count; p++)
            {
                var (type, column) = ColumnTypes[random.Next(ColumnTypes.Length)];
                properties.Add(("Field" + p, type, column, random.Next(2) == 0, column == "nvarchar(200)" ? 200 : 0));
            }

            if (id > 1)
            {
                properties.Add(("ParentId", "int", "int", true, 0));
            }

            return new EntityModel(id, properties);
        }

        private void EntityModelCode(IEnumerable<EntityModel> entities)
        {
            var list = entities.ToList();
            foreach (var entity in list)
            {
                Line($"            modelBuilder.Entity(\"Bench.Data.Entity{entity.Id}\", b =>");
                Line("                {");
                foreach (var (name, type, column, required, maxLength) in entity.Properties)
                {
                    Line($"                    b.Property<{type}>(\"{name}\")");
                    if (name == "Id")
                    {
                        Line("                        .ValueGeneratedOnAdd()");
                    }

                    if (required && type == "string")
                    {
                        Line("                        .IsRequired()");
                    }

                    if (maxLength > 0)
                    {
                        Line($"                        .HasMaxLength({maxLength})");
                    }

                    if (type == "decimal")
                    {
                        Line("                        .HasPrecision(18, 2)");
                    }

                    Line($"                        .HasColumnType(\"{column}\");");
                    Line();
                }

                Line("                    b.HasKey(\"Id\");");
                Line();
                if (entity.Id > 1)
                {
                    Line("                    b.HasIndex(\"ParentId\");");
                    Line();
                }

                Line($"                    b.ToTable(\"Entity{entity.Id}s\");");
                Line("                });");
                Line();
            }

            foreach (var entity in list.Where(e => e.Id > 1))
            {
                Line($"            modelBuilder.Entity(\"Bench.Data.Entity{entity.Id}\", b =>");
                Line("                {");
                Line($"                    b.HasOne(\"Bench.Data.Entity{entity.Id - 1}\", \"Parent\")");
                Line("                        .WithMany(\"Children\")");
                Line("                        .HasForeignKey(\"ParentId\")");
                Line("                        .OnDelete(DeleteBehavior.Cascade)");
                Line("                        .IsRequired();");
                Line();
                Line("                    b.Navigation(\"Parent\");");
                Line("                });");
                Line();
            }
        }

        private GeneratedFile EfCoreStubs()
        {
            Begin();
            Raw("""
                // <auto-generated />
                // Stand-ins for the EF Core types that migration designer files and model snapshots use (the benchmark references
                // only the framework's reference packs).
                #nullable enable
                using System;

                namespace Bench.Data.Infrastructure
                {
                    [AttributeUsage(AttributeTargets.Class)]
                    public sealed class DbContextAttribute : Attribute
                    {
                        public DbContextAttribute(Type contextType) => ContextType = contextType;

                        public Type ContextType { get; }
                    }

                    [AttributeUsage(AttributeTargets.Class)]
                    public sealed class MigrationAttribute : Attribute
                    {
                        public MigrationAttribute(string id) => Id = id;

                        public string Id { get; }
                    }

                    public abstract class Migration
                    {
                        protected virtual void BuildTargetModel(ModelBuilder modelBuilder)
                        {
                        }
                    }

                    public abstract class ModelSnapshot
                    {
                        protected abstract void BuildModel(ModelBuilder modelBuilder);
                    }

                    public sealed class BenchDbContext
                    {
                    }

                    public enum DeleteBehavior
                    {
                        Cascade,
                        Restrict,
                        SetNull,
                    }

                    public sealed class ModelBuilder
                    {
                        public ModelBuilder HasAnnotation(string name, object? value) => this;

                        public ModelBuilder Entity(string name, Action<EntityTypeBuilder> buildAction)
                        {
                            buildAction(new EntityTypeBuilder(name));
                            return this;
                        }
                    }

                    public sealed class EntityTypeBuilder
                    {
                        public EntityTypeBuilder(string name) => Name = name;

                        public string Name { get; }

                        public PropertyBuilder Property<TProperty>(string propertyName) => new PropertyBuilder(propertyName, typeof(TProperty));

                        public KeyBuilder HasKey(params string[] propertyNames) => new KeyBuilder();

                        public IndexBuilder HasIndex(params string[] propertyNames) => new IndexBuilder();

                        public EntityTypeBuilder ToTable(string name) => this;

                        public ReferenceBuilder HasOne(string relatedTypeName, string? navigationName) => new ReferenceBuilder();

                        public EntityTypeBuilder Navigation(string navigationName) => this;
                    }

                    public sealed class PropertyBuilder
                    {
                        public PropertyBuilder(string name, Type clrType)
                        {
                            Name = name;
                            ClrType = clrType;
                        }

                        public string Name { get; }

                        public Type ClrType { get; }

                        public PropertyBuilder ValueGeneratedOnAdd() => this;

                        public PropertyBuilder IsRequired() => this;

                        public PropertyBuilder HasMaxLength(int maxLength) => this;

                        public PropertyBuilder HasPrecision(int precision, int scale) => this;

                        public PropertyBuilder HasColumnType(string typeName) => this;
                    }

                    public sealed class KeyBuilder
                    {
                        public KeyBuilder HasName(string name) => this;
                    }

                    public sealed class IndexBuilder
                    {
                        public IndexBuilder IsUnique() => this;
                    }

                    public sealed class ReferenceBuilder
                    {
                        public ReferenceBuilder WithMany(string? navigationName) => this;

                        public ReferenceBuilder HasForeignKey(params string[] propertyNames) => this;

                        public ReferenceBuilder OnDelete(DeleteBehavior behavior) => this;

                        public ReferenceBuilder IsRequired() => this;
                    }
                }
                """);
            return EndGenerated("Data/EfCoreStubs.g.cs");
        }

        /// <summary>An EF Core migration designer file: the whole model as of that migration, as EF writes it.</summary>
        private GeneratedFile MigrationDesigner(int migration, List<EntityModel> entities)
        {
            var id = $"2024{1 + (migration / 28 % 12):00}{1 + (migration % 28):00}{migration % 24:00}0000_Migration{migration}";
            Begin();
            Line("// <auto-generated />");
            Line("using System;");
            Line("using Bench.Data.Infrastructure;");
            Line();
            Line("#nullable disable");
            Line();
            Line("namespace Bench.Data.Migrations");
            Line("{");
            Line("    [DbContext(typeof(BenchDbContext))]");
            Line($"    [Migration(\"{id}\")]");
            Line($"    partial class Migration{migration} : Migration");
            Line("    {");
            Line("        /// <inheritdoc />");
            Line("        protected override void BuildTargetModel(ModelBuilder modelBuilder)");
            Line("        {");
            Line("#pragma warning disable 612, 618");
            Line("            modelBuilder");
            Line("                .HasAnnotation(\"ProductVersion\", \"8.0.4\")");
            Line("                .HasAnnotation(\"Relational:MaxIdentifierLength\", 128);");
            Line();
            EntityModelCode(entities);
            Line("#pragma warning restore 612, 618");
            Line("        }");
            Line("    }");
            Line("}");
            return EndGenerated($"Data/Migrations/{id}.Designer.cs");
        }

        /// <summary>The model snapshot: generated (its header says so), its name is an ordinary <c>.cs</c>.</summary>
        private GeneratedFile ModelSnapshot(List<EntityModel> entities)
        {
            Begin();
            Line("// <auto-generated />");
            Line("using System;");
            Line("using Bench.Data.Infrastructure;");
            Line();
            Line("#nullable disable");
            Line();
            Line("namespace Bench.Data.Migrations");
            Line("{");
            Line("    [DbContext(typeof(BenchDbContext))]");
            Line("    partial class BenchDbContextModelSnapshot : ModelSnapshot");
            Line("    {");
            Line("        protected override void BuildModel(ModelBuilder modelBuilder)");
            Line("        {");
            Line("#pragma warning disable 612, 618");
            Line("            modelBuilder");
            Line("                .HasAnnotation(\"ProductVersion\", \"8.0.4\")");
            Line("                .HasAnnotation(\"Relational:MaxIdentifierLength\", 128);");
            Line();
            EntityModelCode(entities);
            Line("#pragma warning restore 612, 618");
            Line("        }");
            Line("    }");
            Line("}");
            return EndGenerated("Data/Migrations/BenchDbContextModelSnapshot.cs");
        }

        /// <summary>
        /// An NSwag-like API client (<c>*.g.cs</c>). It sends the key without the Bearer scheme, which contract A calls EC0003
        /// in hand-written code: in generated code the EC analyzers run no callback and report nothing (none is counted).
        /// </summary>
        private GeneratedFile GeneratedClient(int n, int module)
        {
            Begin();
            Raw($$"""
                //----------------------
                // <auto-generated>
                //     Generated using the NSwag toolchain v14.0.7.0 (http://NSwag.org)
                // </auto-generated>
                //----------------------
                #nullable enable

                namespace Bench.Generated.Clients
                {
                    [System.CodeDom.Compiler.GeneratedCode("NSwag", "14.0.7.0")]
                    public partial class Service{{n}}ApiClient
                    {
                        private readonly System.Net.Http.HttpClient _httpClient;
                        private readonly string _apiKey;

                        public Service{{n}}ApiClient(System.Net.Http.HttpClient httpClient, string apiKey)
                        {
                            _httpClient = httpClient;
                            _apiKey = apiKey;
                        }

                        private void PrepareRequest(System.Net.Http.HttpRequestMessage request)
                        {
                            request.Headers.Accept.Add(System.Net.Http.Headers.MediaTypeWithQualityHeaderValue.Parse("application/json"));
                            request.Headers.Add("Authorization", _apiKey);
                        }
                """);
            for (var op = 1; op <= 8; op++)
            {
                Raw($$"""

                            /// <summary>GET api/m{{module}}/items/{id}/v{{op}}</summary>
                            public virtual async System.Threading.Tasks.Task<string> GetItem{{op}}Async(int id, System.Threading.CancellationToken cancellationToken = default)
                            {
                                using (var request_ = new System.Net.Http.HttpRequestMessage())
                                {
                                    request_.Method = new System.Net.Http.HttpMethod("GET");
                                    request_.RequestUri = new System.Uri("api/m{{module}}/items/" + System.Uri.EscapeDataString(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "/v{{op}}", System.UriKind.Relative);
                                    PrepareRequest(request_);
                                    var response_ = await _httpClient.SendAsync(request_, System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                                    try
                                    {
                                        var status_ = (int)response_.StatusCode;
                                        if (status_ == 200)
                                        {
                                            return await response_.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                                        }

                                        var responseText_ = await response_.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                                        throw new System.InvalidOperationException("The HTTP status code of the response was not expected (" + status_ + "): " + responseText_);
                                    }
                                    finally
                                    {
                                        response_.Dispose();
                                    }
                                }
                            }
                    """);
            }

            Line("    }");
            Line("}");
            return EndGenerated($"Generated/Clients/Service{n}ApiClient.g.cs");
        }

        /// <summary>Protobuf-like message classes under an <c>&lt;auto-generated&gt;</c> comment header (an ordinary file name).</summary>
        private GeneratedFile ProtoMessages(int n)
        {
            Begin();
            Raw($$"""
                // <auto-generated>
                //     Generated by the protocol buffer compiler.  DO NOT EDIT!
                //     source: service{{n}}.proto
                // </auto-generated>
                #pragma warning disable 1591, 0612, 3021, 8981
                #nullable enable

                namespace Bench.Generated.Protos.Service{{n}}
                {
                """);
            for (var message = 1; message <= 6; message++)
            {
                var name = $"Item{message}Message";
                var fields = new[] { ("Id", "int", "0"), ("Name", "string", "\"\""), ("Price", "double", "0D"), ("Count", "long", "0L"), ("Label", "string", "\"\""), ("Active", "bool", "false") };
                Line($"    public sealed partial class {name} : System.IEquatable<{name}>");
                Line("    {");
                foreach (var (field, type, zero) in fields)
                {
                    var backing = char.ToLowerInvariant(field[0]) + field.Substring(1) + "_";
                    Line($"        private {type} {backing} = {zero};");
                    Line();
                    Line($"        public {type} {field}");
                    Line("        {");
                    Line($"            get {{ return {backing}; }}");
                    Line(type == "string"
                        ? $"            set {{ {backing} = value ?? throw new System.ArgumentNullException(nameof(value)); }}"
                        : $"            set {{ {backing} = value; }}");
                    Line("        }");
                    Line();
                }

                Line($"        public override bool Equals(object? other) => Equals(other as {name});");
                Line();
                Line($"        public bool Equals({name}? other)");
                Line("        {");
                Line("            if (other is null)");
                Line("            {");
                Line("                return false;");
                Line("            }");
                Line();
                Line("            if (ReferenceEquals(other, this))");
                Line("            {");
                Line("                return true;");
                Line("            }");
                Line();
                foreach (var (field, _, _) in fields)
                {
                    Line($"            if ({field} != other.{field}) return false;");
                }

                Line("            return true;");
                Line("        }");
                Line();
                Line("        public override int GetHashCode()");
                Line("        {");
                Line("            int hash = 1;");
                foreach (var (field, type, zero) in fields)
                {
                    Line(type == "string"
                        ? $"            if ({field}.Length != 0) hash ^= {field}.GetHashCode();"
                        : $"            if ({field} != {zero}) hash ^= {field}.GetHashCode();");
                }

                Line("            return hash;");
                Line("        }");
                Line();
                Line("        public int CalculateSize()");
                Line("        {");
                Line("            int size = 0;");
                foreach (var (field, type, zero) in fields)
                {
                    Line(type switch
                    {
                        "string" => $"            if ({field}.Length != 0) size += 1 + System.Text.Encoding.UTF8.GetByteCount({field});",
                        "bool" => $"            if ({field}) size += 2;",
                        "double" => $"            if ({field} != {zero}) size += 9;",
                        _ => $"            if ({field} != {zero}) size += 1 + ComputeVarintSize((long){field});",
                    });
                }

                Line("            return size;");
                Line("        }");
                Line();
                Line("        private static int ComputeVarintSize(long value) => value < 0 ? 10 : value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : 5;");
                Line("    }");
                Line();
            }

            Line("}");
            return EndGenerated($"Generated/Protos/Service{n}.cs");
        }
    }
}
