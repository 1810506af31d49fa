"""Installs the jtorch kernelspec into a private JUPYTER_PATH for the tests.

The spec is made from the kernel's own template (kernel/src/main/resources/kernelspec/
kernel.json.template) with @JAR@, @JAVA@ and @KERNEL_DIR@ filled in and the files it names copied
beside it, so `mvn verify` tests the kernel without install/install.sh (which also writes a
class-data archive: not needed here). Import this module before jupyter_client so it sees
JUPYTER_PATH.
"""
import atexit
import json
import os
import shutil
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KERNEL_DIR = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SPEC_FILES = os.path.join(KERNEL_DIR, "src", "main", "resources", "kernelspec")
TEMPLATE = os.path.join(SPEC_FILES, "kernel.json.template")
KERNEL_NAME = "jtorch"


def default_jar():
    return os.environ.get("JTORCH_KERNEL_JAR", os.path.join(KERNEL_DIR, "target", "jtorch-kernel.jar"))


def default_java():
    java_home = os.environ.get("JTORCH_JAVA_HOME") or os.environ.get("JAVA_HOME")
    if java_home and os.path.exists(os.path.join(java_home, "bin", "java")):
        return os.path.join(java_home, "bin", "java")
    return shutil.which("java") or "java"


def write_spec(root, jar=None, java=None, extra_jvm_args=()):
    """Writes ROOT/kernels/jtorch: kernel.json and the files it names. Returns the spec."""
    jar = os.path.abspath(jar or default_jar())
    if not os.path.exists(jar):
        raise SystemExit(f"kernel jar not found: {jar} (run mvn package first)")
    java = java or default_java()
    target = os.path.join(root, "kernels", KERNEL_NAME)
    os.makedirs(target)
    for name in os.listdir(SPEC_FILES):
        if os.path.join(SPEC_FILES, name) != TEMPLATE:
            shutil.copy(os.path.join(SPEC_FILES, name), target)
    with open(TEMPLATE, encoding="utf-8") as f:
        spec = json.load(f)
    argv = [arg.replace("@JAVA@", java).replace("@JAR@", jar).replace("@KERNEL_DIR@", target)
            for arg in spec["argv"]]
    if extra_jvm_args:
        argv[1:1] = list(extra_jvm_args)
    spec["argv"] = argv
    with open(os.path.join(target, "kernel.json"), "w", encoding="utf-8") as f:
        json.dump(spec, f, indent=2)
    return spec


def install(jar=None, java=None, extra_jvm_args=()):
    """Writes kernels/jtorch/kernel.json under a fresh temp dir and puts it first on JUPYTER_PATH."""
    root = tempfile.mkdtemp(prefix="jtorch-jupyter-")
    atexit.register(shutil.rmtree, root, True)
    spec = write_spec(root, jar, java, extra_jvm_args)
    os.environ["JUPYTER_PATH"] = root + os.pathsep + os.environ.get("JUPYTER_PATH", "")
    return spec
