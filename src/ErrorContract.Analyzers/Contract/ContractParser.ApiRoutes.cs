using System.Collections.Immutable;
using ErrorContract.Analyzers.Contract.OpenApi;

namespace ErrorContract.Analyzers.Contract
{
    public static partial class ContractParser
    {
        private sealed partial class Mapper
        {
            /// <summary>
            /// <c>"apiRoutes": ["/v1/**", "/api/**"]</c>: the routes that are the API. Each is a route pattern whose segments may be
            /// <c>*</c> (one segment) or <c>**</c> (any number of segments).
            /// </summary>
            private ImmutableArray<string> MapApiRoutes(JsonProperty property)
            {
                if (property.Value is not JsonArray array)
                {
                    Error("'apiRoutes' must be an array of route patterns, such as [\"/v1/**\", \"/api/**\"], not " + Describe(property.Value), property.Value);
                    return ImmutableArray<string>.Empty;
                }

                if (array.Items.Count == 0)
                {
                    Error("'apiRoutes' is empty; list the routes that are the API, such as [\"/v1/**\"], or remove it to judge every route", array);
                    return ImmutableArray<string>.Empty;
                }

                var builder = ImmutableArray.CreateBuilder<string>();
                foreach (var item in array.Items)
                {
                    if (item is not JsonString pattern)
                    {
                        Error("each item of 'apiRoutes' must be a string (a route pattern such as \"/v1/**\"), not " + Describe(item), item);
                        continue;
                    }

                    var problem = RouteGlob.Validate(pattern.Value);
                    if (problem != null)
                    {
                        Error("the API route pattern \"" + Shorten(pattern.Value) + "\" " + problem, item);
                        continue;
                    }

                    if (builder.Contains(pattern.Value))
                    {
                        Error("'apiRoutes' lists \"" + Shorten(pattern.Value) + "\" twice; list each pattern once", item);
                        continue;
                    }

                    builder.Add(pattern.Value);
                }

                return builder.ToImmutable();
            }
        }
    }
}
