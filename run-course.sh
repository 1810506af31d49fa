#!/usr/bin/env bash
# Sets JTorch up on a Debian/Ubuntu machine and runs the course headless; safe to re-run.
#
#   1. installs what is missing with apt-get (a JDK 17, Maven, Debian's Jupyter packages),
#      using sudo when not root;
#   2. builds the kernel jar (mvn package, tests skipped: ./run-tests.sh runs them);
#   3. installs the `jtorch` kernelspec for the current user (install/install.sh);
#   4. executes notebooks/*.ipynb with nbconvert into HTML under target/course/ and prints where
#      they are and how to open the course interactively.
# The committed notebooks are left untouched.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$ROOT/target/course"
say() { printf '\n==> %s\n' "$*"; }
die() { printf 'run-course.sh: error: %s\n' "$*" >&2; exit 1; }

# --- 1. prerequisites ---------------------------------------------------------------------------
java_ok() {
  local java version major
  java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  command -v "$java" >/dev/null 2>&1 || return 1
  version="$("$java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
  major="${version%%[.+-]*}"
  [ "$major" != 1 ] && [ -n "$major" ] && [ "$major" -ge 17 ] 2>/dev/null \
    && "$java" --list-modules 2>/dev/null | grep -q '^jdk\.jshell@'
}
packages=()
java_ok || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || packages+=(maven)
command -v jupyter >/dev/null 2>&1 || packages+=(jupyter-core)
command -v jupyter-kernelspec >/dev/null 2>&1 || packages+=(jupyter-client)
command -v jupyter-nbconvert >/dev/null 2>&1 || packages+=(jupyter-nbconvert)
/usr/bin/python3 -c 'import nbclient' 2>/dev/null || packages+=(python3-nbclient)
command -v jupyter-notebook >/dev/null 2>&1 || packages+=(jupyter-notebook)
if [ ${#packages[@]} -gt 0 ]; then
  say "installing prerequisites: ${packages[*]}"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install ${packages[*]} yourself"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "run as root or install sudo; needed: ${packages[*]}"
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}"
else
  say "prerequisites present (JDK 17+, Maven, Jupyter)"
fi
if [ -z "${JAVA_HOME:-}" ] && ! java_ok; then
  # A newer default java may be missing jshell, or an older one may win on PATH.
  for home in /usr/lib/jvm/java-17-openjdk-*; do
    [ -x "$home/bin/java" ] && export JAVA_HOME="$home" && break
  done
fi

# --- 2. build ---------------------------------------------------------------------------------
say "building the kernel (mvn package, tests skipped)"
(cd "$ROOT" && mvn -B -q -ntp package -DskipTests) || die "the build failed (see above)"

# --- 3. install the kernel ------------------------------------------------------------------------
say "installing the jtorch kernel for $(id -un)"
"$ROOT/install/install.sh" --user

# --- 4. run the course ----------------------------------------------------------------------------
say "executing the course headless (jupyter nbconvert --execute --to html)"
mkdir -p "$OUT"
notebooks=("$ROOT/notebooks/pytorch-basics.ipynb")
for nb in "$ROOT"/notebooks/*.ipynb; do
  [ "$nb" = "${notebooks[0]}" ] || notebooks+=("$nb")
done
(cd "$ROOT/notebooks" && jupyter nbconvert --to html --execute \
  --ExecutePreprocessor.timeout=600 --output-dir "$OUT" "${notebooks[@]}") \
  || die "executing the course failed (see above)"

root_flag=""
[ "$(id -u)" -eq 0 ] && root_flag=" --allow-root"
printf '\nThe course ran; its pages are:\n'
for nb in "${notebooks[@]}"; do
  name="$(basename "${nb%.ipynb}").html"
  url="file://$OUT/$name"
  printf '  %s\n' "${url// /%20}"
done
cat <<EOF

Open the course interactively (choose the "Java (JTorch)" kernel if asked):
  Jupyter Notebook:  jupyter notebook$root_flag "$ROOT/notebooks/pytorch-basics.ipynb"
  JupyterLab:        jupyter lab$root_flag "$ROOT/notebooks"     (where JupyterLab is installed)
EOF
