"""Run All of the course: each notebook of ours beside its PyTorch original, each in a fresh kernel.

The cells section of the benchmark times re-runs (after a warm-up run of the same cell), which the
kernel's compile cache serves. A course run top to bottom (`./run-course.sh`, `nbconvert
--execute`, Run All on a notebook just opened) meets every cell for the first time instead: each
snippet is compiled, each op path runs for the first time, all within the kernel's first seconds.
"""
import os
import shutil
import tempfile
import time

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

# (key, our notebook, its PyTorch original), relative to the repository; ../shared is the
# reference data beside the checkout
PAIRS = (
    ("pytorch-basics", "notebooks/pytorch-basics.ipynb", "../shared/reference/seed/pytorch-basics.ipynb"),
    ("build-train-save", "notebooks/build-train-save.ipynb", "notebooks/pytorch/build-train-save.ipynb"),
)


def pairs(root=ROOT, table=PAIRS, log=print):
    """The table's pairs as absolute paths, those with both notebooks present; a missing one is said and skipped."""
    found = []
    for key, ours, original in table:
        paths = [os.path.normpath(os.path.join(root, p)) for p in (ours, original)]
        missing = [p for p in paths if not os.path.isfile(p)]
        if missing:
            log(f"  course: {key} skipped, not found: {', '.join(missing)}")
        else:
            found.append((key, *paths))
    return found


def run_all(path, spec_manager, kernel_name, cpu_of=None, timeout=600):
    """
    Runs the code cells of the notebook at path top to bottom in a fresh kernel, working in a
    scratch folder (a notebook may write files), and stops the kernel. A cell that raises does not
    stop the run (the course shows some errors on purpose; the seed notebook's are not tagged).

    Returns {"wall": seconds from starting the kernel to the last cell's idle, "cells": seconds of
    each code cell from its execute_request to its idle, "errors": the number of cells that
    raised, "cpu": the kernel process's CPU seconds by then (cpu_of(pid)), or None}.
    """
    nb = nbformat.read(path, as_version=4)
    work = tempfile.mkdtemp(prefix="run-all-")
    try:
        km = KernelManager(kernel_name=kernel_name, kernel_spec_manager=spec_manager)
        client = NotebookClient(nb, km=km, kernel_name=kernel_name, timeout=timeout, allow_errors=True,
                                resources={"metadata": {"path": work}})
        start = time.perf_counter()
        cells = []
        with client.setup_kernel(cleanup_kc=True):  # stops the kernel after the run (km given: not by default)
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                began = time.perf_counter()
                client.execute_cell(cell, index)
                cells.append(time.perf_counter() - began)
            wall = time.perf_counter() - start
            cpu = cpu_of(km.provisioner.pid) if cpu_of else None
        errors = sum(any(o.get("output_type") == "error" for o in c.get("outputs", []))
                     for c in nb.cells if c.cell_type == "code")
        return {"wall": wall, "cells": cells, "errors": errors, "cpu": cpu}
    finally:
        shutil.rmtree(work, ignore_errors=True)
