"""Kernel benchmark: the installed jtorch kernel side by side with ipykernel + `import torch`.

One command installs the jtorch kernelspec exactly as `install/install.sh` writes it by default
(into a temporary --prefix), starts it and ipykernel (/usr/bin/python3, Debian's python3-torch)
through jupyter-client, and times in the same run, for each kernel:

  cells      median wall time of execute_request -> status idle over --runs (--heavy-runs for
             heavy cells) runs, after an untimed setup cell and one warm-up run of the same cell
             (cells.py lists them, each in Java and in Python); each kernel runs all the cells
             in a block, as in a notebook's Run All, while the other kernels' processes are
             stopped (SIGSTOP, then SIGCONT): no kernel's background work (a JVM's JIT compiles
             and warm-ups) runs in another kernel's timed cells;
  course     --course-rounds rounds of a Run All of each course notebook beside its PyTorch
             original (course.py), each in a fresh kernel: every cell met for the first time, as
             `./run-course.sh` or nbconvert --execute meet them; the sum of the cells' times and
             start -> last cell, medians over the rounds;
  fresh      in --starts fresh kernels each: start -> first tensor result (start_kernel() to the
             idle after the first tensor cell), idle RSS (VmRSS --idle seconds after that), and,
             in other fresh kernels, the FIRST 1024x1024 matmul right after its setup cell (with
             --cpu also its CPU by thread: the product's threads, the JIT compilers, the shell),
             and in others the FIRST MLP training cell right after its setup (a training
             notebook's Run All, which meets it in the kernel's first seconds).

Usage:
  /usr/bin/python3 kernel/bench/bench_kernel.py [--runs N] [--heavy-runs N] [--starts N]
      [--only REGEX] [--java PATH] [--jar JAR] [--jvm-opt OPT]... [--variant NAME=OPTS]...
      [--install-variant NAME=ARGS]...
      [--no-ipykernel] [--no-pause] [--cpu] [--settle SECONDS] [--course-rounds N] [--json FILE]

--java and --jvm-opt are passed to install.sh. --variant adds a jtorch kernel whose JVM options
are replaced by OPTS (to compare configurations in one run; @KERNEL_DIR@ in OPTS names the variant's
installed kernelspec directory, e.g. -XX:SharedArchiveFile=@KERNEL_DIR@/jtorch-kernel.jsa).
--install-variant adds a jtorch kernel installed with install.sh's ARGS appended, its kernel.json
as install.sh writes it (e.g. t25='--java /path/to/jdk-25/bin/java', with
`--aot` for an AOT cache instead of the class-data archive).
Ratios are jtorch / ipykernel+torch.
"""
import argparse
import contextlib
import json
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import cells as C  # noqa: E402
import course  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
INSTALL = os.path.join(ROOT, "install", "install.sh")
PYTHON = "/usr/bin/python3"

# jtorch / ipykernel+torch targets of issue 8 (None: reported, no target).
TARGETS = {"one_plus_one": 1.0, "autograd": 1.0, "redeclare_vars": 1.0, "mlp": 1.5, "matmul1": 1.0,
           "matmul5": 1.0, "exp_sum": 1.0}


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def stat_fields(pid):
    """The fields of procfs's stat line of a process after its command name: the state first."""
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()


