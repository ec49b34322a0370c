#!/usr/bin/env bash
# Runs every test of ErrorContract.Analyzers: the unit tests (analyzers, fixes, contract parser).
# Usage: ./test.sh        (from the repository root; needs only the .NET 10 SDK)
set -euo pipefail
cd "$(dirname "$0")"

echo "== Unit tests (tests/ErrorContract.Analyzers.Tests)"
dotnet test tests/ErrorContract.Analyzers.Tests/ErrorContract.Analyzers.Tests.csproj --nologo
