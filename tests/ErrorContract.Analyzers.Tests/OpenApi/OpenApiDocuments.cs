namespace ErrorContract.Analyzers.Tests.OpenApi
{
    /// <summary>OpenAPI documents the tests read: a small Artworks API written first, as an API-first team commits it.</summary>
    internal static class OpenApiDocuments
    {
        public const string Path = "/0/openapi.json";

        /// <summary>GET/POST /artworks, GET/DELETE /artworks/{id}, a 4XX range and a default response.</summary>
        public const string Artworks = """
{
  "openapi": "3.0.1",
  "info": { "title": "Artworks API", "version": "1.0" },
  "paths": {
    "/artworks": {
      "get": { "responses": { "200": { "description": "The artworks" } } },
      "post": { "responses": { "201": { "description": "Created" }, "400": { "description": "Invalid" }, "409": { "description": "Exists" } } }
    },
    "/artworks/{id}": {
      "parameters": [ { "name": "id", "in": "path", "required": true } ],
      "get": { "operationId": "GetArtwork", "responses": { "200": { "description": "The artwork" }, "4XX": { "description": "Client error" } } },
      "delete": { "responses": { "204": { "description": "Deleted" }, "default": { "description": "Error" } } }
    }
  }
}
""";
    }
}
