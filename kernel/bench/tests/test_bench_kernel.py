"""The kernel benchmark's flow, with stand-in kernels (real processes, no Jupyter): each kernel
runs its cells in a block while the other kernels' processes are stopped."""
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import bench_kernel as B  # noqa: E402
import cells as C  # noqa: E402


def resumed(kernels):
    """Each kernel's process state once it has left the stopped state (SIGCONT takes effect asynchronously)."""
    return {B.await_state(k.pid, "SR") for k in kernels}


class FakeKernel:
    """A sleeping process as the kernel; run() records which cell ran and the others' states."""

    def __init__(self, label, journal, peers):
        self.label, self.journal, self.peers = label, journal, peers
        self.proc = subprocess.Popen(["sleep", "60"])
        self.pid = self.proc.pid

    def run(self, code):
        self.journal.append((self.label, code, {p.label: B.process_state(p.pid) for p in self.peers if p is not self}))
        return 0.001

    def timed(self, code):
        return self.run(code), 0.0

    def rss(self):
        return 1.0

    def close(self):
        self.proc.kill()
        self.proc.wait()


class FakeSide:
    def __init__(self, label):
        self.label = label

    def code(self, cell, setup=False):
        if setup and not cell.java_setup:
            return None
        return f"{self.label}:{cell.key}:{'setup' if setup else 'cell'}"


@pytest.fixture
def two_kernels():
    journal, peers = [], []
    kernels = [(FakeSide(label), FakeKernel(label, journal, peers)) for label in ("jtorch", "ipykernel")]
    peers.extend(k for _, k in kernels)
    yield kernels, journal
    for _, k in kernels:
        k.close()


def test_measureCells_pause_runsEachKernelsCellsInABlockWithTheOthersStopped(two_kernels):
    kernels, journal = two_kernels
    cells = [c for c in C.CELLS if c.key in ("one_plus_one", "print_30x30")]
    times, _, _ = B.measure_cells(kernels, cells, runs=3, heavy_runs=1, pause=True)

    assert [label for label, _, _ in journal] == ["jtorch"] * 9 + ["ipykernel"] * 9
    assert all(others == {"ipykernel": "T"} for label, _, others in journal if label == "jtorch")
    assert all(others == {"jtorch": "T"} for label, _, others in journal if label == "ipykernel")
    assert [len(times["jtorch"][c.key]) for c in cells] == [3, 3]
    assert resumed([k for _, k in kernels]) <= {"S", "R"}


def test_measureCells_noPause_takesTurnsCellByCellAllRunning(two_kernels):
    kernels, journal = two_kernels
    cells = [c for c in C.CELLS if c.key in ("one_plus_one", "print_30x30")]
    B.measure_cells(kernels, cells, runs=3, heavy_runs=1, pause=False)

    assert [label for label, _, _ in journal] == ["jtorch"] * 4 + ["ipykernel"] * 4 + ["jtorch"] * 5 + ["ipykernel"] * 5
    assert all("T" not in others.values() for _, _, others in journal)


def test_paused_cellFails_resumesTheOthers(two_kernels):
    kernels, _ = two_kernels
    others = [k for _, k in kernels]
    with pytest.raises(RuntimeError):
        with B.paused(others):
            assert {B.process_state(k.pid) for k in others} == {"T"}
            raise RuntimeError("cell failed")
    assert resumed(others) <= {"S", "R"}
