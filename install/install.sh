#!/usr/bin/env bash
# Installs (or removes) the `jtorch` Jupyter kernelspec: "Java (JTorch)".
#
#   install/install.sh                     for the current user (default)
#   install/install.sh --sys-prefix        into the Python environment that runs `jupyter`
#   install/install.sh --prefix DIR        into DIR/share/jupyter/kernels/jtorch
#                                          (a JupyterHub admin: --sys-prefix or --prefix /usr/local)
#   install/install.sh --uninstall [...]   removes it from the same place
#
# Other options:
#   --java PATH      the java launcher the kernel runs on (default: $JAVA_HOME/bin/java, else
#                    `java` on PATH); it must be a JDK >= 17 (the kernel needs jdk.jshell)
#   --jar PATH       the kernel jar to install (default: kernel/target/jtorch-kernel.jar,
#                    built with `mvn package` only when it does not exist yet)
#   --jvm-opt OPT    one more JVM option for kernel.json (repeatable), e.g. --jvm-opt -Xmx8g
#   --no-cds         write no class-data archive or AOT cache (see below)
#   --aot            on a JDK >= 25, write an AOT cache instead of the class-data archive
#
# The jar is copied into the kernelspec directory, so the installed kernel survives `mvn clean`
# and works from any working directory; paths may contain spaces. Re-running is safe: the
# kernelspec is replaced as a whole. --sys-prefix and --prefix install for every user: the files
# are made readable by all, and a java launcher other users cannot run is reported.
# The JVM options are checked with the chosen java before anything is installed. Then a warm-up
# run of the installed kernel writes a class-data-sharing archive for exactly that jar and JVM
# (jtorch-kernel.jsa beside it; faster kernel starts), and kernel.json is pointed at it. With
# --aot on a JDK >= 25 the run writes an AOT cache (jtorch-kernel.aot) instead; one that cannot be
# made falls back to the archive. Measured on Temurin 25 it starts kernels ~0.1 s slower and does
# not speed up the first matmul: with the Vector API's incubator module the JVM stores neither
# linked classes nor method profiles in it (kernel/BENCHMARKS.md).
set -euo pipefail

KERNEL_NAME=jtorch
MIN_JAVA=17
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPEC_FILES="$ROOT/kernel/src/main/resources/kernelspec"
TEMPLATE="$SPEC_FILES/kernel.json.template"

die() { printf 'install.sh: error: %s\n' "$*" >&2; exit 1; }
info() { printf 'install.sh: %s\n' "$*"; }

usage() { sed -n '2,31s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

scope=user
prefix=""
uninstall=false
java=""
jar=""
jvm_opts=()
cds=true
aot=false
while [ $# -gt 0 ]; do
  case "$1" in
    --user) scope=user ;;
    --sys-prefix) scope=sys-prefix ;;
    --prefix)
      [ $# -ge 2 ] || die "--prefix needs a directory"
      scope=prefix; prefix="$2"; shift ;;
    --prefix=*) scope=prefix; prefix="${1#--prefix=}" ;;
    --uninstall) uninstall=true ;;
    --java)
      [ $# -ge 2 ] || die "--java needs the path of a java launcher"
      java="$2"; shift ;;
    --jar)
      [ $# -ge 2 ] || die "--jar needs the path of the kernel jar"
      jar="$2"; shift ;;
    --jvm-opt)
      [ $# -ge 2 ] || die "--jvm-opt needs an option, e.g. --jvm-opt -Xmx8g"
      jvm_opts+=("$2"); shift ;;
    --no-cds) cds=false ;;
    --aot) aot=true ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done
[ "$scope" != prefix ] || [ -n "$prefix" ] || die "--prefix needs a non-empty directory"

# --- Jupyter ---------------------------------------------------------------------------------
command -v jupyter >/dev/null 2>&1 || die "'jupyter' is not on PATH. Install Jupyter first \
(Debian/Ubuntu: sudo apt-get install jupyter-client jupyter-notebook), then re-run."
jupyter kernelspec --version >/dev/null 2>&1 || die "'jupyter kernelspec' does not work \
($(command -v jupyter)); install jupyter-client (Debian/Ubuntu: sudo apt-get install jupyter-client)."

