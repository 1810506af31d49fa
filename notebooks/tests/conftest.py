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
    (with a space in its path); returns the environment for Jupyter commands that should use it
    (that prefix first on JUPYTER_PATH). os.environ itself is left alone."""
    assert KERNEL_JAR.exists(), f"build the kernel first (mvn package): {KERNEL_JAR} is missing"
    prefix = tmp_path_factory.mktemp("kernel") / "jupyter prefix"
    subprocess.run(["bash", str(ROOT / "install" / "install.sh"), "--prefix", str(prefix),
                    "--jar", str(KERNEL_JAR)], check=True, capture_output=True, timeout=300)
    data_dir = str(prefix / "share" / "jupyter")
    previous = os.environ.get("JUPYTER_PATH")
    return dict(os.environ, JUPYTER_PATH=data_dir + (os.pathsep + previous if previous else ""))