def cpu_seconds(pid):
    """User + system CPU time of a process so far (all its threads)."""
    fields = stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_cpu(pid):
    """CPU seconds so far of a process's threads, summed by thread name (HotSpot's compiler threads as C1, C2)."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                seconds = int(f.read().split()[0]) / 1e9
        except OSError:
            continue  # the thread has ended
        name = re.sub(r"^(C[12]) CompilerThre.*", r"\1", name)
        out[name] = out.get(name, 0.0) + seconds
    return out


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Kernel:
    """A started kernel and a client; run() times one cell to its idle status."""

    def __init__(self, spec_manager, name, timeout=180):
        self.t0 = time.perf_counter()
        self.km = KernelManager(kernel_name=name, kernel_spec_manager=spec_manager)
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=timeout)
        self.pid = self.km.provisioner.pid

    def run(self, code, timeout=600):
        """Seconds from execute_request to idle; raises when the cell failed."""
        t0 = time.perf_counter()
        msg_id = self.kc.execute(code, store_history=True)
        error = None
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "error":
                error = f"{msg['content']['ename']}: {msg['content']['evalue']}"
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                elapsed = time.perf_counter() - t0
                break
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        if error or reply["content"]["status"] != "ok":
            raise RuntimeError(f"cell failed: {error or reply['content']}\n{code}")
        return elapsed

    def rss(self):
        return rss_mib(self.pid)

    def cpu(self):
        return cpu_seconds(self.pid)

    def timed(self, code):
        """(wall seconds, kernel process CPU seconds) of one cell."""
        cpu0 = self.cpu()
        wall = self.run(code)
        return wall, self.cpu() - cpu0

    def close(self):
        try:
            self.kc.stop_channels()
        finally:
            self.km.shutdown_kernel(now=True)


class Side:
    """One kernel under test: its spec and the code it runs."""

    def __init__(self, label, spec_dir, name, lang):
        self.label, self.name, self.lang = label, name, lang
        self.specs = KernelSpecManager(kernel_dirs=[spec_dir])
        self.argv = self.specs.get_kernel_spec(name).argv

    def start(self):
        return Kernel(self.specs, self.name)

    def code(self, cell, setup=False):
        if self.lang == "java":
            return cell.java_setup if setup else cell.java
        return cell.python_setup if setup else cell.python


def install_jtorch(tmp, args, variant_opts=None, install_args=()):
    """Installs with install.sh --prefix (and install_args); a variant replaces the JVM options of its kernel.json."""
    prefix = tempfile.mkdtemp(prefix="jtorch-", dir=tmp)
    cmd = ["bash", INSTALL, "--prefix", prefix]
    if args.java:
        cmd += ["--java", args.java]
    if args.jar:
        cmd += ["--jar", args.jar]
    for opt in args.jvm_opt:
        cmd += ["--jvm-opt", opt]
    cmd += install_args
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    kernels = os.path.join(prefix, "share", "jupyter", "kernels")
    if variant_opts is not None:
        path = os.path.join(kernels, "jtorch", "kernel.json")
        with open(path, encoding="utf-8") as f:
            spec = json.load(f)
        argv = spec["argv"]
        kernel_dir = os.path.dirname(path)
        spec["argv"] = [argv[0], *(o.replace("@KERNEL_DIR@", kernel_dir) for o in variant_opts),
                        *argv[argv.index("-jar"):]]
        with open(path, "w", encoding="utf-8") as f:
            json.dump(spec, f, indent=2)
    return kernels


def install_ipykernel(tmp):
    kernels = os.path.join(tmp, "ipykernel", "kernels")
    os.makedirs(os.path.join(kernels, "bench-ipykernel"))
    with open(os.path.join(kernels, "bench-ipykernel", "kernel.json"), "w") as f:
        json.dump({"argv": [PYTHON, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                   "display_name": "ipykernel + torch", "language": "python",
                   "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}}, f)
    return kernels


def measure_fresh(side, starts, idle):
    """Start -> first tensor result and idle RSS; then the first matmul, and the first MLP cell, in other fresh kernels."""
    first, first_cpu, rss = [], [], []
    first_cell = C.FIRST_RESULT_JAVA if side.lang == "java" else C.FIRST_RESULT_PY
    for _ in range(starts):
        k = Kernel(side.specs, side.name)
        try:
            k.run(first_cell)
            first.append(time.perf_counter() - k.t0)
            first_cpu.append(k.cpu())
            time.sleep(idle)
            rss.append(k.rss())
        finally:
            k.close()
    java = side.lang == "java"
    matmul = first_cells(side, starts, C.MATMUL_SETUP_JAVA if java else C.FIRST_MATMUL_SETUP_PY,
                         C.MATMUL1_JAVA if java else C.MATMUL1_PY)
    mlp = first_cells(side, starts, C.MLP_SETUP_JAVA if java else C.FIRST_MLP_SETUP_PY,
                      C.MLP_JAVA if java else C.MLP_PY)
    return {"first_result": first, "idle_rss": rss, "first_matmul": matmul["wall"], "first_mlp": mlp["wall"],
            "cpu": {"first_result": first_cpu, "first_matmul": matmul["cpu"], "first_mlp": mlp["cpu"],
                    "first_matmul_threads": matmul["threads"]}}


def first_cells(side, starts, setup, code):
    """In each of `starts` fresh kernels, `code` timed right after `setup`: wall, kernel CPU and CPU by thread."""
    wall, cpu, threads = [], [], []
    for _ in range(starts):
        k = Kernel(side.specs, side.name)
        try:
            k.run(setup)
            before = thread_cpu(k.pid)
            w, c = k.timed(code)
            after = thread_cpu(k.pid)
            wall.append(w)
            cpu.append(c)
            threads.append({n: max(0.0, v - before.get(n, 0.0)) for n, v in after.items()})
        finally:
            k.close()
    return {"wall": wall, "cpu": cpu, "threads": threads}


def process_state(pid):
    """The state letter of a process from procfs (T: stopped, S: sleeping, R: running)."""
    return stat_fields(pid)[0]


def await_state(pid, letters, timeout=2.0):
    """Waits until the process's state is one of letters (a signal takes effect asynchronously); the last state read."""
    deadline = time.monotonic() + timeout
    state = process_state(pid)
    while state not in letters and time.monotonic() < deadline:
        time.sleep(0.005)
        state = process_state(pid)
    return state