# The Python interpreter behind `jupyter`: it computes the kernels directory and edits JSON.
jupyter_python() {
  local launcher shebang
  launcher="$(command -v jupyter)"
  shebang="$(head -n 1 "$launcher" 2>/dev/null || true)"
  case "$shebang" in
    '#!'*/env\ *) read -r -a PY <<<"${shebang#*/env }" ;;
    '#!'*) read -r -a PY <<<"${shebang#\#!}" ;;
    *) PY=(python3) ;;
  esac
  "${PY[@]}" -c 'import jupyter_client' 2>/dev/null || PY=(python3)
}
jupyter_python

kernels_dir() {
  case "$scope" in
    user) printf '%s/kernels' "$(jupyter --data-dir)" ;;
    sys-prefix) "${PY[@]}" -c 'import os, sys; print(os.path.join(sys.prefix, "share", "jupyter", "kernels"))' ;;
    prefix) printf '%s/share/jupyter/kernels' "$prefix" ;;
  esac
}
if [ "$scope" = prefix ]; then prefix="$(realpath -m -- "$prefix")"; fi
dest="$(kernels_dir)/$KERNEL_NAME"

if $uninstall; then
  if [ -e "$dest" ]; then
    rm -rf -- "$dest" || die "cannot remove '$dest' (permissions?)"
    info "removed the '$KERNEL_NAME' kernelspec from $dest"
  else
    info "no '$KERNEL_NAME' kernelspec in $(dirname "$dest"); nothing to remove"
  fi
  exit 0
fi

# --- Java --------------------------------------------------------------------------------------
if [ -z "$java" ]; then
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    java="$(command -v java)"
  else
    die "no Java found. JTorch needs a JDK $MIN_JAVA or newer \
(Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless), or pass --java /path/to/bin/java."
  fi
