#!/usr/bin/env python3
"""Runs tensor-core's JMH benchmarks and PyTorch's reference cases side by side on this machine
and prints, per case and thread count, our median, PyTorch's median, the ratio and the target
(GFLOP/s beside matrix products; for a 2-thread row, our 2-thread time over our 1-thread time),
then a second table: each tensor-with-Java-number op over our tensor-with-tensor op of the same
dtype and shape.

Usage (from the repository root, after `mvn -q -Pbench package -DskipTests`):
    /usr/bin/python3 benchmarks/compare.py [--only REGEX] [--quick | --jmh 'ARGS'] [--recorded] [--rounds N]
                                           [--markdown FILE]

--recorded   use ../shared/reference/perf/pytorch_ref.json instead of running PyTorch now
--quick      fewer JMH iterations (noisier)
--jmh ARGS   extra JMH options, e.g. --jmh '-wi 3 -i 5' (3 warm-up, 5 measured iterations)
--rounds N   run JMH and then PyTorch N times in turn; each side's time is the median over the rounds
             and the table adds the range of the rounds' ratios. This machine's memory bandwidth at
             2 threads switches between two rates every few seconds, for PyTorch as for us
             (tensor-core/BENCHMARKS.md), so a memory-bound row needs several rounds to judge.
The output starts with the 1-minute load average at the start and end of each phase.
PyTorch runs through ../shared/reference/perf/pytorch_ref.py --child (and, for the cases that
script lacks, benchmarks/pytorch_cases.py, which reuses its timing), one process per thread
count, with OMP/OpenBLAS/MKL threads pinned as its driver does (environment as found).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("JTORCH_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
PERF = os.path.join(SHARED, "reference", "perf")
JAR = os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar")
# groups timed by benchmarks/pytorch_cases.py; the others by the shared pytorch_ref.py
EXTRA_GROUPS = {"scalar", "matmul_extra", "mlp_extra", "cnn_extra", "pointwise"}

# JMH benchmark -> (PyTorch case, pytorch_ref.py group)
def case_name(bench, params):
    cls, method = bench.rsplit(".", 2)[-2:]
    if cls == "ElementwiseBench":
        return f"{method}_{params['size']}", "elementwise"
    if cls == "MatmulBench":
        return f"matmul_{params['shape']}", "matmul_extra" if "x" in params["shape"] else "matmul"
    if cls == "MlpBench":
        return method, "mlp_extra" if method.endswith("adam") else "mlp"
    group = {"TinyBench": "tiny", "LayoutPrintBench": "print,transpose",
             "BroadcastReduceBench": "broadcast,reduce", "ScalarOpsBench": "scalar", "CnnBench": "cnn_extra",
             "PointwiseBench": "pointwise"}[cls]
    return method, group

# target ratio (ours / PyTorch at the same thread count); a tuple is (1 thread, 2 threads)
TARGETS = {
    "tiny_add_3x3": 0.3, "tiny_add_3x3_requires_grad": 0.3,
    "autograd_cell_scalar_fresh_leaves": 0.1, "autograd_cell_scalar_reused_leaves": 0.1,
    "add_out_16M": 1.1, "mul_out_16M": 1.1, "relu_out_16M": 1.1, "add_inplace_16M": 1.1,
    "exp_out_16M": 1.3, "broadcast_add_out_4096x1_1x4096": 1.2,
    "sum_16M": (1.2, 1.5), "mean_16M": (1.2, 1.5), "sum_dim1_4096x4096": (1.2, 1.5),
    "matmul_f32_128": 2.0, "matmul_f32_256": 1.0, "matmul_f32_512": 1.0, "matmul_f32_1024": 1.0,
    "matmul_f32_2048": 1.0, "matmul_f64_1024": 1.3,
    "transpose_contiguous_4096x4096": 1.5, "transpose_copy_into_4096x4096": 1.5,
    "repr_1000x1000_f32_summarized": 0.5, "repr_30x30_f32": 0.5,
    "matmul_f32_64x784_784x256T": 1.0, "matmul_f32_64x256_256x784": 1.0, "matmul_f32_256x64T_64x784": 1.0,
    "matmul_f32_64x256_256x10T": 1.0,
    "mlp_step_nn_784_256_10_b64_xent_sgd": 1.5, "mlp_step_nn_784_256_10_b64_xent_adam": 1.5,
}
# a tensor-with-scalar op should cost at most this much more than our tensor-with-tensor op
SCALAR_TARGET = 1.1


def flops(case):
    """Floating-point operations of a matrix product case (2 m n k), else None."""
    m = re.fullmatch(r"matmul_f(?:32|64)_(\d+)", case)
    if m:
        return 2 * int(m.group(1)) ** 3
    m = re.fullmatch(r"matmul_f32_(\d+)x(\d+)T?_(\d+)x(\d+)T?", case)
    if m:
        rows, depth, _, cols = (int(v) for v in m.groups())
        return 2 * rows * depth * cols
    return None


def tensor_case(case):
    """The tensor-with-tensor twin of a tensor-with-scalar case, e.g. rmul_scalar_4M -> mul_tensor_4M."""
    m = re.fullmatch(r"r?(\w+?)_scalar(?:_float)?_(\w+)", case)
    return f"{m.group(1)}_tensor_{m.group(2)}" if m else None
# cases compared against another PyTorch case as well as their own (issue: out-of-place add <= 2.5x
# PyTorch's out=; PyTorch's own allocating add faults its fresh pages in, ours are zeroed on the heap)
BASELINE_CASE = {"add_16M": ("add_out_16M", 2.5)}


def run_jmh(only, quick, extra):
    out = tempfile.mktemp(suffix=".json")
    cmd = [os.environ.get("JAVA", "java"), "-jar", JAR, "-rf", "json", "-rff", out]
    if quick:
        cmd += ["-wi", "2", "-i", "3", "-w", "1", "-r", "1"]
    cmd += extra.split()
    if only:
        cmd.append(only)
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, stdout=sys.stderr)
    with open(out) as f:
        data = json.load(f)
    ours = {}
    for rec in data:
        params = rec.get("params", {})
        name, group = case_name(rec["benchmark"], params)
        raw = [v for it in rec["primaryMetric"]["rawData"] for v in it]
        ours[(name, int(params["threads"]))] = (statistics.median(raw) * 1e-6, group)
    return ours


def run_pytorch(groups, threads):
    env = dict(os.environ)
    for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[k] = str(threads)
    res = {}
    shared, extra = sorted(groups - EXTRA_GROUPS), sorted(groups & EXTRA_GROUPS)
    for script, only, args in ((os.path.join(PERF, "pytorch_ref.py"), shared, ["--child"]),
                               (os.path.join(ROOT, "benchmarks", "pytorch_cases.py"), extra, [])):
        if not only:
            continue
        cmd = ["/usr/bin/python3", script, *args, "--threads", str(threads), "--only", ",".join(only)]
        print("+", " ".join(cmd), file=sys.stderr, flush=True)
        p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, text=True, check=True)
        for line in p.stdout.splitlines():
            if line.startswith("{"):
                rec = json.loads(line)
                if rec["case"] != "_meta":
                    res[(rec["case"], threads)] = rec["median_s"]
    return res


def recorded():
    with open(os.path.join(PERF, "pytorch_ref.json")) as f:
        doc = json.load(f)
    return {(r["case"], r["threads"]): r["median_s"] for r in doc["summary"] if r["config"] == "default"}


def fmt(s):
    if s is None:
        return "-"
    if s < 1e-3:
        return f"{s * 1e6:.3g} µs"
    return f"{s * 1e3:.3g} ms"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--recorded", action="store_true")
    ap.add_argument("--markdown", default="")
    ap.add_argument("--jmh", default="")
    ap.add_argument("--rounds", type=int, default=1)
    a = ap.parse_args()
    if a.rounds < 1:
        ap.error("--rounds must be at least 1")
    loads, rounds = [], []
    for r in range(1, a.rounds + 1):
        label = f" {r}" if a.rounds > 1 else ""
        loads.append(load("JMH start" + label))
        ours = run_jmh(a.only, a.quick, a.jmh)
        loads.append(load("JMH end" + label))
        if a.recorded:
            theirs = recorded()
        else:
            groups = set()
            for _, (_, g) in ours.items():
                groups.update(g.split(","))
            theirs = {}
            for t in (1, 2):
                theirs.update(run_pytorch(groups, t))
            loads.append(load("PyTorch end" + label))
        rounds.append((ours, theirs))
    ours, theirs = combine(rounds)
    tables = ["Load average (1 min): " + ", ".join(loads) + "\n", table(ours, theirs, rounds),
              scalar_table(ours, theirs)]
    text = "\n".join(tables)
    print(text)
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(text)


def combine(rounds):
    """Each side's per-case median over the rounds (the rounds' own medians)."""
    ours = {k: (statistics.median(r[0][k][0] for r in rounds if k in r[0]), g) for k, (_, g) in rounds[0][0].items()}
    theirs = {k: statistics.median(r[1][k] for r in rounds if k in r[1]) for k in rounds[0][1]}
    return ours, theirs


def pytorch_time(theirs, name, base_name, threads):
    """PyTorch's time to compare a case with: an MLP step against PyTorch's faster thread count."""
    if name.startswith("mlp"):
        best = [b for b in (theirs.get((name, x)) for x in (1, 2)) if b]
        return min(best) if best else None
    return theirs.get((base_name, threads))


def round_ratios(rounds, name, base_name, threads):
    """'lo-hi' of our time over PyTorch's within each round."""
    pairs = [(o.get((name, threads)), pytorch_time(t, name, base_name, threads)) for o, t in rounds]
    ratios = sorted(o[0] / p for o, p in pairs if o and p)
    return f"{ratios[0]:.2f}-{ratios[-1]:.2f}" if ratios else "-"


