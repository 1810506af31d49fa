"""The kernel process at run time, through jupyter-client: memory given back after a spike and an
OutOfMemoryError (issue 13), the intra-op thread setting, and a start-up warm-up that leaves the
user's state alone. RSS is read from /proc; memory figures only, no timings.

Each test starts its own kernel from a kernelspec that install/install.sh writes into a temporary
--prefix, as users get it (with its class-data archive), plus the JVM options the test names; the
shared JUPYTER_PATH of the other modules is untouched.
"""
import atexit
import os
import shutil
import subprocess
import tempfile
import time
import unittest

import jtorch_kernelspec
from kernel_harness import rss_kib
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

MIB = 1024
# Issue 8's target is 0.6 x the idle RSS of ipykernel + `import torch` (277 MiB here: 166 MiB);
# kernel/bench reports that figure against the target. Measured 145-171 MiB in the e2e runs: what
# the JIT has compiled (and the arenas of compiles still running on a loaded machine) moves it by
# ~25 MiB, so the test bounds it with a margin that a loaded 2-core CI machine fits in.
FRESH_IDLE_RSS_LIMIT_MIB = 200
# issue 13: back within 100 MiB of the pre-spike RSS within 10 s of idle; 1,500 cells add < 50 MiB.
# Memory is asserted, not time: the RSS is back 2.5-3 s after the cell here (kernel/README.md), but
# the trim's full GC on a loaded CI machine can take longer, so the test waits up to 30 s for it.
RETURN_MARGIN_MIB = 100
RETURN_WITHIN_S = 30
SMALL_CELLS = 1500
SMALL_CELLS_GROWTH_MIB = 50
# the spike (2 GiB) fits under this heap limit, which the OutOfMemoryError cell fills
MAX_HEAP = "-Xmx3g"


INSTALL = os.path.join(jtorch_kernelspec.KERNEL_DIR, "..", "install", "install.sh")
_installed = {}


def installed_kernels_dir(extra_jvm_args):
    """The kernels directory of an install.sh --prefix install with these extra JVM options (once)."""
    key = tuple(extra_jvm_args)
    if key not in _installed:
        prefix = tempfile.mkdtemp(prefix="jtorch-runtime-")
        atexit.register(shutil.rmtree, prefix, True)
        cmd = ["bash", INSTALL, "--prefix", prefix, "--jar", jtorch_kernelspec.default_jar(),
               "--java", jtorch_kernelspec.default_java()]
        for opt in key:
            cmd += ["--jvm-opt", opt]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, timeout=600)
        _installed[key] = os.path.join(prefix, "share", "jupyter", "kernels")
    return _installed[key]


class RuntimeKernel:
    """A kernel of the installed kernelspec with `extra_jvm_args`, in environment `env`."""

    def __init__(self, extra_jvm_args=(), env=None):
        specs = KernelSpecManager(kernel_dirs=[installed_kernels_dir(extra_jvm_args)])
        self.km = KernelManager(kernel_name=jtorch_kernelspec.KERNEL_NAME, kernel_spec_manager=specs)
        self.km.start_kernel(env=dict(os.environ, **(env or {})))
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        self.pid = self.km.provisioner.pid

    def run(self, code, timeout=300):
        """(status, ename, text of stdout and results) of one cell."""
        msg_id = self.kc.execute(code)
        text, ename = [], None
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "stream":
                text.append(msg["content"]["text"])
            elif kind == "execute_result":
                text.append(msg["content"]["data"]["text/plain"])
            elif kind == "error":
                ename = msg["content"]["ename"]
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                break
        return ("error" if ename else "ok"), ename, "".join(text).strip()

    def value(self, code):
        status, ename, text = self.run(code)
        assert status == "ok", (code, ename, text)
        return text

    def run_many(self, cells, timeout=600):
        """Sends every cell at once (the kernel runs them in order); the count of failed replies."""
        ids = {self.kc.execute(code) for code in cells}
        failed = 0
        deadline = time.time() + timeout
        while ids:
            reply = self.kc.get_shell_msg(timeout=max(1, deadline - time.time()))
            if reply["parent_header"].get("msg_id") in ids:
                ids.discard(reply["parent_header"]["msg_id"])
                failed += reply["content"]["status"] != "ok"
        return failed

    def rss_mib(self):
        return rss_kib(self.pid) / MIB

    def settled_rss_mib(self, limit_s=30):
        """RSS after 3 s of idle (the kernel trims the heap 2 s after a cell) once it stops moving
        (< 2 MiB over a second; the start-up warm-up runs at idle)."""
        time.sleep(3)
        last = self.rss_mib()
        for _ in range(limit_s):
            time.sleep(1)
            now = self.rss_mib()
            if abs(now - last) < 2:
                return now
            last = now
        return last

    def rss_back_within(self, target_mib, seconds):
        """(seconds it took, RSS) for the RSS to drop to target_mib; None for the time if it did not."""
        start = time.time()
        while True:
            rss = self.rss_mib()
            if rss <= target_mib:
                return time.time() - start, rss
            if time.time() - start > seconds:
                return None, rss
            time.sleep(0.25)

    def close(self):
        try:
            self.kc.stop_channels()
        finally:
            self.km.shutdown_kernel(now=True)


