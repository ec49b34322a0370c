#!/usr/bin/env bash
# End-to-end test of the ErrorContract.Analyzers package, as a user installs it (issue 5).
#
#   tests/e2e/run.sh                     run every step; exits non-zero if any step fails
#   tests/e2e/run.sh --update-expected   rewrite samples/*/expected-diagnostics.txt from the actual
#                                        build output (after a rule is added or a sample changes),
#                                        then run the other steps as usual
#   tests/e2e/run.sh --keep              keep the temporary work folder (printed) for inspection
#
# What it does:
#   1. packs the package once, with a unique version, into a temporary folder feed; copies each sample
#      into a temporary consumer folder with a PackageReference instead of the project references;
#      restores with a package cache of its own (NUGET_PACKAGES), so no stale copy can be used;
#   2. builds each consumer: the EC diagnostics (id, file, line, column) must be the ones listed in
#      samples/<sample>/expected-diagnostics.txt, all warnings, and the build must succeed;
#   3. -warnaserror fails; .editorconfig severity = error fails; = none silences the rule;
#      -p:ErrorContractTreatWarningsAsErrors=true fails;
#   5. -p:ErrorLog=x.sarif writes SARIF whose results have help links to docs/rules/EC000N.md;
#   6. no errorcontract.json: no EC diagnostic; a broken one: EC0000 and nothing else;
#   7. the error page: dotnet build -t:ErrorContractPage writes it with the package's page writer, as
#      committed; a contract change it does not follow fails the build with EC0017;
#   8. the error factories on a real server: each sample runs on Kestrel and answers every documented error
#      through the generated ApiErrors factories, each response checked against the contract over HTTP; a fresh
#      `dotnet new web` project with the package and return ApiErrors.NotFound("…") builds with -warnaserror,
#      runs and answers as the contract documents;
#   4. dotnet format analyzers fixes every diagnostic of the rules that have a code fix (run last,
#      as it rewrites the consumer's sources).
# Each step prints PASS or FAIL; a summary comes last.
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
UPDATE_EXPECTED=false
KEEP=false
for arg in "$@"; do
  case "$arg" in
    --update-expected) UPDATE_EXPECTED=true ;;
    --keep) KEEP=true ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

SAMPLES=(Artworks.Api Studio.Api)
RULES=(EC0001 EC0002 EC0003 EC0004 EC0005 EC0006 EC0007 EC0008 EC0010 EC0011 EC0012 EC0014)
VERSION="0.1.0-e2e.$(date -u +%Y%m%d%H%M%S).$$"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ec-e2e.XXXXXX")"
FEED="$WORK/feed"
export NUGET_PACKAGES="$WORK/nuget-packages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Quiet, one line per diagnostic, no terminal logger (its output is not meant to be parsed).
BUILD_FLAGS=(--nologo -tl:off -v:q -clp:NoSummary --no-restore)

cleanup() {
  if $KEEP; then echo "Work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap 'stop_servers 2>/dev/null; cleanup' EXIT

PASSED=0
FAILED=0
FAILURES=()
pass() { PASSED=$((PASSED + 1)); echo "PASS  $1"; }
fail() { FAILED=$((FAILED + 1)); FAILURES+=("$1"); echo "FAIL  $1"; }
section() { echo; echo "== $1"; }

# EC diagnostics of a build log, as "EC0001 Controllers/X.cs:12:5" (paths relative to the consumer),
# one per diagnostic, sorted. $1: log, $2: consumer folder, $3: severity (warning|error|any).
diagnostics() {
  local log="$1" dir="$2" severity="${3:-any}" pattern
  case "$severity" in any) pattern='(warning|error)' ;; *) pattern="$severity" ;; esac
  grep -E "^.+\([0-9]+,[0-9]+\): $pattern EC[0-9]{4}:" "$log" \
    | sed -E 's#^(.+)\(([0-9]+),([0-9]+)\): (warning|error) (EC[0-9]{4}):.*$#\5 \1:\2:\3#' \
    | sed -E "s# $dir/# #" \
    | LC_ALL=C sort -u
}

# Runs dotnet with the given arguments, output to a log file. Returns dotnet's exit code.
run_dotnet() {
  local log="$1"; shift
  dotnet "$@" >"$log" 2>&1
}

show_log_tail() { echo "   --- last lines of $1"; tail -n "${2:-25}" "$1" | sed 's/^/   | /'; }

