"""Fixtures for the notebook tests: the freshly built kernel, installed where only these tests see it."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
KERNEL_JAR = ROOT / "kernel" / "target" / "jtorch-kernel.jar"


@pytest.fixture(scope="session")
def jtorch_kernel(tmp_path_factory):
    """Installs kernel/target/jtorch-kernel.jar as the `jtorch` kernelspec under a private prefix
    (with a space in its path) and puts that prefix first on JUPYTER_PATH for the session."""
    assert KERNEL_JAR.exists(), f"build the kernel first (mvn package): {KERNEL_JAR} is missing"
    prefix = tmp_path_factory.mktemp("kernel") / "jupyter prefix"
    subprocess.run(["bash", str(ROOT / "install" / "install.sh"), "--prefix", str(prefix),
                    "--jar", str(KERNEL_JAR)], check=True, capture_output=True, timeout=300)
    data_dir = prefix / "share" / "jupyter"
    previous = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(data_dir) + (os.pathsep + previous if previous else "")
    yield data_dir
    if previous is None:
        del os.environ["JUPYTER_PATH"]
    else:
        os.environ["JUPYTER_PATH"] = previous