@contextlib.contextmanager
def paused(kernels):
    """Stops these kernels' processes (SIGSTOP) for the block and resumes them after it (SIGCONT)."""
    stopped = []
    try:
        for k in kernels:
            os.kill(k.pid, signal.SIGSTOP)
            stopped.append(k)
        for k in stopped:
            if await_state(k.pid, "T") != "T":
                log(f"  warning: kernel process {k.pid} did not stop; the timings may include its work")
        yield
    finally:
        for k in stopped:
            os.kill(k.pid, signal.SIGCONT)


def measure_cells(kernels, cells, runs, heavy_runs, pause=True):
    """
    Each cell: setup and one warm-up run, then the timed runs. With pause, each kernel runs all
    the cells in a block, as in a notebook's "Run All", while the other kernels are stopped: what
    a kernel does in the background (a JVM's JIT compiles, its warm-ups) is then charged to its
    own cells, never to another kernel's. Without pause, the kernels take turns cell by cell, all
    of them running throughout.
    """
    times = {side.label: {} for side, _ in kernels}
    cpus = {side.label: {} for side, _ in kernels}

    def measure(side, k, cell):
        n = heavy_runs if cell.heavy else runs
        if side.code(cell, setup=True):
            k.run(side.code(cell, setup=True))
        k.run(side.code(cell))
        timed = [k.timed(side.code(cell)) for _ in range(n)]
        times[side.label][cell.key] = [wall for wall, _ in timed]
        cpus[side.label][cell.key] = [cpu for _, cpu in timed]
        log(f"  {side.label:>10} {cell.key:<16} median {statistics.median(times[side.label][cell.key]) * 1000:9.1f} ms")

    if pause:
        for side, k in kernels:
            with paused([o for _, o in kernels if o is not k]):
                for cell in cells:
                    measure(side, k, cell)
    else:
        for cell in cells:
            for side, k in kernels:
                measure(side, k, cell)
    rss_after = {side.label: k.rss() for side, k in kernels}
    return times, cpus, rss_after