# ---------------------------------------------------------------------------------------------------
section "1. Pack ErrorContract.Analyzers $VERSION and install it into fresh consumer projects"
echo "   work folder: $WORK"
mkdir -p "$FEED" "$NUGET_PACKAGES"
if run_dotnet "$WORK/pack.log" pack "$ROOT/src/ErrorContract.Analyzers.Package" -c Release -o "$FEED" \
     -p:Version="$VERSION" --nologo -tl:off -v:q; then
  pass "1a dotnet pack"
else
  fail "1a dotnet pack"; show_log_tail "$WORK/pack.log"
  echo; echo "Cannot go on without a package."; exit 1
fi

NUPKG="$FEED/ErrorContract.Analyzers.$VERSION.nupkg"
if command -v unzip >/dev/null 2>&1; then
  listing="$(unzip -l "$NUPKG" 2>/dev/null)"
  nuspec="$(unzip -p "$NUPKG" ErrorContract.Analyzers.nuspec 2>/dev/null)"
else
  listing="$(python3 -c 'import sys, zipfile; [print("%9d  %s" % (i.file_size, i.filename)) for i in zipfile.ZipFile(sys.argv[1]).infolist()]' "$NUPKG")"
  nuspec="$(python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("ErrorContract.Analyzers.nuspec").decode("utf-8-sig"))' "$NUPKG")"
fi
layout_ok=true
for entry in analyzers/dotnet/cs/ErrorContract.Analyzers.dll analyzers/dotnet/cs/ErrorContract.Analyzers.CodeFixes.dll \
             build/ErrorContract.Analyzers.props buildTransitive/ErrorContract.Analyzers.props \
             tools/pagewriter/ErrorContract.PageWriter.dll tools/pagewriter/ErrorContract.PageWriter.runtimeconfig.json; do
  grep -q " $entry\$" <<<"$listing" || { echo "   missing from the package: $entry"; layout_ok=false; }
done
if grep -qE '^ +[0-9]+ .* lib/' <<<"$listing"; then echo "   the package has a lib/ folder"; layout_ok=false; fi
grep -q '<developmentDependency>true</developmentDependency>' <<<"$nuspec" || { echo "   nuspec: developmentDependency is not true"; layout_ok=false; }
grep -q '<dependencies' <<<"$nuspec" && grep -q '<dependency ' <<<"$nuspec" && { echo "   nuspec: the package has dependencies"; layout_ok=false; }
if $layout_ok; then pass "1b package layout (analyzers/dotnet/cs, build + buildTransitive props, developmentDependency, no lib/, no dependencies)"
else fail "1b package layout"; echo "$listing" | sed 's/^/   | /'; fi

# The consumers: isolated from this repository's Directory.Build.props, with a nuget.config that adds
# the local feed to the machine's own sources (a fresh web project needs nothing else from them).
cat >"$WORK/Directory.Build.props" <<'EOF'
<Project />
EOF
cp "$WORK/Directory.Build.props" "$WORK/Directory.Build.targets"
cat >"$WORK/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="errorcontract-e2e" value="$FEED" />
  </packageSources>
</configuration>
EOF
mkdir -p "$WORK/contracts"
cp -r "$ROOT/samples/contracts/." "$WORK/contracts/"

restore_ok=true
for sample in "${SAMPLES[@]}"; do
  dir="$WORK/$sample"
  mkdir -p "$dir"
  (cd "$ROOT/samples/$sample" && tar --exclude=./bin --exclude=./obj -cf - .) | (cd "$dir" && tar -xf -)
  rm -f "$dir/expected-diagnostics.txt"
  # Project references and the props import become one PackageReference, as `dotnet add package` writes it.
  sed -i -E '/ErrorContract\.Analyzers\.Package\/buildTransitive\/ErrorContract\.Analyzers\.props/d;
             /<ProjectReference Include="[^"]*ErrorContract\.Analyzers(\.CodeFixes)?\.csproj"/d' "$dir/$sample.csproj"
  sed -i "s#</Project>#  <ItemGroup>\n    <PackageReference Include=\"ErrorContract.Analyzers\" Version=\"$VERSION\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>#" "$dir/$sample.csproj"
  if grep -q 'ProjectReference\|ErrorContract.Analyzers.props' "$dir/$sample.csproj"; then
    echo "   $sample.csproj still references the analyzer projects"; restore_ok=false
  fi
  if ! run_dotnet "$WORK/restore-$sample.log" restore "$dir/$sample.csproj" --nologo -tl:off -v:q; then
    echo "   restore of $sample failed"; show_log_tail "$WORK/restore-$sample.log"; restore_ok=false
  fi