class MemoryAfterSpikeTest(unittest.TestCase):
    """A 2 GiB spike and an OutOfMemoryError give their memory back; many small cells stay flat."""

    def test_memory_spike_and_oom_given_back_and_small_cells_flat(self):
        k = RuntimeKernel([MAX_HEAP])
        try:
            k.value("torch.ones(3, 3).add(1)")
            fresh = k.settled_rss_mib()
            print(f"\nfresh kernel idle RSS {fresh:.0f} MiB (limit {FRESH_IDLE_RSS_LIMIT_MIB})")
            self.assertLessEqual(fresh, FRESH_IDLE_RSS_LIMIT_MIB)

            k.value("var small = torch.ones(100, 100).add(torch.ones(100, 100)); small.sum()")
            before = k.settled_rss_mib()
            k.value("var spike = new ArrayList<Tensor>();\n"
                    "for (int i = 0; i < 8; i++) { spike.add(torch.ones(8192, 8192)); }\n"
                    "spike.size()")
            peak = k.rss_mib()
            k.value("spike = null;")
            took, after_spike = k.rss_back_within(before + RETURN_MARGIN_MIB, RETURN_WITHIN_S)
            print(f"RSS before the 2 GiB spike {before:.0f} MiB, at its peak {peak:.0f} MiB, "
                  f"after it {after_spike:.0f} MiB" + (f" within {took:.1f} s" if took is not None else ""))
            self.assertGreater(peak, before + 1500, "the spike did not happen")
            self.assertIsNotNone(took, f"RSS not back within {RETURN_MARGIN_MIB} MiB in {RETURN_WITHIN_S} s")

            status, ename, _ = k.run("{\n    var hog = new ArrayList<Tensor>();\n"
                                     "    while (true) { hog.add(torch.ones(4096, 4096)); }\n}")
            self.assertEqual((status, ename), ("error", "OutOfMemoryError"))
            took, after_oom = k.rss_back_within(before + RETURN_MARGIN_MIB, RETURN_WITHIN_S)
            print(f"RSS after filling the heap ({MAX_HEAP}) to an OutOfMemoryError {after_oom:.0f} MiB"
                  + (f" within {took:.1f} s" if took is not None else ""))
            self.assertIsNotNone(took, f"RSS not back within {RETURN_MARGIN_MIB} MiB in {RETURN_WITHIN_S} s")

            start_small = k.settled_rss_mib()
            failed = k.run_many([f"var t{i % 10} = torch.ones(100, 100).add(torch.ones(100, 100));"
                                 for i in range(SMALL_CELLS)])
            self.assertEqual(failed, 0)
            end_small = k.settled_rss_mib()
            print(f"{SMALL_CELLS} small cells: RSS {start_small:.0f} -> {end_small:.0f} MiB")
            self.assertLess(end_small - start_small, SMALL_CELLS_GROWTH_MIB)
        finally:
            k.close()


class IntraOpThreadsTest(unittest.TestCase):
    def test_threads_env_sets_torch_num_threads(self):
        k = RuntimeKernel(env={"JTORCH_NUM_THREADS": "1"})
        try:
            self.assertEqual(k.value("torch.getNumThreads()"), "1")
        finally:
            k.close()


class WarmUpLeavesStateAloneTest(unittest.TestCase):
    def test_warm_up_at_idle_keeps_random_stream_and_grad_mode(self):
        k = RuntimeKernel()
        try:
            second_draw = k.value("torch.manualSeed(0); torch.rand(3); torch.rand(3)")
            k.value("torch.manualSeed(0); torch.rand(3)")
            time.sleep(3)  # the op warm-up runs between cells
            self.assertEqual(k.value("torch.rand(3)"), second_draw)
            self.assertEqual(k.value("torch.isGradEnabled()"), "True")
        finally:
            k.close()


if __name__ == "__main__":
    unittest.main()
