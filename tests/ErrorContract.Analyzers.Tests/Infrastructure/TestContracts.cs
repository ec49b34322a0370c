using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ErrorContract.Analyzers.Tests.Infrastructure
{
    /// <summary>The sample contracts (the two seeds and the others), read from the files the package ships as samples.</summary>
    public static class TestContracts
    {
        /// <summary>Contract A (seed 000): the Artworks API. Success statuses restricted, Bearer required.</summary>
        public static string Artworks => Read("artworks");

        /// <summary>Contract B (seed 004): the Studio API. Error statuses only, Bearer forbidden.</summary>
        public static string Studio => Read("studio");

        /// <summary>
        /// The name of every sample contract shipped under <c>samples/contracts</c>, in order: a test that takes them all
        /// covers a contract added later without being edited.
        /// </summary>
        public static IReadOnlyList<string> Names { get; } = Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "contracts"))
            .Where(d => File.Exists(Path.Combine(d, "errorcontract.json")))
            .Select(Path.GetFileName)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray()!;

        /// <summary><see cref="Names"/> as theory data.</summary>
        public static IEnumerable<object[]> All => Names.Select(n => new object[] { n });

        /// <summary>A sample contract by its folder under <c>samples/contracts</c> (<c>artworks</c>, <c>studio</c>, …).</summary>
        public static string Get(string name)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "contracts", name, "errorcontract.json");
            if (!File.Exists(path))
            {
                throw new ArgumentOutOfRangeException(nameof(name), name, "no sample contract samples/contracts/" + name + "/errorcontract.json");
            }

            return File.ReadAllText(path);
        }

        private static string Read(string name) => Get(name);
    }
}
