#!/usr/bin/env python3
"""Where the EC analyzers' CPU time goes, from a `perf` recording of the benchmark.

Record (see docs/performance.md, "Profiling"):
    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 1999 -g -o perf.data -- \
        dotnet bench/ErrorContract.Analyzers.Benchmarks/bin/Release/net10.0/ErrorContract.Analyzers.Benchmarks.dll \
        --sizes 60000 --rounds 14 --warmup 2 --profile-loop
    perf script -i perf.data -F ip,sym > perf.script

Then:
    perf-callbacks.py perf.script                 # the callbacks, every EC method (inclusive), and what each calls
    perf-callbacks.py perf.script METHOD [DEPTH]  # below one method (a substring of its name): its callees, DEPTH deep

Samples, not milliseconds: at 1999 Hz, samples / (2 x runs) is roughly milliseconds per run.
"""
import collections
import re
import sys

EC = '[ErrorContract.Analyzers] '


def short(symbol):
    symbol = re.sub(r'\[(QuickJitted|OptimizedTier1|InstrumentedTier|Optimized|PreJIT|Tier0|OptimizedTier1OSR)[^\]]*\]$', '', symbol)
    symbol = re.sub(r'\(.*\)$', '', symbol)
    match = re.search(r'\] ([^ \[]+)$', symbol)
    if match:
        symbol = match.group(1)
    return re.sub(r'^(ErrorContract\.Analyzers|Microsoft\.CodeAnalysis)\.', '', symbol)[-110:]


def samples(path):
    frames = []
    for line in open(path, errors='replace'):
        line = line.rstrip('\n')
        if not line.strip():
            if frames:
                yield frames
            frames = []
            continue
        parts = line.strip().split(' ', 1)
        frames.append(parts[1] if len(parts) > 1 else '')
    if frames:
        yield frames


def summary(path):
    inclusive, roots, callees = collections.Counter(), collections.Counter(), collections.Counter()
    total = ec = 0
    for frames in samples(path):
        total += 1
        at = [i for i, frame in enumerate(frames) if EC in frame]
        if not at:
            continue
        ec += 1
        names = [short(frames[i]) for i in at]
        for name in set(names):
            inclusive[name] += 1
        roots[names[-1]] += 1
        callees[(names[0], short(frames[at[0] - 1]) if at[0] > 0 else '(self)')] += 1
    print(f'samples {total}, in the EC analyzers {ec}')
    for title, counter, count in (('callbacks (outermost EC frame)', roots, 25), ('every EC method, inclusive', inclusive, 80)):
        print('--- ' + title)
        for name, n in counter.most_common(count):
            print(f'{n:7d} {name}')
    print('--- innermost EC method -> what it calls')
    for (name, callee), n in callees.most_common(60):
        print(f'{n:7d} {name}  ->  {callee}')


def below(path, method, depth):
    chains = collections.Counter()
    count = 0
    for frames in samples(path):
        for i in range(len(frames) - 1, -1, -1):
            if method in frames[i]:
                count += 1
                chains[tuple(short(frames[j]) for j in range(i - 1, max(i - 1 - depth, -1), -1))] += 1
                break
    print(f'samples in {method}: {count}')
    for chain, n in chains.most_common(40):
        print(f'{n:7d} ' + (' > '.join(chain) or '(self)'))


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if len(sys.argv) == 2:
        summary(sys.argv[1])
    else:
        below(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1)