def java_version(argv0):
    out = subprocess.run([argv0, "-version"], capture_output=True, text=True).stderr
    return out.splitlines()[1].strip() if len(out.splitlines()) > 1 else out.strip()


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def fmt_time(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


class Table:
    """Markdown: one row per figure, a column per kernel; jtorch columns carry their ratio."""

    def __init__(self, sides, ref):
        self.sides, self.ref = sides, ref
        self.lines = ["| cell | " + " | ".join(s.label for s in sides) + " | target |",
                      "|---" * (len(sides) + 2) + "|"]

    def row(self, title, values, fmt, target=""):
        cols = []
        for s in self.sides:
            v = values.get(s.label)
            if v is None:
                cols.append("—")
                continue
            text = fmt(v)
            if self.ref and s.label != self.ref.label and values.get(self.ref.label):
                text += f" (×{v / values[self.ref.label]:.2f})"
            cols.append(text)
        self.lines.append(f"| {title} | " + " | ".join(cols) + f" | {target} |")

    def text(self):
        return "\n".join(self.lines)


def medians(results, labels, *path, summary=statistics.median):
    """{label: summary (median) of results[label][path...]} for the labels that have it."""
    out = {}
    for label in labels:
        v = results[label]
        for key in path:
            v = v.get(key) if isinstance(v, dict) else None
        if v:
            out[label] = summary(v)
    return out


def time_table(sides, ref, results, cells):
    t = Table(sides, ref)
    labels = [s.label for s in sides]
    for cell in cells:
        target = TARGETS.get(cell.key)
        t.row(cell.title, medians(results, labels, "cells", cell.key), fmt_time, f"≤ {target}" if target else "")
    fresh = [s.label for s in sides if results[s.label].get("fresh")]
    if fresh:
        first = medians(results, fresh, "fresh", "first_matmul")
        t.row("FIRST matmul 1024 in a fresh kernel", first, fmt_time)
        steady = medians(results, fresh, "cells", "matmul1")
        t.lines.append("| first ÷ steady matmul 1024 (same kernel kind) | " + " | ".join(
            f"{first[s.label] / steady[s.label]:.1f}×" if s.label in steady and s.label in first else "—"
            for s in sides) + " | jtorch ≤ 3× |")
        t.row("FIRST MLP cell (100 SGD steps) in a fresh kernel", medians(results, fresh, "fresh", "first_mlp"),
              fmt_time)
        t.row("start → first tensor result", medians(results, fresh, "fresh", "first_result"), fmt_time, "≤ 1.5 s")
        t.row("idle RSS, fresh kernel", medians(results, fresh, "fresh", "idle_rss"), lambda v: f"{v:.0f} MiB", "≤ 0.6")
    after = {s.label: results[s.label]["rss_after_cells"] for s in sides if "rss_after_cells" in results[s.label]}
    t.row("RSS after the cells above", after, lambda v: f"{v:.0f} MiB")
    return t.text()


def measure_course(sides, rounds):
    """{label: {notebook key: [run_all results]}}: per round, per notebook pair, each side in turn."""
    runs = {s.label: {} for s in sides}
    notebooks = course.pairs(log=log)
    for rnd in range(rounds):
        for key, ours, original in notebooks:
            for s in sides:
                path = ours if s.lang == "java" else original
                r = course.run_all(path, s.specs, s.name, cpu_of=cpu_seconds)
                runs[s.label].setdefault(key, []).append(r)
                log(f"  round {rnd} {s.label:>10} {key:<18} cells {sum(r['cells']):6.2f} s, start -> last {r['wall']:6.2f} s, "
                    f"{r['errors']} cells raised")
    return runs


def course_table(sides, ref, results):
    """Per course notebook: its cells' time in a Run All, start -> last cell, and the kernel's CPU by then."""
    t = Table(sides, ref)
    labels = [s.label for s in sides if results[s.label].get("course")]
    keys = [k for k, _, _ in course.PAIRS if any(k in results[label]["course"] for label in labels)]
    for key in keys:
        def per_run(figure):
            return {label: statistics.median(figure(r) for r in results[label]["course"][key])
                    for label in labels if key in results[label]["course"]}
        n = next(len(results[label]["course"][key][0]["cells"]) for label in labels if key in results[label]["course"])
        t.row(f"`{key}`: its {n} code cells", per_run(lambda r: sum(r["cells"])), fmt_time)
        t.row(f"`{key}`: kernel start → last cell done", per_run(lambda r: r["wall"]), fmt_time)
        t.row(f"`{key}`: kernel CPU by then", per_run(lambda r: r["cpu"]), fmt_time)
    return t.text()


def thread_lines(sides, results):
    """Per kernel, the FIRST matmul's CPU by thread (median over the fresh kernels), largest first."""
    lines = []
    for s in sides:
        runs = results[s.label].get("fresh", {}).get("cpu", {}).get("first_matmul_threads")
        if not runs:
            continue
        names = {n for r in runs for n in r}
        per = {n: statistics.median(r.get(n, 0.0) for r in runs) for n in names}
        shown = [f"{n} {v * 1000:.0f}" for n, v in sorted(per.items(), key=lambda x: -x[1]) if v >= 0.001]
        lines.append(f"- {s.label}: " + ", ".join(shown) + " ms")
    return "\n".join(lines)


def cpu_table(sides, ref, results, cells):
    """
    The kernel process's CPU time (all threads: JIT, GC, warm-up) in the same runs: per cell the
    mean over its timed runs (the kernel's clock ticks are 10 ms, so a median of one cell's CPU
    is 0 or 10 ms), per fresh kernel the median.
    """
    t = Table(sides, ref)
    labels = [s.label for s in sides]
    for cell in cells:
        t.row(cell.title, medians(results, labels, "cells_cpu", cell.key, summary=statistics.mean), fmt_time)
    t.row("FIRST matmul 1024 in a fresh kernel", medians(results, labels, "fresh", "cpu", "first_matmul"), fmt_time)
    t.row("FIRST MLP cell in a fresh kernel", medians(results, labels, "fresh", "cpu", "first_mlp"), fmt_time)
    t.row("start → first tensor result", medians(results, labels, "fresh", "cpu", "first_result"), fmt_time)
    return t.text()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=20, help="timed runs of a light cell (median)")
    ap.add_argument("--heavy-runs", type=int, default=5, help="timed runs of a heavy cell (median)")
    ap.add_argument("--starts", type=int, default=3, help="fresh kernels per fresh-kernel figure")
    ap.add_argument("--idle", type=float, default=5.0, help="seconds idle before reading the idle RSS")
    ap.add_argument("--settle", type=float, default=0.0,
                    help="seconds to wait after the long-lived kernels started before their first cell (default 0: "
                         "the first cells overlap the jtorch kernel's start-up warm-up)")
    ap.add_argument("--only", help="regex over cell keys (" + ", ".join(c.key for c in C.CELLS) + ")")
    ap.add_argument("--no-fresh", action="store_true", help="skip the fresh-kernel figures")
    ap.add_argument("--course-rounds", type=int, default=3,
                    help="rounds of a Run All of each course notebook beside its PyTorch original (0: none)")
    ap.add_argument("--java", help="install.sh --java")
    ap.add_argument("--jar", help="install.sh --jar")
    ap.add_argument("--jvm-opt", action="append", default=[], help="install.sh --jvm-opt (repeatable)")
    ap.add_argument("--variant", action="append", default=[],
                    help="NAME=OPTS: one more jtorch kernel with these JVM options instead of the installed ones")
    ap.add_argument("--install-variant", action="append", default=[],
                    help="NAME='INSTALL.SH ARGS': one more jtorch kernel, installed with these install.sh arguments")
    ap.add_argument("--no-ipykernel", action="store_true")
    ap.add_argument("--no-pause", action="store_true",
                    help="the kernels take turns cell by cell, all running throughout (a JVM's background work then "
                         "runs in ipykernel's timed cells), instead of a block of all the cells per kernel with the "
                         "others stopped")
    ap.add_argument("--cpu", action="store_true", help="also print the kernel processes' CPU time (robust under load)")
    ap.add_argument("--json", help="also write the raw timings here")
    args = ap.parse_args()
    # the steady 1024 matmul is the yardstick of the first one in a fresh kernel
    cells = [c for c in C.CELLS if not args.only or re.search(args.only, c.key)
             or (c.key == "matmul1" and not args.no_fresh)]

    tmp = tempfile.mkdtemp(prefix="bench-kernel-")
    try:
        sides = [Side("jtorch", install_jtorch(tmp, args), "jtorch", "java")]
        for v in args.variant:
            name, _, opts = v.partition("=")
            sides.append(Side(name, install_jtorch(tmp, args, shlex.split(opts)), "jtorch", "java"))
        for v in args.install_variant:
            name, _, extra = v.partition("=")
            sides.append(Side(name, install_jtorch(tmp, args, install_args=shlex.split(extra)), "jtorch", "java"))
        ref = None
        if not args.no_ipykernel:
            ref = Side("ipykernel+torch", install_ipykernel(tmp), "bench-ipykernel", "python")
            sides.append(ref)
        load_start = os.getloadavg()
        started = time.strftime("%Y-%m-%d %H:%M")
        results = {s.label: {"argv": s.argv, "cells": {}} for s in sides}
        if not args.no_fresh:
            for s in sides:
                log(f"fresh kernels: {s.label}")
                results[s.label]["fresh"] = measure_fresh(s, args.starts, args.idle)
                log(f"  {results[s.label]['fresh']}")
        log("cells")
        kernels = []
        try:
            for s in sides:
                k = s.start()
                kernels.append((s, k))
                if s.lang == "python":
                    k.run("import torch")
            time.sleep(args.settle)
            times, cpus, rss_after = measure_cells(kernels, cells, args.runs, args.heavy_runs, pause=not args.no_pause)
        finally:
            for _, k in kernels:
                k.close()
        if args.course_rounds:
            log("course: Run All in fresh kernels")
            for label, runs in measure_course(sides, args.course_rounds).items():
                results[label]["course"] = runs
        for s in sides:
            results[s.label]["cells"] = times[s.label]
            results[s.label]["cells_cpu"] = cpus[s.label]
            results[s.label]["rss_after_cells"] = rss_after[s.label]
        load_end = os.getloadavg()

        java = sides[0].argv[0]
        print(f"\nrun {started}; {cpu_model()}, {os.cpu_count()} cores; {java_version(java)}; "
              f"load average {load_start[0]:.2f} at the start, {load_end[0]:.2f} at the end; "
              f"medians of {args.runs} runs ({args.heavy_runs} for heavy cells) after one warm-up run"
              f"{f' and {args.settle:g} s idle after the kernels started' if args.settle else ''}; "
              f"{'kernels taking turns cell by cell, all running' if args.no_pause else 'each kernel runs all the cells in a block while the others are stopped'}; "
              f"{args.starts} fresh starts\n")
        for s in sides:
            print(f"- {s.label}: `{' '.join(shlex.quote(a) for a in s.argv)}`")
        print()
        print(time_table(sides, ref, results, cells))
        if args.course_rounds:
            print(f"\nRun All of the course in fresh kernels (each notebook of ours beside its PyTorch original; "
                  f"medians of {args.course_rounds} rounds):\n")
            print(course_table(sides, ref, results))
        if args.cpu:
            print("\nCPU time of the kernel process (all its threads) in the same runs: per cell the mean of its "
                  "timed runs, per fresh kernel the median:\n")
            print(cpu_table(sides, ref, results, cells))
            threads = thread_lines(sides, results)
            if threads:
                print("\nFIRST matmul in a fresh kernel, CPU by thread of the kernel process (median over the "
                      "fresh kernels; C1, C2: HotSpot's compiler threads):\n")
                print(threads)
        if args.json:
            with open(args.json, "w") as f:
                json.dump({"started": started, "load": [load_start, load_end], "results": results}, f, indent=1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