done
if $restore_ok && [ -f "$NUGET_PACKAGES/errorcontract.analyzers/$VERSION/analyzers/dotnet/cs/ErrorContract.Analyzers.dll" ]; then
  pass "1c consumers restore ErrorContract.Analyzers $VERSION from the folder feed into their own package cache"
else
  fail "1c consumers restore ErrorContract.Analyzers $VERSION from the folder feed into their own package cache"
fi

A="$WORK/Artworks.Api"
A_PROJ="$A/Artworks.Api.csproj"

# ---------------------------------------------------------------------------------------------------
section "2. dotnet build reports the expected EC diagnostics as warnings and succeeds"
for sample in "${SAMPLES[@]}"; do
  dir="$WORK/$sample"
  log="$WORK/build-$sample.log"
  expected_file="$ROOT/samples/$sample/expected-diagnostics.txt"
  if run_dotnet "$log" build "$dir/$sample.csproj" "${BUILD_FLAGS[@]}"; then status=0; else status=$?; fi
  diagnostics "$log" "$dir" any >"$WORK/actual-$sample.txt"
  diagnostics "$log" "$dir" error >"$WORK/actual-errors-$sample.txt"
  count=$(wc -l <"$WORK/actual-$sample.txt")
  if $UPDATE_EXPECTED && [ "$status" -eq 0 ]; then
    cp "$WORK/actual-$sample.txt" "$expected_file"
    echo "   updated samples/$sample/expected-diagnostics.txt ($count diagnostics)"
  fi
  if [ "$status" -ne 0 ]; then
    fail "2 $sample: build failed (exit $status)"; show_log_tail "$log"
  elif [ -s "$WORK/actual-errors-$sample.txt" ]; then
    fail "2 $sample: EC diagnostics reported as errors:"; sed 's/^/   /' "$WORK/actual-errors-$sample.txt"
  elif [ ! -f "$expected_file" ]; then
    fail "2 $sample: samples/$sample/expected-diagnostics.txt is missing (run tests/e2e/run.sh --update-expected)"
  elif ! diff -u --label "expected (samples/$sample/expected-diagnostics.txt)" --label "actual (dotnet build)" \
         <(LC_ALL=C sort -u "$expected_file" | grep -v '^\s*$') "$WORK/actual-$sample.txt" >"$WORK/diff-$sample.txt"; then
    fail "2 $sample: the EC diagnostics differ from the expected list (- expected, + actual):"
    sed 's/^/   /' "$WORK/diff-$sample.txt"
    echo "   If the change is intended, run: tests/e2e/run.sh --update-expected"
  elif [ "$count" -eq 0 ]; then
    fail "2 $sample: no EC diagnostic at all (the analyzers did not run)"
  else
    pass "2 $sample: build succeeds with the $count expected EC warnings ($(cut -d' ' -f1 "$WORK/actual-$sample.txt" | sort | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}'))"
  fi
done

# ---------------------------------------------------------------------------------------------------
section "3. Failing the build: -warnaserror, .editorconfig severities, ErrorContractTreatWarningsAsErrors (Artworks.Api)"
# --no-incremental everywhere below: an up-to-date compile would report nothing at all.
log="$WORK/warnaserror.log"
if run_dotnet "$log" build "$A_PROJ" "${BUILD_FLAGS[@]}" --no-incremental -warnaserror; then
  fail "3a dotnet build -warnaserror succeeded; it should fail"
elif grep -qE 'error EC0001:' "$log"; then
  pass "3a dotnet build -warnaserror fails with error EC0001"
else
  fail "3a dotnet build -warnaserror failed, but not with error EC0001"; show_log_tail "$log"
fi

printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.EC0001.severity = error\n' >"$A/.editorconfig"
log="$WORK/editorconfig-error.log"
if run_dotnet "$log" build "$A_PROJ" "${BUILD_FLAGS[@]}" --no-incremental; then
  fail "3b .editorconfig EC0001 severity = error: the build succeeded; it should fail"
elif grep -qE 'error EC0001:' "$log"; then
  pass "3b .editorconfig dotnet_diagnostic.EC0001.severity = error: plain build fails with error EC0001"
else
  fail "3b .editorconfig EC0001 severity = error: the build failed, but not with error EC0001"; show_log_tail "$log"
fi

printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.EC0001.severity = none\n' >"$A/.editorconfig"
log="$WORK/editorconfig-none.log"
if ! run_dotnet "$log" build "$A_PROJ" "${BUILD_FLAGS[@]}" --no-incremental; then
  fail "3c .editorconfig EC0001 severity = none: the build failed"; show_log_tail "$log"
elif grep -qE ' EC0001:' "$log"; then
  fail "3c .editorconfig EC0001 severity = none: EC0001 is still reported"
else
  others=$(diagnostics "$log" "$A" | wc -l)
  pass "3c .editorconfig dotnet_diagnostic.EC0001.severity = none: no EC0001 ($others other EC diagnostics), build succeeds"
fi
rm -f "$A/.editorconfig"

log="$WORK/treatwarningsaserrors.log"
if run_dotnet "$log" build "$A_PROJ" "${BUILD_FLAGS[@]}" --no-incremental -p:ErrorContractTreatWarningsAsErrors=true; then
  fail "3d -p:ErrorContractTreatWarningsAsErrors=true: the build succeeded; it should fail"
elif grep -qE 'error EC0001:' "$log"; then
  pass "3d -p:ErrorContractTreatWarningsAsErrors=true fails with error EC0001"
else
  fail "3d -p:ErrorContractTreatWarningsAsErrors=true: the build failed, but not with error EC0001"; show_log_tail "$log"
fi

# ---------------------------------------------------------------------------------------------------
section "5. -p:ErrorLog writes SARIF with the results and their help links (Artworks.Api)"
SARIF="$WORK/artworks.sarif"
log="$WORK/sarif.log"
if ! run_dotnet "$log" build "$A_PROJ" "${BUILD_FLAGS[@]}" --no-incremental -p:ErrorLog="$SARIF"; then
  fail "5 build with -p:ErrorLog failed"; show_log_tail "$log"
elif [ ! -s "$SARIF" ]; then
  fail "5 no SARIF file was written at $SARIF"