def load(phase):
    """The 1-minute load average now, labelled with the run's phase."""
    return f"{os.getloadavg()[0]:.1f} at {phase} ({time.strftime('%H:%M', time.gmtime())} UTC)"


def gflops(case, seconds):
    fl = flops(case)
    return f"{fl / seconds / 1e9:.0f}" if fl and seconds else ""


def markdown(head, rows):
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(x) for x in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def table(ours, theirs, rounds):
    """Per case and thread count: ours, PyTorch's, the ratio and target; GFLOP/s; 2T over our 1T;
    with several rounds, the range of the rounds' ratios."""
    rows = []
    for (name, t), (med, _) in sorted(ours.items()):
        # a case with a baseline is shown against PyTorch's same case too (no target there)
        pairs = [(name, None), BASELINE_CASE[name]] if name in BASELINE_CASE else [(name, TARGETS.get(name))]
        for base_name, target in pairs:
            pt = pytorch_time(theirs, name, base_name, t)
            if isinstance(target, tuple):
                target = target[t - 1]
            ratio = med / pt if pt else None
            ok = "" if ratio is None or target is None else ("yes" if ratio <= target else "NO")
            one = ours.get((name, 1))
            vs_one = f"{med / one[0]:.2f}" if t == 2 and one else ""
            row = (name, t, fmt(med), gflops(name, med),
                   (base_name + ": " if base_name != name else "") + fmt(pt), gflops(name, pt),
                   f"{ratio:.2f}" if ratio else "-", f"≤ {target}" if target else "-", ok, vs_one)
            rows.append(row + ((round_ratios(rounds, name, base_name, t),) if len(rounds) > 1 else ()))
    head = ("case", "threads", "JTorch median", "GFLOP/s", "PyTorch median", "PT GFLOP/s", "ratio", "target", "met",
            "2T ÷ our 1T") + (("ratio per round",) if len(rounds) > 1 else ())
    return markdown(head, rows)


def scalar_table(ours, theirs):
    """Each tensor-with-Java-number op over our tensor-with-tensor op (PyTorch's same ratio beside it)."""
    rows = []
    for (name, t), (med, _) in sorted(ours.items()):
        twin = tensor_case(name)
        if not twin or (twin, t) not in ours:
            continue
        ratio = med / ours[(twin, t)][0]
        pt, pt_twin = theirs.get((name, t)), theirs.get((twin, t))
        rows.append((name, twin, t, fmt(med), fmt(ours[(twin, t)][0]), f"{ratio:.2f}",
                     f"{pt / pt_twin:.2f}" if pt and pt_twin else "-", f"≤ {SCALAR_TARGET}",
                     "yes" if ratio <= SCALAR_TARGET else "NO"))
    head = ("scalar case", "tensor case", "threads", "JTorch scalar", "JTorch tensor", "ratio", "PyTorch ratio",
            "target", "met")
    return markdown(head, rows)

if __name__ == "__main__":
    main()
