# Debian/Ubuntu packages JTorch needs, and helpers that install the missing ones.
# Sourced by run-course.sh, run-tests.sh and .ci/run (bash); defines no commands of its own.

# The course: build, install the kernel, execute notebooks, open them in Jupyter Notebook.
COURSE_PACKAGES=(
  openjdk-17-jdk-headless maven
  jupyter-core jupyter-client jupyter-nbconvert python3-nbclient jupyter-notebook
)
# Every test: the above plus the conformance suite, pytest, jupyter-server, the browser and
# JupyterHub with its proxy (the class-load test), and PyTorch itself (tensor-core tests that save
# and load files with it, the op catalog's recorder, the differential fuzzer).
TEST_PACKAGES=(
  "${COURSE_PACKAGES[@]}"
  python3-jupyter-client python3-jupyter-kernel-test python3-ipykernel python3-pytest
  jupyter-server chromium nodejs npm jupyterhub node-configurable-http-proxy
  python3-torch
)

# True when $JAVA_HOME/bin/java (or java on PATH) is a JDK >= 17 with jdk.jshell.
jdk17_ok() {
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java" version major
  command -v "$java" >/dev/null 2>&1 || return 1
  version="$("$java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
  major="${version%%[.+-]*}"
  [ -n "$major" ] && [ "$major" != 1 ] && [ "$major" -ge 17 ] 2>/dev/null \
    && "$java" --list-modules 2>/dev/null | grep -q '^jdk\.jshell@'
}

# Points JAVA_HOME at Debian's JDK 17 when the java found first is older or lacks jshell.
use_jdk17_if_needed() {
  jdk17_ok && return 0
  local home
  for home in /usr/lib/jvm/java-17-openjdk-*; do
    if [ -x "$home/bin/java" ]; then export JAVA_HOME="$home"; return 0; fi
  done
  return 1
}

# Prints the packages of "$@" that are not installed (a working JDK 17+ stands in for
# openjdk-17-jdk-headless; node and npm from any source stand in for nodejs/npm).
missing_packages() {
  local package
  for package in "$@"; do
    case "$package" in
      openjdk-17-jdk-headless) jdk17_ok && continue ;;
      nodejs) command -v node >/dev/null 2>&1 && continue ;;
      npm) command -v npm >/dev/null 2>&1 && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
      || printf '%s\n' "$package"
  done
}

# Installs the missing packages of "$@" with apt-get (through sudo when not root).
install_missing_packages() {
  local missing sudo=()
  mapfile -t missing < <(missing_packages "$@")
  [ ${#missing[@]} -eq 0 ] && return 0
  printf 'installing prerequisites: %s\n' "${missing[*]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    printf 'apt-get not found: install %s yourself\n' "${missing[*]}" >&2
    return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      printf 'run as root or install sudo; needed: %s\n' "${missing[*]}" >&2
      return 1
    fi
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q \
    && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}
