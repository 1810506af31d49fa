#!/usr/bin/python3
"""The Python half of the differential fuzzer: writes the case list and PyTorch's outcomes.

    difffuzz.py --seed 1 --cases 3000 --out DIR [--ops REGEX]
        DIR/cases.jsonl  one generated case per line (fuzz_gen.py)
        DIR/torch.jsonl  PyTorch's outcome of each, same order: {"id": n, "outcome": {...}}
    difffuzz.py --run-only DIR   re-runs PyTorch on an existing DIR/cases.jsonl
    difffuzz.py --keep DIR --ids 12,40 --note "what was wrong"
        appends those cases of DIR/cases.jsonl with PyTorch's outcome (DIR/torch.jsonl) to
        ../resources/fuzz/regressions.jsonl (FuzzRegressionsTest runs them without Python)

The Java half (jtorch.fuzz.DifferentialFuzzTest) runs the same cases.jsonl through JTorch's public
API and compares; it calls this script itself, so the usual entry is tensor-core/fuzz.sh.
"""
import argparse
import json
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
NO_TORCH = 3  # exit status when PyTorch is not installed
sys.path.insert(0, HERE)

import fuzz_gen  # noqa: E402
import fuzz_ops  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--ops", default="", help="only signatures matching this regex, e.g. '^(add|sum)\\('")
    parser.add_argument("--out", default="target/fuzz")
    parser.add_argument("--run-only", metavar="DIR", help="run PyTorch on DIR/cases.jsonl, do not generate")
    parser.add_argument("--keep", metavar="DIR", help="keep cases of DIR as regression tests")
    parser.add_argument("--ids", default="", help="with --keep: comma-separated case ids")
    parser.add_argument("--note", default="", help="with --keep: what the cases show")
    args = parser.parse_args()
    if args.keep:
        keep(args.keep, {int(i) for i in args.ids.split(",") if i}, args.note)
        return
    out = args.run_only or args.out
    os.makedirs(out, exist_ok=True)
    cases_path = os.path.join(out, "cases.jsonl")
    started = time.time()
    if not args.run_only:
        pattern = re.compile(args.ops)
        ops = [op for op in fuzz_ops.OPS if pattern.search(op.key)]
        if not ops:
            parser.error(f"no op signature matches {args.ops!r}")
        with open(cases_path, "w", encoding="utf-8") as f:
            for case in fuzz_gen.generate(args.seed, args.cases, ops):
                f.write(json.dumps(case) + "\n")
    try:
        import fuzz_torch  # after generating: importing torch takes seconds
    except ImportError as e:
        print(f"difffuzz: cannot import PyTorch ({e}); install Debian's python3-torch")
        sys.exit(NO_TORCH)

    fuzz_torch.setup()
    count = 0
    with open(cases_path, encoding="utf-8") as cases, \
            open(os.path.join(out, "torch.jsonl"), "w", encoding="utf-8") as results:
        for line in cases:
            case = json.loads(line)
            results.write(json.dumps({"id": case["id"], "outcome": fuzz_torch.run_case(case)}) + "\n")
            count += 1
    print(f"difffuzz: {count} cases (seed {args.seed}) run in PyTorch {fuzz_torch.torch.__version__} "
          f"in {time.time() - started:.1f} s -> {out}")


REGRESSIONS = os.path.join(HERE, "..", "resources", "fuzz", "regressions.jsonl")


def keep(directory, ids, note):
    """Appends the cases `ids` of a run's directory, with PyTorch's outcome, to the regressions."""
    if not note:
        sys.exit("--keep needs --note: what the cases show")
    kept = 0
    with open(os.path.join(directory, "cases.jsonl"), encoding="utf-8") as cases, \
            open(os.path.join(directory, "torch.jsonl"), encoding="utf-8") as outcomes, \
            open(REGRESSIONS, "a", encoding="utf-8") as out:
        for case_line, outcome_line in zip(cases, outcomes):
            case = json.loads(case_line)
            if case["id"] in ids:
                out.write(json.dumps({"note": note, "case": case, "torch": json.loads(outcome_line)["outcome"]}) + "\n")
                kept += 1
    print(f"difffuzz: kept {kept} of {len(ids)} cases in {os.path.normpath(REGRESSIONS)}")


if __name__ == "__main__":
    main()
