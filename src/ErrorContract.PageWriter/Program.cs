using System;
using System.IO;
using System.Text;
using ErrorContract.Analyzers.Contract;

namespace ErrorContract.PageWriter
{
    /// <summary>
    /// <c>ErrorContract.PageWriter &lt;errorcontract.json&gt; &lt;page.md&gt;</c>: writes the page the contract generates
    /// (<see cref="ErrorPage"/>). Exit code 0 when the page is written or already up to date, 1 when the contract cannot be read
    /// (each problem printed as <c>file(line,column): error EC0000: …</c>, as the build prints it), 2 for wrong arguments.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: ErrorContract.PageWriter <errorcontract.json> <page.md>");
                return 2;
            }

            return Write(args[0], args[1], Console.Out, Console.Error);
        }

        /// <summary>Writes the page of <paramref name="contractPath"/> to <paramref name="pagePath"/> (only when it differs).</summary>
        public static int Write(string contractPath, string pagePath, TextWriter output, TextWriter errors)
        {
            if (!File.Exists(contractPath))
            {
                errors.WriteLine(contractPath + ": error EC0000: the contract file does not exist");
                return 1;
            }

            var result = ContractParser.Parse(File.ReadAllText(contractPath));
            if (result.Contract == null)
            {
                foreach (var error in result.Errors)
                {
                    errors.WriteLine(contractPath + "(" + (error.Line + 1) + "," + (error.Column + 1) + "): error EC0000: " + error.Message);
                }

                return 1;
            }

            var page = ErrorPage.Render(result.Contract, Path.GetFileName(contractPath));
            if (File.Exists(pagePath) && ErrorPage.Normalize(File.ReadAllText(pagePath)) == ErrorPage.Normalize(page))
            {
                output.WriteLine(pagePath + " is up to date with " + contractPath);
                return 0;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(pagePath));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(pagePath, page, new UTF8Encoding(false));
            output.WriteLine("wrote " + pagePath + " from " + contractPath);
            return 0;
        }
    }
}
