"""Installs the jtorch kernelspec into a private JUPYTER_PATH for the tests.

The spec is made from the kernel's own template (kernel/src/main/resources/kernelspec/
kernel.json.template) with @JAR@ and @JAVA@ filled in, so `mvn verify` tests the kernel without
install/install.sh. Import this module before jupyter_client so it sees JUPYTER_PATH.
"""
import atexit
import json
import os
import shutil
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KERNEL_DIR = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
TEMPLATE = os.path.join(KERNEL_DIR, "src", "main", "resources", "kernelspec", "kernel.json.template")
KERNEL_NAME = "jtorch"


def default_jar():
    return os.environ.get("JTORCH_KERNEL_JAR", os.path.join(KERNEL_DIR, "target", "jtorch-kernel.jar"))


def default_java():
    java_home = os.environ.get("JTORCH_JAVA_HOME") or os.environ.get("JAVA_HOME")
    if java_home and os.path.exists(os.path.join(java_home, "bin", "java")):
        return os.path.join(java_home, "bin", "java")
    return shutil.which("java") or "java"


def install(jar=None, java=None, extra_jvm_args=()):
    """Writes kernels/jtorch/kernel.json under a fresh temp dir and puts it first on JUPYTER_PATH."""
    jar = os.path.abspath(jar or default_jar())
    if not os.path.exists(jar):
        raise SystemExit(f"kernel jar not found: {jar} (run mvn package first)")
    java = java or default_java()
    with open(TEMPLATE, encoding="utf-8") as f:
        spec = json.load(f)
    argv = []
    for arg in spec["argv"]:
        if arg == "@JAVA@":
            argv.append(java)
        elif arg == "@JAR@":
            argv.append(jar)
        else:
            argv.append(arg)
    if extra_jvm_args:
        argv[1:1] = list(extra_jvm_args)
    spec["argv"] = argv
    root = tempfile.mkdtemp(prefix="jtorch-jupyter-")
    atexit.register(shutil.rmtree, root, True)
    target = os.path.join(root, "kernels", KERNEL_NAME)
    os.makedirs(target)
    with open(os.path.join(target, "kernel.json"), "w", encoding="utf-8") as f:
        json.dump(spec, f, indent=2)
    os.environ["JUPYTER_PATH"] = root + os.pathsep + os.environ.get("JUPYTER_PATH", "")
    return spec
