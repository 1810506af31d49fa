#!/usr/bin/env bash
# Differential fuzzing of tensor-core against the installed PyTorch 1.13 (Debian's python3-torch).
#
#   tensor-core/fuzz.sh [--cases N] [--seed S] [--ops REGEX] [--out DIR]
#
# Generates N random calls from seed S (src/test/python/difffuzz.py), runs them in PyTorch and
# through JTorch's public API (jtorch.fuzz.DifferentialFuzzTest), and prints the agreement per op
# family; mismatching cases with both outcomes go to DIR/mismatches.jsonl (default
# tensor-core/target/fuzz). ./run-tests.sh runs 5000 cases of seed 1; the long run is
#   tensor-core/fuzz.sh --cases 100000 --seed 7
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cases=5000 seed=1 ops="" out="$HERE/target/fuzz"
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) cases="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --ops) ops="$2"; shift 2 ;;
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) printf 'fuzz.sh: unknown option %s (see --help)\n' "$1" >&2; exit 2 ;;
  esac
done
cd "$HERE/.."
exec mvn -q -B -ntp -pl tensor-core test -Dtest=DifferentialFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.cases="$cases" -Dfuzz.seed="$seed" -Dfuzz.ops="$ops" -Dfuzz.dir="$out"