else
  # Each EC warning result as "EC0001 Program.cs:21:34 <helpUri>", to compare with the build's diagnostics (information
  # results, level "note" such as EC0015, are not among the build's warnings and are left out).
  # SARIF 1.0 (Roslyn's default) keys rules by id and has resultFile; 2.1 has tool.driver.rules and
  # physicalLocation: both are read.
  if command -v jq >/dev/null 2>&1; then
    jq -r '
      .runs[0] as $run
      | ( if ($run.rules // null) != null then ($run.rules | with_entries(.value = (.value.helpUri // "")))
          else (($run.tool.driver.rules // []) | map({key: .id, value: (.helpUri // "")}) | from_entries) end ) as $help
      | $run.results[] | select((.ruleId // "") | startswith("EC")) | select((.level // "warning") != "note")
      | (.locations[0].resultFile // .locations[0].physicalLocation) as $loc
      | "\(.ruleId) \(($loc.uri // $loc.artifactLocation.uri) | sub("^file://"; "")):\($loc.region.startLine):\($loc.region.startColumn) \($help[.ruleId] // "none")"
      ' "$SARIF" >"$WORK/sarif-results.txt" 2>"$WORK/sarif-error.txt"; sarif_status=$?
  else
    python3 - "$SARIF" >"$WORK/sarif-results.txt" 2>"$WORK/sarif-error.txt" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
if "rules" in run:
    help = {k: v.get("helpUri", "") for k, v in run["rules"].items()}
else:
    help = {r["id"]: r.get("helpUri", "") for r in run.get("tool", {}).get("driver", {}).get("rules", [])}
for r in run.get("results", []):
    if not r.get("ruleId", "").startswith("EC") or r.get("level") == "note":
        continue
    loc = r["locations"][0]
    loc = loc.get("resultFile") or loc.get("physicalLocation")
    uri = loc.get("uri") or loc["artifactLocation"]["uri"]
    print("%s %s:%s:%s %s" % (r["ruleId"], uri.replace("file://", "", 1), loc["region"]["startLine"], loc["region"]["startColumn"], help.get(r["ruleId"]) or "none"))
PY
    sarif_status=$?
  fi
  diagnostics "$log" "$A" >"$WORK/sarif-build.txt"
  sed -E "s# $A/# #" "$WORK/sarif-results.txt" | cut -d' ' -f1,2 | LC_ALL=C sort -u >"$WORK/sarif-located.txt"
  no_help=$(awk '{ if ($3 !~ ("docs/rules/" $1 ".md$")) print }' "$WORK/sarif-results.txt")
  results=$(wc -l <"$WORK/sarif-located.txt")
  if [ "$sarif_status" -ne 0 ]; then
    fail "5 the SARIF file could not be read:"; sed 's/^/   /' "$WORK/sarif-error.txt"
  elif [ "$results" -eq 0 ]; then
    fail "5 the SARIF file holds no EC result"
  elif ! diff -u --label "dotnet build" --label "SARIF" "$WORK/sarif-build.txt" "$WORK/sarif-located.txt" >"$WORK/sarif-diff.txt"; then
    fail "5 the SARIF results differ from the build's diagnostics:"; sed 's/^/   /' "$WORK/sarif-diff.txt"
  elif [ -n "$no_help" ]; then
    fail "5 SARIF results without a help link to docs/rules/<id>.md:"; sed 's/^/   /' <<<"$no_help"
  else
    pass "5 SARIF holds the $results EC results (ids, files, lines as built), each with helpUri $(cut -d' ' -f3 "$WORK/sarif-results.txt" | sort -u | head -1 | sed -E 's#.*/docs/#.../docs/#')"
  fi
fi

# ---------------------------------------------------------------------------------------------------
section "6. No contract: silence; a broken contract: EC0000 and nothing else (Artworks.Api)"
# Without a valid contract nothing is generated: the sample's uses of the generated ApiErrors class do not compile
# (CS0103), and those are the only errors the build may have.
other_errors() { grep -E ': error ' "$1" | grep -vE ': error EC[0-9]{4}:' | grep -vE "error CS0103: The name 'ApiErrors' does not exist" | sort -u; }
mv "$A/errorcontract.json" "$WORK/errorcontract.json.saved"
log="$WORK/no-contract.log"
run_dotnet "$log" build "$A_PROJ" "${BUILD_FLAGS[@]}" --no-incremental
if [ -n "$(other_errors "$log")" ]; then
  fail "6a without errorcontract.json the build has errors other than the missing ApiErrors class:"; other_errors "$log" | head -5 | sed 's/^/   /'
elif grep -qE ' EC[0-9]{4}:' "$log"; then
  fail "6a without errorcontract.json there are EC diagnostics:"; diagnostics "$log" "$A" | sed 's/^/   /'
else
  pass "6a without errorcontract.json: no EC diagnostic (and no ApiErrors class: its uses are CS0103, nothing else fails)"
fi

# Bad JSON on line 4: a missing comma between two members.
printf '{\n  "name": "Broken",\n  "statuses": { "200": { "description": "OK" } }\n  "successStatuses": "documented"\n}\n' >"$A/errorcontract.json"
log="$WORK/broken-contract.log"
run_dotnet "$log" build "$A_PROJ" "${BUILD_FLAGS[@]}" --no-incremental
diagnostics "$log" "$A" >"$WORK/broken.txt"
if [ -n "$(other_errors "$log")" ]; then
  fail "6b with a broken errorcontract.json the build has errors other than the missing ApiErrors class:"; other_errors "$log" | head -5 | sed 's/^/   /'
elif [ ! -s "$WORK/broken.txt" ]; then
  fail "6b a broken errorcontract.json: no EC0000 reported"
elif grep -qv '^EC0000 errorcontract.json:' "$WORK/broken.txt"; then
  fail "6b a broken errorcontract.json: other diagnostics than EC0000 on the contract file:"; sed 's/^/   /' "$WORK/broken.txt"
elif ! grep -q "error CS0103: The name 'ApiErrors' does not exist" "$log"; then
  fail "6b a broken errorcontract.json: the ApiErrors class was still generated"
else
  pass "6b a broken errorcontract.json: only EC0000, on the contract file ($(paste -sd' ' "$WORK/broken.txt")), and no ApiErrors class generated"
fi
mv "$WORK/errorcontract.json.saved" "$A/errorcontract.json"

# ---------------------------------------------------------------------------------------------------
section "7. The error page: written from the contract by dotnet build -t:ErrorContractPage, checked by EC0017 (Artworks.Api)"
page="$A/docs/errors.md"
cp "$page" "$WORK/errors.md.committed"
cp "$A/errorcontract.json" "$WORK/errorcontract.json.page"
rm -f "$page"
log="$WORK/page.log"
if ! run_dotnet "$log" build "$A_PROJ" --nologo -tl:off -v:q --no-restore -t:ErrorContractPage; then
  fail "7a dotnet build -t:ErrorContractPage failed"; show_log_tail "$log"
elif [ ! -f "$page" ]; then
  fail "7a dotnet build -t:ErrorContractPage wrote no docs/errors.md"
elif ! diff -u --label "committed (samples/Artworks.Api/docs/errors.md)" --label "written" "$WORK/errors.md.committed" "$page" >"$WORK/page.diff"; then
  fail "7a the page written differs from the committed one:"; head -20 "$WORK/page.diff" | sed 's/^/   /'
else
  pass "7a dotnet build -t:ErrorContractPage wrote docs/errors.md with the package's page writer, as committed"
fi
# A contract change the page does not follow: EC0017 fails the build, on the page, naming the command.
sed -i 's/"Resource not found"/"No such artwork"/' "$A/errorcontract.json"
log="$WORK/page-stale.log"
if run_dotnet "$log" build "$A_PROJ" "${BUILD_FLAGS[@]}" --no-incremental; then
  fail "7b the contract changed without the page: the build succeeded"
elif grep -qE 'docs/errors\.md\([0-9]+,[0-9]+\): error EC0017: .*dotnet build -t:ErrorContractPage' "$log"; then
  pass "7b the contract changed without the page: the build fails with EC0017 on the page, naming the command"
else
  fail "7b the contract changed without the page: no EC0017 error on the page"; show_log_tail "$log"
fi
log="$WORK/page-fresh.log"
if run_dotnet "$WORK/page-rewrite.log" build "$A_PROJ" --nologo -tl:off -v:q --no-restore -t:ErrorContractPage \
   && run_dotnet "$log" build "$A_PROJ" "${BUILD_FLAGS[@]}" --no-incremental && ! grep -q 'EC0017' "$log"; then
  pass "7c after dotnet build -t:ErrorContractPage the build succeeds again, without EC0017"
else
  fail "7c rewriting the page did not clear EC0017"; show_log_tail "$log"
fi
cp "$WORK/errorcontract.json.page" "$A/errorcontract.json"
cp "$WORK/errors.md.committed" "$page"

# ---------------------------------------------------------------------------------------------------
section "8. The error factories on a real server: every documented error answered through ApiErrors (Kestrel, HTTP)"
# Each sample (built in step 2 from the package) runs on Kestrel; GET /examples/errors lists its examples, each answered
# through a generated factory. Every response is checked against the contract by tests/e2e/check-response.py (status,
# content type, documented headers, body fields, codes), and every documented error must have been answered.
CHECK="$ROOT/tests/e2e/check-response.py"
SERVER_PIDS=()
stop_servers() { for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done; SERVER_PIDS=(); }
# serve DIR ASSEMBLY PORT LOG: starts the built app on Kestrel, in the background; waits until it answers.
serve() {
  (cd "$1" && exec dotnet "bin/Debug/net10.0/$2.dll" --urls "http://127.0.0.1:$3" >"$4" 2>&1) &
  SERVER_PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$3/" && return 0
    sleep 0.5
  done
  return 1
}
# check_get URL HEADER CONTRACT NAME: requests the URL (with the header, if any) and checks the response; appends the
# checker's "ok" line to $WORK/ok-NAME.txt, or prints the problems and returns 1.
check_get() {
  local out status args
  out="$WORK/response-$4-$(date +%s%N)"
  args=(-s -D "$out.h" -o "$out.b" -w '%{http_code}')
  [ -n "$2" ] && args+=(-H "$2")
  status=$(curl "${args[@]}" "$1")
  if python3 "$CHECK" "$3" "$status" "$out.h" "$out.b" >"$out.check"; then
    cat "$out.check" >>"$WORK/ok-$4.txt"
  else
    echo "   GET $1 -> $status:"; sed 's/^/     /' "$out.check"; return 1
  fi
}
port=5170
for sample in "${SAMPLES[@]}"; do
  dir="$WORK/$sample"
  port=$((port + 1))
  base="http://127.0.0.1:$port"
  case "$sample" in
    Artworks.Api) key="Authorization: Bearer ak_live_e2e_key" ;;
    *) key="Authorization: studio_e2e_key_0123456789" ;;
  esac
  # The sample's contract: ErrorContractFile when its project sets it, else errorcontract.json beside it.
  contract="$(sed -n 's#.*<ErrorContractFile>\(.*\)</ErrorContractFile>.*#\1#p' "$dir/$sample.csproj")"
  contract="$dir/${contract:-errorcontract.json}"
  if ! serve "$dir" "$sample" "$port" "$WORK/server-$sample.log"; then
    fail "8 $sample: the server did not start"; show_log_tail "$WORK/server-$sample.log"; stop_servers; continue
  fi
  : >"$WORK/ok-$sample.txt"
  names=$(curl -s -H "$key" "$base/examples/errors" | python3 -c 'import json, sys; print("\n".join(json.load(sys.stdin)))' 2>/dev/null)
  all_ok=true
  count=0
  for name in $names; do
    count=$((count + 1))
    check_get "$base/examples/errors/$name" "$key" "$contract" "$sample" || all_ok=false
  done
  if [ "$sample" = Artworks.Api ]; then
    # The API key middleware answers a request without a key through ApiErrors.Unauthorized(…).WriteAsync(response).
    count=$((count + 1))
    check_get "$base/artworks" "" "$contract" "$sample" || all_ok=false
  fi
  stop_servers
  if [ "$count" -eq 0 ]; then
    fail "8 $sample: GET /examples/errors listed no example"
  elif ! $all_ok; then
    fail "8 $sample: responses made by the error factories differ from the contract"
  elif ! python3 "$CHECK" --coverage "$contract" "$WORK/ok-$sample.txt" >"$WORK/coverage-$sample.txt"; then
    fail "8 $sample: documented errors no factory answered:"; sed 's/^/   /' "$WORK/coverage-$sample.txt"
  else
    pass "8 $sample: $count responses over HTTP through the generated factories match the contract, every documented error answered"
  fi
done

# A fresh `dotnet new web` project, as a user starts one: the package, seed A's contract, one endpoint that returns
# ApiErrors.NotFound("…"); it builds with -warnaserror, runs, and answers as the contract documents.
F="$WORK/FreshWeb"
if ! run_dotnet "$WORK/new-web.log" new web -o "$F" -n FreshWeb --no-restore; then
  fail "8 fresh web: dotnet new web failed"; show_log_tail "$WORK/new-web.log"
else
  sed -i "s#</Project>#  <ItemGroup>\n    <PackageReference Include=\"ErrorContract.Analyzers\" Version=\"$VERSION\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>#" "$F/FreshWeb.csproj"
  cp "$ROOT/samples/contracts/artworks/errorcontract.json" "$F/errorcontract.json"
  cat >"$F/Program.cs" <<'CS'
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/artworks/{id}", (int id) => id == 1
    ? Results.Ok(new { id, title = "Water Lilies" })
    : ApiErrors.NotFound("Artwork not found"));

app.Run();
CS
  if ! run_dotnet "$WORK/fresh-restore.log" restore "$F/FreshWeb.csproj" --nologo -tl:off -v:q; then
    fail "8 fresh web: restore failed"; show_log_tail "$WORK/fresh-restore.log"
  elif ! run_dotnet "$WORK/fresh-build.log" build "$F/FreshWeb.csproj" "${BUILD_FLAGS[@]}" -warnaserror; then
    fail "8 fresh web: dotnet build -warnaserror failed"; show_log_tail "$WORK/fresh-build.log"
  elif ! serve "$F" FreshWeb 5190 "$WORK/server-FreshWeb.log"; then
    fail "8 fresh web: the server did not start"; show_log_tail "$WORK/server-FreshWeb.log"; stop_servers
  else
    : >"$WORK/ok-FreshWeb.txt"
    fresh_ok=true
    check_get "http://127.0.0.1:5190/artworks/2" "" "$F/errorcontract.json" FreshWeb || fresh_ok=false
    ok_status=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:5190/artworks/1)
    stop_servers
    if $fresh_ok && grep -q '^ok 404 not_found$' "$WORK/ok-FreshWeb.txt" && [ "$ok_status" = 200 ]; then
      pass "8 fresh web: dotnet new web + the package + return ApiErrors.NotFound(\"…\") builds with -warnaserror and answers 404 as the contract documents"
    else
      fail "8 fresh web: the running app's 404 differs from the contract (or GET /artworks/1 gave $ok_status)"
    fi
  fi
fi

# ---------------------------------------------------------------------------------------------------
section "4. dotnet format analyzers applies the code fixes (Artworks.Api)"
# The rules whose fixes this package ships: the ids named in the FixableDiagnosticIds of the code-fix
# providers. Diagnostics of a rule without a fix are expected to remain after dotnet format.
FIXABLE=()
rule_names=$(grep -hoE 'FixableDiagnosticIds.*' "$ROOT"/src/ErrorContract.Analyzers.CodeFixes/*.cs | grep -oE 'RuleIds\.[A-Za-z]+|"EC[0-9]{4}"' || true)
for name in $rule_names; do
  case "$name" in
    RuleIds.*) id=$(grep -E "const string ${name#RuleIds.} = " "$ROOT/src/ErrorContract.Analyzers/RuleIds.cs" | grep -oE 'EC[0-9]{4}') ;;
    *) id=${name//\"/} ;;
  esac
  [ -n "$id" ] && FIXABLE+=("$id")
done
mapfile -t FIXABLE < <(printf '%s\n' "${FIXABLE[@]}" | grep -E '^EC[0-9]{4}$' | LC_ALL=C sort -u)
echo "   rules with a code fix in this package: ${FIXABLE[*]:-none}"
before="$WORK/actual-Artworks.Api.txt"
log="$WORK/format.log"
cp -r "$A" "$WORK/Artworks.Api.before-format"
if ! run_dotnet "$log" format analyzers "$A_PROJ" --diagnostics "${RULES[@]}" --severity warn --no-restore -v:d; then
  fail "4a dotnet format analyzers --diagnostics ${RULES[*]} --severity warn failed"; show_log_tail "$log"
else
  changed=$(diff -rq --exclude=bin --exclude=obj "$WORK/Artworks.Api.before-format" "$A" | wc -l)
  pass "4a dotnet format analyzers --diagnostics ${RULES[*]} --severity warn ran ($changed files changed)"
fi
log="$WORK/after-format.log"
if run_dotnet "$log" build "$A_PROJ" "${BUILD_FLAGS[@]}" --no-incremental; then status=0; else status=$?; fi
diagnostics "$log" "$A" >"$WORK/after-format.txt"
fixable_pattern="^($(IFS='|'; echo "${FIXABLE[*]:-NONE}")) "
left_fixable=$(grep -cE "$fixable_pattern" "$WORK/after-format.txt" || true)
left_other=$(grep -cvE "$fixable_pattern" "$WORK/after-format.txt" || true)
if [ "$status" -ne 0 ]; then
  fail "4b the build after dotnet format failed (the fixes broke the code?)"; show_log_tail "$log"
elif [ "${#FIXABLE[@]}" -eq 0 ]; then
  fail "4b no code-fix provider found in src/ErrorContract.Analyzers.CodeFixes"
elif [ "$left_fixable" -ne 0 ]; then
  fail "4b after dotnet format, diagnostics of rules with a fix remain:"; grep -E "$fixable_pattern" "$WORK/after-format.txt" | sed 's/^/   /'
  grep -E "Unable to fix|didn't return|Exception" "$WORK/format.log" | sed 's/^/   dotnet format: /'
else
  fixed=$(grep -cE "$fixable_pattern" "$before" || true)
  pass "4b dotnet format fixed all $fixed diagnostics of ${FIXABLE[*]}; none is left"
fi
if [ "$left_other" -eq 0 ]; then
  log="$WORK/after-format-warnaserror.log"
  if run_dotnet "$log" build "$A_PROJ" "${BUILD_FLAGS[@]}" --no-incremental -warnaserror; then
    pass "4c after dotnet format, dotnet build -warnaserror succeeds with no EC diagnostic left"
  else
    fail "4c after dotnet format, dotnet build -warnaserror fails"; show_log_tail "$log"
  fi
else
  echo "   $left_other diagnostics of rules without a code fix remain ($(cut -d' ' -f1 "$WORK/after-format.txt" | grep -vE "^($(IFS='|'; echo "${FIXABLE[*]:-NONE}"))\$" | sort -u | paste -sd' ')):"
  echo "   4c checks -warnaserror for the fixable rules only (-warnaserror:${FIXABLE[*]})"
  log="$WORK/after-format-warnaserror.log"
  if run_dotnet "$log" build "$A_PROJ" "${BUILD_FLAGS[@]}" --no-incremental "-warnaserror:$(IFS=';'; echo "${FIXABLE[*]}")"; then
    pass "4c after dotnet format, dotnet build -warnaserror:$(IFS=';'; echo "${FIXABLE[*]}") succeeds"
  else
    fail "4c after dotnet format, dotnet build -warnaserror:$(IFS=';'; echo "${FIXABLE[*]}") fails"; show_log_tail "$log"
  fi
fi

# ---------------------------------------------------------------------------------------------------
echo
echo "== Summary"
for f in "${FAILURES[@]}"; do echo "   FAIL  $f"; done
echo "e2e: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
