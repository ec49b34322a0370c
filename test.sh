#!/usr/bin/env bash
# Runs every test of ErrorContract.Analyzers:
#   1. the unit tests (analyzers, fixes, contract parser), with the Roslyn test framework;
#   2. the end-to-end test (tests/e2e/run.sh): the packed package installed into copies of the
#      samples, built, failed with -warnaserror/.editorconfig, fixed with dotnet format, SARIF.
# Usage: ./test.sh        (from the repository root; needs only the .NET 10 SDK)
#        ./test.sh --unit (unit tests only)
set -euo pipefail
cd "$(dirname "$0")"

echo "== Unit tests (tests/ErrorContract.Analyzers.Tests)"
rm -f tests/ErrorContract.Analyzers.Tests/bin/Debug/net10.0/robustness-summary.txt
dotnet test tests/ErrorContract.Analyzers.Tests/ErrorContract.Analyzers.Tests.csproj --nologo
if [ -f tests/ErrorContract.Analyzers.Tests/bin/Debug/net10.0/robustness-summary.txt ]; then
  cat tests/ErrorContract.Analyzers.Tests/bin/Debug/net10.0/robustness-summary.txt
fi

if [ "${1:-}" = "--unit" ]; then
  exit 0
fi

echo
echo "== End-to-end test (tests/e2e/run.sh)"
tests/e2e/run.sh
