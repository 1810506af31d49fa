"""Kernel benchmark: jtorch side by side with ipykernel (+ import torch) on the same machine.

Measures, through Debian's jupyter-client, for each kernel:
  start -> first tensor result : from start_kernel() to the execute_result of the first tensor
                                 cell (jtorch: `torch.ones(3, 3).add(1)`; ipykernel:
                                 `import torch` + `torch.ones(3, 3).add(1)` in one cell), median
                                 over --starts fresh kernels;
  trivial cell                 : median round trip (execute_request -> idle) of `1 + 1`;
  tensor cell                  : median round trip of `torch.ones(3, 3).add(1)`;
  idle RSS                     : VmRSS of the kernel process after the cells, 2 s idle.

Usage: /usr/bin/python3 bench_kernel.py [--jar JAR] [--java JAVA] [--runs N] [--starts N]
       [--variant NAME='JVM OPTIONS'] ...   (default variant: the kernelspec template's options)
Prints a Markdown table; ratios are jtorch / ipykernel+torch.
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src", "test", "python"))
import jtorch_kernelspec  # noqa: E402

from jupyter_client.manager import KernelManager  # noqa: E402


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def round_trip(kc, code, timeout=120):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    got_result = None
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            got_result = time.perf_counter() - t0
        if msg["msg_type"] == "error":
            raise RuntimeError(f"{code!r} failed: {msg['content']['ename']}: {msg['content']['evalue']}")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return time.perf_counter() - t0, got_result


def make_spec(name, argv, language):
    root = tempfile.mkdtemp(prefix="bench-kernels-")
    d = os.path.join(root, "kernels", name)
    os.makedirs(d)
    with open(os.path.join(d, "kernel.json"), "w") as f:
        json.dump({"argv": argv, "display_name": name, "language": language, "interrupt_mode": "message"}, f)
    return root


def measure(kernel_name, first_cell, tensor_cell, runs, starts):
    first = []
    km = kc = None
    for i in range(starts):
        t0 = time.perf_counter()
        km = KernelManager(kernel_name=kernel_name)
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=180)
        _, result_at = round_trip(kc, first_cell)
        first.append(time.perf_counter() - t0)
        if i < starts - 1:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    trivial = [round_trip(kc, "1 + 1")[0] for _ in range(runs)]
    tensor = [round_trip(kc, tensor_cell)[0] for _ in range(runs)]
    time.sleep(2)
    pid = km.provisioner.pid
    rss = rss_mib(pid)
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return {
        "first": statistics.median(first),
        "trivial_ms": statistics.median(trivial) * 1000,
        "tensor_ms": statistics.median(tensor) * 1000,
        "rss": rss,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default=jtorch_kernelspec.default_jar())
    ap.add_argument("--java", default=jtorch_kernelspec.default_java())
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--starts", type=int, default=3)
    ap.add_argument("--variant", action="append", default=[],
                    help="NAME='JVM OPTIONS' replacing the template's options")
    ap.add_argument("--no-ipykernel", action="store_true")
    args = ap.parse_args()

    spec = jtorch_kernelspec.install(jar=args.jar, java=args.java)
    template_opts = spec["argv"][1:spec["argv"].index("-jar")]
    variants = [("kernel.json template", template_opts)]
    for v in args.variant:
        name, _, opts = v.partition("=")
        variants.append((name, shlex.split(opts)))

    roots = []
    rows = []
    for name, opts in variants:
        kname = "bench-jtorch-" + str(len(roots))
        roots.append(make_spec(kname, [args.java, *opts, "-jar", os.path.abspath(args.jar), "{connection_file}"], "java"))
        os.environ["JUPYTER_PATH"] = roots[-1] + os.pathsep + os.environ.get("JUPYTER_PATH", "")
        r = measure(kname, "torch.ones(3, 3).add(1)", "torch.ones(3, 3).add(1)", args.runs, args.starts)
        rows.append((f"jtorch ({name}: `{' '.join(opts)}`)", r))
        print(f"measured {rows[-1][0]}: {r}", file=sys.stderr, flush=True)

    ref = None
    if not args.no_ipykernel:
        root = make_spec("bench-ipykernel", ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                         "python")
        roots.append(root)
        os.environ["JUPYTER_PATH"] = root + os.pathsep + os.environ.get("JUPYTER_PATH", "")
        ref = measure("bench-ipykernel", "import torch\ntorch.ones(3, 3).add(1)", "torch.ones(3, 3).add(1)",
                      args.runs, args.starts)
        rows.append(("ipykernel 6 + `import torch`", ref))
        print(f"measured ipykernel: {ref}", file=sys.stderr, flush=True)

    print(f"\nmachine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end; "
          f"{args.runs} round trips per cell, {args.starts} fresh starts\n")
    print("| kernel | start → first tensor result | `1 + 1` median | `torch.ones(3, 3).add(1)` median | idle RSS |")
    print("|---|---|---|---|---|")
    for name, r in rows:
        ratio = ""
        if ref and r is not ref:
            ratio = (f" (×{r['first'] / ref['first']:.2f}, ×{r['trivial_ms'] / ref['trivial_ms']:.2f}, "
                     f"×{r['tensor_ms'] / ref['tensor_ms']:.2f}, ×{r['rss'] / ref['rss']:.2f} vs ipykernel+torch)")
        print(f"| {name} | {r['first']:.2f} s | {r['trivial_ms']:.1f} ms | {r['tensor_ms']:.1f} ms | "
              f"{r['rss']:.0f} MiB |{ratio}")
    for root in roots:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
