"""A small synchronous driver over jupyter_client for the end-to-end tests."""
import os
import time

import jtorch_kernelspec

jtorch_kernelspec.install()

from jupyter_client.manager import KernelManager  # noqa: E402


class Kernel:
    """A started jtorch kernel with helpers that collect a request's outputs."""

    def __init__(self, startup_timeout=120):
        self.km = KernelManager(kernel_name=jtorch_kernelspec.KERNEL_NAME)
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        try:
            self.kc.wait_for_ready(timeout=startup_timeout)
        except Exception:
            self.close()  # a kernel left running would hold the test runner's output pipe open
            raise
        self.pid = self.km.provisioner.pid if hasattr(self.km, "provisioner") and self.km.provisioner else None

    def close(self):
        try:
            self.kc.stop_channels()
        finally:
            self.km.shutdown_kernel(now=True)

    def send(self, code, **kwargs):
        return self.kc.execute(code, **kwargs)

    def reply(self, msg_id, timeout=60):
        deadline = time.time() + timeout
        while True:
            msg = self.kc.get_shell_msg(timeout=max(0.01, deadline - time.time()))
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def outputs(self, msg_id, timeout=60):
        """iopub messages of a request, up to its idle status."""
        out = []
        deadline = time.time() + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(0.01, deadline - time.time()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    return out
                continue
            if msg["msg_type"] != "execute_input":
                out.append(msg)

    def run(self, code, timeout=60, **kwargs):
        """(reply content, [iopub messages]) of one cell."""
        msg_id = self.send(code, **kwargs)
        reply = self.reply(msg_id, timeout)
        return reply["content"], self.outputs(msg_id, timeout)

    def value(self, code, timeout=60):
        content, outs = self.run(code, timeout)
        assert content["status"] == "ok", (code, content, outs)
        results = [m for m in outs if m["msg_type"] == "execute_result"]
        assert results, (code, outs)
        return results[-1]["content"]["data"]["text/plain"]

    def stdout(self, outs):
        return "".join(m["content"]["text"] for m in outs
                       if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def java_feature_version():
    java = jtorch_kernelspec.default_java()
    import subprocess
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    import re
    m = re.search(r'version "(\d+)', out)
    return int(m.group(1)) if m else 0
