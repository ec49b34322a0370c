using System;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>
    /// Finds the project's <c>errorcontract.json</c> among its additional files and parses it once per
    /// distinct content (the parse is cached, so every compilation and every analyzer shares it).
    /// </summary>
    internal static class ContractLoader
    {
        private const int CacheSize = 16;
        private static readonly object Gate = new object();
        private static readonly string?[] CachedTexts = new string?[CacheSize];
        private static readonly ContractParseResult?[] CachedResults = new ContractParseResult?[CacheSize];
        private static int nextSlot;

        public static bool IsContractFile(AdditionalText file)
        {
            return string.Equals(Path.GetFileName(file.Path), ContractParser.FileName, StringComparison.OrdinalIgnoreCase);
        }

        public static ImmutableArray<AdditionalText> FindContractFiles(ImmutableArray<AdditionalText> files)
        {
            var builder = ImmutableArray.CreateBuilder<AdditionalText>();
            foreach (var file in files)
            {
                if (IsContractFile(file))
                {
                    builder.Add(file);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>The single valid contract of the project, or null (none, several, or invalid).</summary>
        public static ErrorContractModel? Load(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
        {
            var contractFiles = FindContractFiles(files);
            if (contractFiles.Length != 1)
            {
                return null;
            }

            return Parse(contractFiles[0], cancellationToken)?.Contract;
        }

        public static ContractParseResult? Parse(AdditionalText file, CancellationToken cancellationToken)
        {
            var sourceText = file.GetText(cancellationToken);
            if (sourceText == null)
            {
                return null;
            }

            return Parse(sourceText.ToString());
        }

        public static ContractParseResult Parse(string text)
        {
            lock (Gate)
            {
                for (var i = 0; i < CacheSize; i++)
                {
                    if (CachedTexts[i] is string cached && string.Equals(cached, text, StringComparison.Ordinal))
                    {
                        return CachedResults[i]!;
                    }
                }
            }

            var result = ContractParser.Parse(text);
            lock (Gate)
            {
                CachedTexts[nextSlot] = text;
                CachedResults[nextSlot] = result;
                nextSlot = (nextSlot + 1) % CacheSize;
            }

            return result;
        }
    }
}
