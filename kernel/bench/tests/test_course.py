"""The course Run All of the kernel benchmark (course.py), with Debian's ipykernel as the kernel."""
import os
import sys

import nbformat
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import bench_kernel as B  # noqa: E402
import course  # noqa: E402
from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402


@pytest.fixture
def ipykernel_specs(tmp_path):
    return KernelSpecManager(kernel_dirs=[B.install_ipykernel(str(tmp_path))])


def notebook(path, *sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# a course")] + [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(nb, str(path))
    return str(path)


def test_runAll_notebook_timesEachCodeCellCountsErrorsAndStopsTheKernel(tmp_path, ipykernel_specs):
    path = notebook(tmp_path / "nb.ipynb", "import os\nx = 1", "1 / 0", "open('written.txt', 'w').write('x')",
                    "x + 1")
    pids = []

    def cpu_of(pid):
        pids.append(pid)
        return B.cpu_seconds(pid)

    r = course.run_all(path, ipykernel_specs, "bench-ipykernel", cpu_of=cpu_of)

    assert len(r["cells"]) == 4 and all(t > 0 for t in r["cells"])
    assert r["wall"] >= sum(r["cells"])
    assert r["errors"] == 1  # the division by zero; the run went on past it
    assert r["cpu"] > 0
    assert not (tmp_path / "written.txt").exists()  # the run works in a scratch folder
    assert len(pids) == 1 and not os.path.exists(f"/proc/{pids[0]}")  # stopped and reaped


def test_pairs_notebookMissing_skipsThatPairAndSaysWhich(tmp_path):
    notebook(tmp_path / "ours.ipynb", "1")
    notebook(tmp_path / "original.ipynb", "1")
    said = []
    table = [("both", "ours.ipynb", "original.ipynb"), ("half", "ours.ipynb", "gone.ipynb")]

    found = course.pairs(root=str(tmp_path), table=table, log=said.append)

    assert found == [("both", str(tmp_path / "ours.ipynb"), str(tmp_path / "original.ipynb"))]
    assert len(said) == 1 and "half" in said[0] and "gone.ipynb" in said[0]


def test_pairs_repository_findsTheCourseNotebooks():
    keys = [key for key, _, _ in course.pairs(log=lambda *_: None)]
    assert "build-train-save" in keys  # both of its notebooks are in the repository