fi
[ -x "$java" ] || die "'$java' is not an executable java launcher"
java="$(readlink -f -- "$java")"
version_line="$("$java" -version 2>&1 | grep -m 1 -i 'version' || true)"
version="$(printf '%s' "$version_line" | sed -n 's/.*version "\([^"]*\)".*/\1/p')"
[ -n "$version" ] || die "cannot tell the version of '$java' (it printed: ${version_line:-nothing})"
major="${version%%[.+-]*}"
if [ "$major" = 1 ]; then major="$(printf '%s' "$version" | cut -d. -f2)"; fi
case "$major" in ''|*[!0-9]*) die "cannot parse the Java version '$version' of '$java'" ;; esac
if [ "$major" -lt "$MIN_JAVA" ]; then
  die "'$java' is Java $version, but JTorch needs a JDK $MIN_JAVA or newer. Install one \
(Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless) and pass --java /path/to/bin/java \
or set JAVA_HOME."
fi
# A JDK, not a runtime: jdk.jshell listed (plain grep reads the whole list; `grep -q` could close
# the pipe early and fail it under pipefail)
"$java" --list-modules 2>/dev/null | grep '^jdk\.jshell@' >/dev/null || die "'$java' (Java $version) \
has no jdk.jshell module: it is a runtime, not a JDK. Install a full JDK $MIN_JAVA+ \
(Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless)."

# Prints the first of "$1" and its parent directories that other users may not search or execute.
closed_to_others() {
  local path="$1" mode
  while [ "$path" != / ]; do
    mode="$(stat -L -c '%a' -- "$path")"
    if [ $((8#$mode & 1)) -eq 0 ]; then printf '%s' "$path"; return; fi
    path="$(dirname -- "$path")"
  done
}
# Installed for every user, the launcher must be runnable by the students' servers (their own
# users on a hub); a JDK in root's home is not.
if [ "$scope" != user ]; then
  blocked="$(closed_to_others "$java")"
  [ -z "$blocked" ] || printf 'install.sh: warning: other users cannot run %s (%s is closed to them); %s\n' \
    "$java" "$blocked" "use a JDK they can reach (e.g. under /usr/lib/jvm) with --java" >&2
fi

# --- the kernel jar ----------------------------------------------------------------------------
if [ -z "$jar" ]; then
  jar="$ROOT/kernel/target/jtorch-kernel.jar"
  if [ ! -f "$jar" ]; then
    command -v mvn >/dev/null 2>&1 || die "no built kernel at $jar and Maven ('mvn') is not \
on PATH to build it (Debian/Ubuntu: sudo apt-get install maven), or pass --jar PATH."
    info "no kernel jar yet: building it with 'mvn -q package -DskipTests' in $ROOT"
    (cd "$ROOT" && mvn -q -B package -DskipTests) || die "the Maven build failed (see above)"
    [ -f "$jar" ] || die "the Maven build did not produce $jar"
  fi
fi
[ -f "$jar" ] || die "no kernel jar at '$jar'"

# --- assemble and install ----------------------------------------------------------------------
staging="$(mktemp -d "${TMPDIR:-/tmp}/jtorch-kernelspec.XXXXXX")"
trap 'rm -rf -- "$staging"' EXIT
spec="$staging/$KERNEL_NAME"
mkdir -p "$spec"
cp -- "$jar" "$spec/jtorch-kernel.jar"
cp -- "$ROOT/install/logo-32x32.png" "$ROOT/install/logo-64x64.png" "$spec/"
# the files the template names with @KERNEL_DIR@ (e.g. the JIT directives)
for file in "$SPEC_FILES"/*; do
  [ ! -f "$file" ] || [ "$file" = "$TEMPLATE" ] || cp -- "$file" "$spec/"
done

# kernel.json: the kernel module's template with @JAVA@, @JAR@ and @KERNEL_DIR@ (the installed
# kernelspec directory) filled in, edited as JSON. Without a template (older checkouts), the
# contract's defaults are used.
"${PY[@]}" - "$TEMPLATE" "$spec/kernel.json" "$java" "$dest/jtorch-kernel.jar" "$dest" "${jvm_opts[@]}" <<'PYEOF'
import json, os, sys

template, out, java, jar, kernel_dir, *jvm_opts = sys.argv[1:]
if os.path.exists(template):
    with open(template, encoding="utf-8") as f:
        spec = json.load(f)
else:
    spec = {"argv": ["@JAVA@", "-jar", "@JAR@", "{connection_file}"],
            "display_name": "Java (JTorch)", "language": "java", "interrupt_mode": "message"}

def fill(value):
    if isinstance(value, str):
        return value.replace("@JAVA@", java).replace("@JAR@", jar).replace("@KERNEL_DIR@", kernel_dir)
    if isinstance(value, list):
        return [fill(v) for v in value]
    if isinstance(value, dict):
        return {k: fill(v) for k, v in value.items()}
    return value

spec = fill(spec)
argv = spec["argv"]
if jvm_opts:
    at = argv.index("-jar") if "-jar" in argv else 1
    argv[at:at] = jvm_opts
if "{connection_file}" not in argv:
    sys.exit("install.sh: error: the kernelspec template has no {connection_file} argument")
with open(out, "w", encoding="utf-8") as f:
    json.dump(spec, f, indent=2, ensure_ascii=False)
    f.write("\n")
PYEOF
[ "$scope" = user ] || chmod -R a+rX -- "$spec"

# The JVM options of a kernel.json (between the launcher and -jar), one per line.
jvm_options_of() {
  "${PY[@]}" -c 'import json, sys
argv = json.load(open(sys.argv[1], encoding="utf-8"))["argv"]
sys.stdout.write("".join(a + "\n" for a in argv[1:argv.index("-jar") if "-jar" in argv else 1]))' "$1"
}
# Fails with the JVM's own message when $java rejects the options (a mistyped --jvm-opt, a JIT
# directives file it cannot parse): better now than a kernel that dies at every start.
check_jvm_options() {
  local out
  if ! out="$("$java" "$@" -version 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "'$java' does not accept the kernel's JVM options: $*"
  fi
}
mapfile -t options < <(jvm_options_of "$spec/kernel.json")
staged_options=()
for option in "${options[@]}"; do staged_options+=("${option//"$dest"/"$spec"}"); done
check_jvm_options "${staged_options[@]}"

case "$scope" in
  user) scope_args=(--user) ;;
  sys-prefix) scope_args=(--sys-prefix) ;;
  prefix) scope_args=(--prefix "$prefix") ;;
esac
if ! log="$(jupyter kernelspec install --replace --name "$KERNEL_NAME" "${scope_args[@]}" "$spec" 2>&1)"; then
  printf '%s\n' "$log" >&2
  die "'jupyter kernelspec install' failed (see above; --sys-prefix may need root)"
fi
[ -f "$dest/kernel.json" ] && [ -f "$dest/jtorch-kernel.jar" ] \
  || die "the kernelspec did not land where expected ($dest)"

# Class data: a warm-up run of the installed jar records the classes a session loads; the result
# matches only this jar (path, size, time) and this JVM, so it is made here. Without it (a failed run, --no-cds) the kernel starts the same way,
# only slower.
archive="$dest/jtorch-kernel.jsa"
cache="$dest/jtorch-kernel.aot"
rm -f -- "$archive" "$cache" "$cache.config"
class_data=""

# Adds the JVM option $1 to the installed kernel.json, before -jar.
add_kernel_option() {
  "${PY[@]}" - "$dest/kernel.json" "$1" <<'PYEOF'
import json, sys

path, option = sys.argv[1:]
with open(path, encoding="utf-8") as f:
    spec = json.load(f)
spec["argv"].insert(spec["argv"].index("-jar"), option)
with open(path, "w", encoding="utf-8") as f:
    json.dump(spec, f, indent=2, ensure_ascii=False)
    f.write("\n")
PYEOF
}

# Runs the warm-up with the JVM options "$@" added (output in $staging/warmup.log).
warm_up_with() {
  "$java" "${options[@]}" "$@" -jar "$dest/jtorch-kernel.jar" --warmup >"$staging/warmup.log" 2>&1
}

# The warm-up run's last lines, on one line.
warm_up_output() { tail -n 3 "$staging/warmup.log" | tr '\n' ' '; }

# --aot, JDK >= 25 (JEP 514): one training run writes the cache; -XX:AOTMode=on fails unless this
# JVM can map it for this jar. kernel.json leaves AOTMode at auto: a JDK updated later only
# ignores the cache.
if $cds && $aot && [ "$major" -lt 25 ]; then
  info "no AOT cache: Java $version has none (JDK 25 or newer); writing the class-data archive"
elif $cds && $aot; then
  if warm_up_with "-XX:AOTCacheOutput=$cache" && [ -s "$cache" ] && "$java" "${options[@]}" \
      "-XX:AOTCache=$cache" -XX:AOTMode=on -cp "$dest/jtorch-kernel.jar" -version >/dev/null 2>&1; then
    class_data="-XX:AOTCache=$cache"
  else
    rm -f -- "$cache" "$cache.config"
    info "no AOT cache: the training run with $java failed or its cache does not map; writing the class-data archive instead"
    info "  its output: $(warm_up_output)"
  fi
fi
if $cds && [ -z "$class_data" ]; then
  if warm_up_with "-XX:ArchiveClassesAtExit=$archive" && [ -s "$archive" ] && "$java" "${options[@]}" \
      "-XX:SharedArchiveFile=$archive" -Xshare:on -cp "$dest/jtorch-kernel.jar" -version >/dev/null 2>&1; then
    class_data="-XX:SharedArchiveFile=$archive"
  else
    rm -f -- "$archive"
    info "no class-data archive: the warm-up run with $java failed (the kernel works, starts slower);"
    info "  its output: $(warm_up_output)"
  fi
fi
if [ -n "$class_data" ]; then
  add_kernel_option "$class_data"
  [ "$scope" = user ] || chmod a+r -- "${class_data#*=}"
fi

info "installed the '$KERNEL_NAME' kernelspec (\"Java (JTorch)\") in $dest"
info "  java: $java (Java $version)"
info "  jar:  $dest/jtorch-kernel.jar (a copy of $jar)"
[ ! -f "$archive" ] || info "  class-data archive: $archive"
[ ! -f "$cache" ] || info "  AOT cache: $cache"
data_dir="$(dirname "$(dirname "$dest")")"
if [ "$scope" = prefix ] && ! jupyter --paths --json 2>/dev/null \
    | "${PY[@]}" -c 'import json, sys; sys.exit(sys.argv[1] not in json.load(sys.stdin)["data"])' "$data_dir"; then
  info "  Jupyter finds it when $data_dir is on JUPYTER_PATH, e.g."
  info "  export JUPYTER_PATH=\"$data_dir\""
fi
