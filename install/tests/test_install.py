"""Tests of install/install.sh: scopes, prerequisite checks, idempotence, spaces in paths.

Run: /usr/bin/python3 -m pytest install/tests (the README's test command does).
Most tests install a stand-in jar into temporary prefixes; the last one starts the real kernel
from a kernelspec whose path has spaces, with the working directory elsewhere.
"""
import json
import os
import pathlib
import re
import shutil
import stat
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
INSTALL = ROOT / "install" / "install.sh"
REAL_JAR = ROOT / "kernel" / "target" / "jtorch-kernel.jar"
JIT_DIRECTIVES = ROOT / "kernel" / "src" / "main" / "resources" / "kernelspec" / "jit-directives.json"
# The kernelspec must work on Debian's JDK 17 and on a current JDK (Temurin 25 here).
TEMURIN_25 = pathlib.Path("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
NEEDS_TEMURIN_25 = pytest.mark.skipif(not TEMURIN_25.exists(), reason=f"no {TEMURIN_25}")
JDKS = [
    pytest.param(None, id="default-jdk"),
    pytest.param(str(TEMURIN_25), id="temurin-25", marks=NEEDS_TEMURIN_25),
]
CORE_TOOLS = ["bash", "env", "dirname", "basename", "sed", "head", "readlink", "realpath", "grep",
              "cut", "mktemp", "cp", "rm", "mkdir", "cat", "ls"]


def run(args, cwd, env=None):
    return subprocess.run(["bash", str(INSTALL), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def write_script(path, body):
    path.write_text("#!/bin/bash\n" + body)
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def fake_java(directory, version, modules="jdk.jshell@17\njava.base@17"):
    """A java launcher that reports `version` and lists `modules`."""
    directory.mkdir(parents=True, exist_ok=True)
    return write_script(directory / "java", f"""
case "$1" in
  -version) echo 'openjdk version "{version}" 2024-01-16' >&2 ;;
  --list-modules) printf '%s\\n' "{modules}" ;;
esac
""")


def tool_bin(directory, extra=()):
    """A PATH directory holding only the core tools and `extra` (name -> target)."""
    directory.mkdir(parents=True, exist_ok=True)
    for tool in CORE_TOOLS:
        (directory / tool).symlink_to(shutil.which(tool))
    for name, target in dict(extra).items():
        (directory / name).symlink_to(target)
    return directory


def env_without_java_home(**overrides):
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}
    env.update(overrides)
    return env


@pytest.fixture
def stand_in_jar(tmp_path):
    jar = tmp_path / "dist dir" / "stand-in kernel.jar"
    jar.parent.mkdir()
    jar.write_bytes(b"PK\x05\x06" + bytes(18))
    return jar


@pytest.fixture
def elsewhere(tmp_path):
    cwd = tmp_path / "some other cwd"
    cwd.mkdir()
    return cwd


def kernelspec_dir(prefix):
    return prefix / "share" / "jupyter" / "kernels" / "jtorch"


def test_install_prefixWithSpaces_writesKernelspec(tmp_path, stand_in_jar, elsewhere):
    prefix = tmp_path / "my prefix"
    result = run(["--prefix", str(prefix), "--jar", str(stand_in_jar)], cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    spec_dir = kernelspec_dir(prefix)
    spec = json.loads((spec_dir / "kernel.json").read_text())
    assert spec["display_name"] == "Java (JTorch)"
    assert spec["language"] == "java"
    assert spec["interrupt_mode"] == "message"
    argv = spec["argv"]
    assert argv[-1] == "{connection_file}"
    assert argv[argv.index("-jar") + 1] == str(spec_dir / "jtorch-kernel.jar")
    assert os.path.isabs(argv[0]) and os.access(argv[0], os.X_OK)
    assert (spec_dir / "jtorch-kernel.jar").read_bytes() == stand_in_jar.read_bytes()
    for logo in ("logo-32x32.png", "logo-64x64.png"):
        assert (spec_dir / logo).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_install_jvmOpt_goesBeforeJar(tmp_path, stand_in_jar, elsewhere):
    prefix = tmp_path / "p"
    result = run(["--prefix", str(prefix), "--jar", str(stand_in_jar), "--jvm-opt", "-Xmx3g"],
                 cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    argv = json.loads((kernelspec_dir(prefix) / "kernel.json").read_text())["argv"]
    assert argv.index("-Xmx3g") < argv.index("-jar")


def test_install_prefixUnderUmask077_filesReadableByAll(tmp_path, stand_in_jar, elsewhere):
    """A hub admin's install (root's umask may be 077) must be readable by every student."""
    prefix = tmp_path / "shared"
    result = subprocess.run(["bash", "-c", 'umask 077 && exec bash "$@"', "-", str(INSTALL),
                             "--prefix", str(prefix), "--jar", str(stand_in_jar)],
                            cwd=elsewhere, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    spec_dir = kernelspec_dir(prefix)
    for path in [spec_dir, *spec_dir.iterdir()]:
        wanted = 0o005 if path.is_dir() else 0o004
        assert path.stat().st_mode & wanted == wanted, f"{path}: {oct(path.stat().st_mode)}"


def test_install_javaClosedToOthers_warns(tmp_path, stand_in_jar, elsewhere):
    private = tmp_path / "private home"
    java = fake_java(private / "jdk" / "bin", "17.0.9")
    private.chmod(0o700)
    result = run(["--prefix", str(tmp_path / "p"), "--jar", str(stand_in_jar), "--java", str(java)],
                 cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert f"other users cannot run {java} ({private} is closed to them)" in result.stderr
    mine = run(["--jar", str(stand_in_jar), "--java", str(java)], cwd=elsewhere,
               env=dict(os.environ, JUPYTER_DATA_DIR=str(tmp_path / "data")))
    assert mine.returncode == 0 and "warning" not in mine.stderr, "a user install is not shared"


def test_install_prefixOnJupyterPath_needsNoHint(tmp_path, stand_in_jar, elsewhere):
    prefix = tmp_path / "p"
    hinted = run(["--prefix", str(prefix), "--jar", str(stand_in_jar)], cwd=elsewhere,
                 env={k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"})
    assert "export JUPYTER_PATH=" in hinted.stdout
    found = run(["--prefix", str(prefix), "--jar", str(stand_in_jar)], cwd=elsewhere,
                env=dict(os.environ, JUPYTER_PATH=str(prefix / "share" / "jupyter")))
    assert found.returncode == 0 and "JUPYTER_PATH" not in found.stdout


def test_install_twice_isIdempotent(tmp_path, stand_in_jar, elsewhere):
    prefix = tmp_path / "twice"
    first = run(["--prefix", str(prefix), "--jar", str(stand_in_jar)], cwd=elsewhere)
    spec_before = (kernelspec_dir(prefix) / "kernel.json").read_text()
    second = run(["--prefix", str(prefix), "--jar", str(stand_in_jar)], cwd=elsewhere)
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert (kernelspec_dir(prefix) / "kernel.json").read_text() == spec_before
    assert sorted(p.name for p in kernelspec_dir(prefix).iterdir()) == [
        "jit-directives.json", "jtorch-kernel.jar", "kernel.json", "logo-32x32.png", "logo-64x64.png"]


def test_uninstall_installed_removesAndRepeatsSafely(tmp_path, stand_in_jar, elsewhere):
    prefix = tmp_path / "gone soon"
    assert run(["--prefix", str(prefix), "--jar", str(stand_in_jar)], cwd=elsewhere).returncode == 0
    removed = run(["--prefix", str(prefix), "--uninstall"], cwd=elsewhere)
    assert removed.returncode == 0, removed.stderr
    assert not kernelspec_dir(prefix).exists()
    again = run(["--uninstall", "--prefix", str(prefix)], cwd=elsewhere)
    assert again.returncode == 0 and "nothing to remove" in again.stdout


def test_install_userScope_usesJupyterDataDir(tmp_path, stand_in_jar, elsewhere):
    data_dir = tmp_path / "user data"
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    env["JUPYTER_DATA_DIR"] = str(data_dir)
    result = subprocess.run(["bash", str(INSTALL), "--jar", str(stand_in_jar)], cwd=elsewhere,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (data_dir / "kernels" / "jtorch" / "kernel.json").exists()
    listed = subprocess.run(["jupyter", "kernelspec", "list", "--json"], env=env,
                            capture_output=True, text=True, check=True)
    assert json.loads(listed.stdout)["kernelspecs"]["jtorch"]["resource_dir"] == str(
        data_dir / "kernels" / "jtorch")


def test_install_sysPrefix_landsInJupytersEnvironment(tmp_path, stand_in_jar, elsewhere):
    """--sys-prefix installs into sys.prefix of the Python behind `jupyter` (here a venv)."""
    venv = tmp_path / "venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", "--without-pip", "--system-site-packages",
                    str(venv)], check=True)
    bin_dir = tmp_path / "venv launchers"
    bin_dir.mkdir()
    for tool in ("jupyter", "jupyter-kernelspec"):
        body = pathlib.Path(shutil.which(tool)).read_text().split("\n", 1)[1]
        launcher = bin_dir / tool
        launcher.write_text(f"#!{venv}/bin/python3\n{body}")
        launcher.chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
    installed = subprocess.run(["bash", str(INSTALL), "--sys-prefix", "--jar", str(stand_in_jar)],
                               cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert installed.returncode == 0, installed.stderr
    spec_dir = venv / "share" / "jupyter" / "kernels" / "jtorch"
    assert json.loads((spec_dir / "kernel.json").read_text())["argv"][-1] == "{connection_file}"
    removed = subprocess.run(["bash", str(INSTALL), "--sys-prefix", "--uninstall"], cwd=elsewhere,
                             env=env, capture_output=True, text=True, timeout=120)
    assert removed.returncode == 0 and not spec_dir.exists()


@pytest.mark.parametrize("version", ["11.0.22", "1.8.0_392", "16.0.2"])
def test_install_jdkOlderThan17_refused(tmp_path, stand_in_jar, elsewhere, version):
    java = fake_java(tmp_path / "old jdk" / "bin", version)
    result = run(["--prefix", str(tmp_path / "p"), "--jar", str(stand_in_jar), "--java", str(java)],
                 cwd=elsewhere)
    assert result.returncode != 0
    assert f"Java {version}" in result.stderr and "JDK 17 or newer" in result.stderr
    assert not kernelspec_dir(tmp_path / "p").exists()


def test_install_javaHomeOlderThan17_refused(tmp_path, stand_in_jar, elsewhere):
    home = tmp_path / "jdk11"
    fake_java(home / "bin", "11.0.22")
    result = run(["--prefix", str(tmp_path / "p"), "--jar", str(stand_in_jar)], cwd=elsewhere,
                 env=env_without_java_home(JAVA_HOME=str(home)))
    assert result.returncode != 0 and "JDK 17 or newer" in result.stderr


def test_install_runtimeWithoutJshell_refused(tmp_path, stand_in_jar, elsewhere):
    java = fake_java(tmp_path / "jre" / "bin", "17.0.9", modules="java.base@17")
    result = run(["--prefix", str(tmp_path / "p"), "--jar", str(stand_in_jar), "--java", str(java)],
                 cwd=elsewhere)
    assert result.returncode != 0 and "jdk.jshell" in result.stderr


def test_install_noJavaAnywhere_explains(tmp_path, stand_in_jar, elsewhere):
    path = tool_bin(tmp_path / "bin", {"jupyter": shutil.which("jupyter")})
    result = run(["--prefix", str(tmp_path / "p"), "--jar", str(stand_in_jar)], cwd=elsewhere,
                 env=env_without_java_home(PATH=str(path)))
    assert result.returncode != 0
    assert "no Java found" in result.stderr and "openjdk-17-jdk-headless" in result.stderr


def test_install_noJupyter_explains(tmp_path, stand_in_jar, elsewhere):
    path = tool_bin(tmp_path / "bin", {"java": shutil.which("java")})
    result = run(["--prefix", str(tmp_path / "p"), "--jar", str(stand_in_jar)], cwd=elsewhere,
                 env=env_without_java_home(PATH=str(path)))
    assert result.returncode != 0
    assert "'jupyter' is not on PATH" in result.stderr


def test_install_jvmOptTheJvmRejects_installsNothing(tmp_path, stand_in_jar, elsewhere):
    prefix = tmp_path / "p"
    result = run(["--prefix", str(prefix), "--jar", str(stand_in_jar), "--jvm-opt", "-XX:+NoSuchJTorchFlag"],
                 cwd=elsewhere)
    assert result.returncode != 0
    assert "does not accept the kernel's JVM options" in result.stderr and "NoSuchJTorchFlag" in result.stderr
    assert not kernelspec_dir(prefix).exists()


def recording_java(directory, version, aot_cache=True, aot_mapped=True):
    """
    A java launcher of `version` that logs its JVM runs to directory/calls.log (returned) and writes
    the class data they ask for: an AOT cache only if `aot_cache`, which -XX:AOTMode=on maps only
    if `aot_mapped`; a class-data archive always.
    """
    directory.mkdir(parents=True, exist_ok=True)
    calls = directory / "calls.log"
    write_aot = 'printf aot > "${arg#*=}"' if aot_cache else "exit 1"
    write_script(directory / "java", f"""
case "$1" in
  -version) echo 'openjdk version "{version}" 2025-09-16' >&2; exit 0 ;;
  --list-modules) echo jdk.jshell@{version}; exit 0 ;;
esac
echo "$*" >> "{calls}"
for arg in "$@"; do
  case "$arg" in
    -XX:AOTCacheOutput=*) {write_aot} ;;
    -XX:AOTMode=on) exit {0 if aot_mapped else 1} ;;
    -XX:ArchiveClassesAtExit=*) printf jsa > "${{arg#*=}}" ;;
  esac
done
""")
    return calls


def class_data_options(prefix):
    argv = json.loads((kernelspec_dir(prefix) / "kernel.json").read_text())["argv"]
    return [a for a in argv[:argv.index("-jar")] if a.startswith(("-XX:AOTCache", "-XX:SharedArchiveFile"))]


def test_install_aotOnJdk25_writesAotCacheFromWarmUp(tmp_path, stand_in_jar, elsewhere):
    calls = recording_java(tmp_path / "jdk25" / "bin", "25.0.1")
    prefix = tmp_path / "p"
    result = run(["--prefix", str(prefix), "--jar", str(stand_in_jar), "--java", str(calls.parent / "java"), "--aot"],
                 cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    cache = kernelspec_dir(prefix) / "jtorch-kernel.aot"
    assert cache.read_text() == "aot" and not (kernelspec_dir(prefix) / "jtorch-kernel.jsa").exists()
    assert class_data_options(prefix) == [f"-XX:AOTCache={cache}"]
    runs = calls.read_text().splitlines()
    assert [r for r in runs if "--warmup" in r] == [next(r for r in runs if f"-XX:AOTCacheOutput={cache}" in r)]
    assert any("-XX:AOTMode=on" in r and f"-XX:AOTCache={cache}" in r for r in runs), runs
    assert f"AOT cache: {cache}" in result.stdout


@pytest.mark.parametrize("aot_cache, aot_mapped", [(False, True), (True, False)], ids=["not-written", "not-mapped"])
def test_install_aotCacheFails_fallsBackToArchive(tmp_path, stand_in_jar, elsewhere, aot_cache, aot_mapped):
    calls = recording_java(tmp_path / "jdk25" / "bin", "25.0.1", aot_cache, aot_mapped)
    prefix = tmp_path / "p"
    result = run(["--prefix", str(prefix), "--jar", str(stand_in_jar), "--java", str(calls.parent / "java"), "--aot"],
                 cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert "no AOT cache: the training run" in result.stdout and "class-data archive instead" in result.stdout
    archive = kernelspec_dir(prefix) / "jtorch-kernel.jsa"
    assert class_data_options(prefix) == [f"-XX:SharedArchiveFile={archive}"]
    assert not list(kernelspec_dir(prefix).glob("jtorch-kernel.aot*"))


@pytest.mark.parametrize("version, args", [("17.0.9", []), ("25.0.1", []), ("17.0.9", ["--aot"])],
                         ids=["jdk17", "jdk25", "jdk17-aot"])
def test_install_defaultOrAotBefore25_writesArchiveOnly(tmp_path, stand_in_jar, elsewhere, version, args):
    calls = recording_java(tmp_path / "jdk" / "bin", version)
    prefix = tmp_path / "p"
    result = run(["--prefix", str(prefix), "--jar", str(stand_in_jar), "--java", str(calls.parent / "java"), *args],
                 cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert class_data_options(prefix) == [f"-XX:SharedArchiveFile={kernelspec_dir(prefix) / 'jtorch-kernel.jsa'}"]
    assert "AOTCache" not in calls.read_text()
    assert ("no AOT cache: Java 17.0.9 has none" in result.stdout) == ("--aot" in args)


def test_install_noCds_writesNoClassData(tmp_path, stand_in_jar, elsewhere):
    calls = recording_java(tmp_path / "jdk25" / "bin", "25.0.1")
    prefix = tmp_path / "p"
    result = run(["--prefix", str(prefix), "--jar", str(stand_in_jar), "--java", str(calls.parent / "java"),
                  "--aot", "--no-cds"], cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert class_data_options(prefix) == [] and "--warmup" not in calls.read_text()


@pytest.mark.parametrize("java", JDKS)
def test_jitDirectives_everyPatternAcceptedByJava(java):
    """HotSpot stops at a directives file it cannot parse (e.g. an embedded '*'): every pattern loads."""
    java = java or shutil.which("java")
    result = subprocess.run([java, "-XX:+UnlockDiagnosticVMOptions", f"-XX:CompilerDirectivesFile={JIT_DIRECTIVES}",
                             "-XX:+CompilerDirectivesPrint", "-version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    code = "\n".join(line for line in JIT_DIRECTIVES.read_text().splitlines() if not line.strip().startswith("//"))
    assert f"{code.count('match:')} compiler directives added" in result.stdout, result.stdout
    patterns = re.findall(r'"([^"]+)"', code)
    loaded = {p for line in result.stdout.splitlines() if line.strip().startswith("matching:")
              for p in line.split(": ", 1)[1].strip().split(", ")}
    assert patterns and set(patterns) <= loaded, loaded


def template_flags(java, names):
    """The final values of the flags `names` when `java` runs with the template's JVM options."""
    java = java or shutil.which("java")
    template = json.loads(JIT_DIRECTIVES.with_name("kernel.json.template").read_text())["argv"]
    options = [a.replace("@KERNEL_DIR@", str(JIT_DIRECTIVES.parent)) for a in template[1:template.index("-jar")]]
    result = subprocess.run([java, *options, "-XX:+PrintFlagsFinal", "-version"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return dict(re.findall(r"^\s*\w+ (" + "|".join(names) + r")\s+= (\d+)", result.stdout, re.M))


@pytest.mark.parametrize("java", JDKS)
def test_kernelspecHeap_startsAt64MiB_shrinksTo32MiB(java):
    """The template's heap options, as each JDK applies them: room for the start-up's allocations
    without a full collection to grow the heap, and a trim may still give it back down to 32 MiB."""
    flags = template_flags(java, ["InitialHeapSize", "MinHeapSize"])
    assert flags == {"InitialHeapSize": str(64 << 20), "MinHeapSize": str(32 << 20)}, flags


@pytest.mark.parametrize("java", JDKS)
def test_kernelspecHeap_growsWhileCellsRun_neverShrinksByItself(java):
    """The template's free ratios: a full GC during a cell grows the heap to keep 75 % free (a CNN
    step's saved activations no longer fill it), and only the idle trim gives the growth back."""
    flags = template_flags(java, ["MinHeapFreeRatio", "MaxHeapFreeRatio"])
    assert flags == {"MinHeapFreeRatio": "75", "MaxHeapFreeRatio": "100"}, flags


@pytest.mark.parametrize("java", JDKS)
def test_kernelspecMetaspace_firstCollectionAt64MiB(java):
    """A session's classes (~20 MiB of metadata by its first cells, ~24 MiB after a course) do not
    set off a full collection at the JVM's default threshold of 20.8 MiB in the middle of its first cells."""
    assert template_flags(java, ["MetaspaceSize"]) == {"MetaspaceSize": str(64 << 20)}


JIT_PROBE = """package {package};
public final class Probe {{
    static int hot(int n) {{ int s = 0; for (int i = 0; i < n; i++) {{ s += i * 3; }} return s; }}
    public static void main(String[] args) {{ long t = 0; for (int r = 0; r < 20000; r++) {{ t += hot(1000); }} System.out.println(t); }}
}}
"""


@pytest.mark.parametrize("package, c2", [("jtorch.internal.kernels", True), ("jtorch.internal.ops", True),
                                         ("jtorch.internal.autograd", False), ("jtorch", False)])
def test_jitDirectives_tensorLoopsAtC2_bookkeepingAtC1(tmp_path, package, c2):
    """The kernelspec's directives leave JTorch's element loops to C2 and its bookkeeping at C1."""
    src = tmp_path / "src" / package.replace(".", "/") / "Probe.java"
    src.parent.mkdir(parents=True)
    src.write_text(JIT_PROBE.format(package=package))
    classes = tmp_path / "classes"
    subprocess.run(["javac", "-d", str(classes), str(src)], check=True, timeout=120)
    result = subprocess.run(["java", "-XX:+UnlockDiagnosticVMOptions", f"-XX:CompilerDirectivesFile={JIT_DIRECTIVES}",
                             "-XX:+PrintCompilation", "-cp", str(classes), f"{package}.Probe"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    method = f"{package}.Probe::hot"
    excluded = any("excluded by CompileCommand" in line and method in line for line in result.stdout.splitlines())
    # PrintCompilation: "<ms> <id> <flags> <tier> <method>"; tier 4 is C2
    at_c2 = any(re.match(r"\s*\d+\s+\d+\s[ %sbn!]*\s4\s+" + re.escape(method), line)
                for line in result.stdout.splitlines())
    assert (at_c2, excluded) == (c2, not c2), result.stdout


def test_install_unknownOption_explains(elsewhere):
    result = run(["--sytem"], cwd=elsewhere)
    assert result.returncode != 0 and "unknown option '--sytem'" in result.stderr


def fake_checkout(tmp_path, with_jar):
    """A copy of install/ in a repository layout with a stand-in `mvn` that logs its calls."""
    root = tmp_path / "check out"
    shutil.copytree(ROOT / "install", root / "install",
                    ignore=shutil.ignore_patterns("tests", "__pycache__"))
    target = root / "kernel" / "target"
    target.mkdir(parents=True)
    if with_jar:
        (target / "jtorch-kernel.jar").write_bytes(b"prebuilt")
    calls = tmp_path / "mvn-calls.log"
    bin_dir = tmp_path / "mvn bin"
    bin_dir.mkdir()
    write_script(bin_dir / "mvn", f'echo "$PWD $*" >> "{calls}"\n'
                                  'printf built > kernel/target/jtorch-kernel.jar\n')
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
    return root, calls, env


def test_install_jarAlreadyBuilt_buildsNothing(tmp_path, elsewhere):
    root, calls, env = fake_checkout(tmp_path, with_jar=True)
    result = subprocess.run(["bash", str(root / "install" / "install.sh"), "--prefix",
                             str(tmp_path / "p")], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert not calls.exists()
    assert (kernelspec_dir(tmp_path / "p") / "jtorch-kernel.jar").read_bytes() == b"prebuilt"


def test_install_noJar_buildsOnceWithMaven(tmp_path, elsewhere):
    root, calls, env = fake_checkout(tmp_path, with_jar=False)
    result = subprocess.run(["bash", str(root / "install" / "install.sh"), "--prefix",
                             str(tmp_path / "p")], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert calls.read_text().splitlines() == [f"{root} -q -B package -DskipTests"]
    assert (kernelspec_dir(tmp_path / "p") / "jtorch-kernel.jar").read_bytes() == b"built"


@pytest.mark.parametrize("java, aot", [
    pytest.param(None, False, id="default-jdk"),
    pytest.param(str(TEMURIN_25), False, id="temurin-25", marks=NEEDS_TEMURIN_25),
    pytest.param(str(TEMURIN_25), True, id="temurin-25-aot", marks=NEEDS_TEMURIN_25),
])
def test_installedKernel_pathWithSpaces_runsCellsFromAnotherCwd(tmp_path, elsewhere, monkeypatch, java, aot):
    """The real kernel, installed under a path with spaces with its class data (a class-data
    archive, or with --aot an AOT cache), answers from an unrelated cwd with the Vector API in use."""
    assert REAL_JAR.exists(), f"build the kernel first: {REAL_JAR} is missing"
    from jupyter_client.manager import start_new_kernel

    prefix = tmp_path / "a prefix with spaces"
    result = run(["--prefix", str(prefix), "--jar", str(REAL_JAR)] + (["--java", java] if java else [])
                 + (["--aot"] if aot else []), cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    class_data = kernelspec_dir(prefix) / ("jtorch-kernel.aot" if aot else "jtorch-kernel.jsa")
    assert class_data.stat().st_size > 0, result.stdout
    assert class_data_options(prefix) == [("-XX:AOTCache=" if aot else "-XX:SharedArchiveFile=") + str(class_data)]
    argv = json.loads((kernelspec_dir(prefix) / "kernel.json").read_text())["argv"]
    assert not java or argv[0] == java
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
    manager, client = start_new_kernel(kernel_name="jtorch", cwd=str(elsewhere), startup_timeout=60)
    try:
        assert manager.kernel_spec.resource_dir == str(kernelspec_dir(prefix))
        outputs = []
        reply = client.execute_interactive(
            'System.getProperty("user.dir") + " | " + torch.ones(2)', timeout=60,
            output_hook=outputs.append)
        assert reply["content"]["status"] == "ok"
        results = [m["content"]["data"]["text/plain"] for m in outputs
                   if m["msg_type"] == "execute_result"]
        assert results and str(elsewhere) in results[0] and "tensor([1., 1.])" in results[0]
        vector = []
        reply = client.execute_interactive("torch.backends.vectorAvailable()", timeout=60,
                                           output_hook=vector.append)
        assert reply["content"]["status"] == "ok"
        assert [m["content"]["data"]["text/plain"] for m in vector if m["msg_type"] == "execute_result"] == ["True"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_prerequisites_missingPackages_installedWithAptGet(tmp_path):
    """install/prerequisites.sh asks apt-get for exactly the packages dpkg lacks."""
    calls = tmp_path / "apt-calls.log"
    bin_dir = tmp_path / "fake apt"
    bin_dir.mkdir()
    write_script(bin_dir / "dpkg-query", 'case "$3" in maven|chromium) echo -n "install ok installed";; esac\n')
    write_script(bin_dir / "apt-get", f'echo "$*" >> "{calls}"\n')
    script = (f'source "{ROOT}/install/prerequisites.sh"; '
              'install_missing_packages "${TEST_PACKAGES[@]}"')
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
    result = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    update, install = calls.read_text().splitlines()
    assert update == "update -q"
    packages = install.split()[3:]
    assert install.startswith("install -y -q ") and "jupyter-notebook" in packages
    assert "python3-jupyter-kernel-test" in packages and "jupyter-server" in packages
    assert not {"maven", "chromium", "openjdk-17-jdk-headless", "nodejs", "npm"} & set(packages), (
        "installed packages, a working JDK 17 and node on PATH need nothing")

