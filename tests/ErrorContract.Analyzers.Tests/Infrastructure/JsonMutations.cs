using System;
using System.Collections.Generic;
using System.Text;

namespace ErrorContract.Analyzers.Tests.Infrastructure
{
    /// <summary>Mutated copies of a JSON file for the robustness tests of its parser (the contract's, the OpenAPI document's).</summary>
    internal static class JsonMutations
    {
        /// <summary>
        /// <paramref name="rounds"/> copies of <paramref name="text"/>, each with one to five random edits (a character of
        /// <paramref name="alphabet"/> inserted or written over one, or a character deleted), the same for the same seed.
        /// </summary>
        public static IEnumerable<string> Random(string text, int seed, string alphabet, int rounds)
        {
            var random = new Random(seed);
            for (var round = 0; round < rounds; round++)
            {
                var builder = new StringBuilder(text);
                var edits = random.Next(1, 6);
                for (var e = 0; e < edits; e++)
                {
                    var at = random.Next(builder.Length + 1);
                    var c = alphabet[random.Next(alphabet.Length)];
                    switch (random.Next(3))
                    {
                        case 0:
                            builder.Insert(at, c);
                            break;
                        case 1:
                            if (at < builder.Length)
                            {
                                builder[at] = c;
                            }

                            break;
                        default:
                            if (at < builder.Length)
                            {
                                builder.Remove(at, 1);
                            }

                            break;
                    }
                }

                yield return builder.ToString();
            }
        }
    }
}
