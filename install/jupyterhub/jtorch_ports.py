"""Kernel managers under which a kernel that dies at start is restarted on NEW ports, for the
jupyter_client 7 of Debian 12 (jupyter_client 8.3+ does this by itself: jupyter/jupyter_client#956).

Why: Jupyter chooses a kernel's five ports, writes them into the connection file and frees them;
a JVM kernel binds them only once it is up, which on a machine starting thirty kernels at once
takes seconds, and another kernel may have been handed the same port meanwhile. The jtorch kernel
then exits naming the port, and jupyter_client restarts it "with new random ports" -- but its port
cache (KernelManager.cache_ports, on and not configurable in jupyter_client 7) hands the same
ports back, so all five restarts fail and the kernel is dead. These managers switch the cache off.

Use in a single-user server (docs/classroom.md): put this directory on PYTHONPATH and pass
  --MappingKernelManager.kernel_manager_class=jtorch_ports.AsyncKernelManager   (jupyter_server)
  --MappingKernelManager.kernel_manager_class=jtorch_ports.KernelManager        (classic notebook)
together with --KernelRestarter.stable_start_time=60, so that a start counts as failed (and gets
new ports) for the first minute instead of the first 10 s.
"""
from jupyter_client.ioloop import AsyncIOLoopKernelManager, IOLoopKernelManager
from traitlets import default


class AsyncKernelManager(AsyncIOLoopKernelManager):
    """jupyter_server's default kernel manager without the port cache."""

    @default("cache_ports")
    def _no_port_cache(self):
        return False


class KernelManager(IOLoopKernelManager):
    """The classic notebook's default kernel manager without the port cache."""

    @default("cache_ports")
    def _no_port_cache(self):
        return False
