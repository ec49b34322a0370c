using System;
using System.IO;

namespace ErrorContract.Analyzers.Tests.Infrastructure
{
    /// <summary>The two seed contracts, read from the files the package ships as samples.</summary>
    public static class TestContracts
    {
        /// <summary>Contract A (seed 000): the Artworks API. Success statuses restricted, Bearer required.</summary>
        public static string Artworks => Read("artworks");

        /// <summary>Contract B (seed 004): the Studio API. Error statuses only, Bearer forbidden.</summary>
        public static string Studio => Read("studio");

        public static string Get(string name) => name switch
        {
            "artworks" => Artworks,
            "studio" => Studio,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown seed contract"),
        };

        private static string Read(string name)
        {
            return File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "contracts", name, "errorcontract.json"));
        }
    }
}
