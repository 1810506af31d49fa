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
source "$ROOT/install/prerequisites.sh"
say "checking prerequisites (JDK 17+, Maven, Jupyter)"
install_missing_packages "${COURSE_PACKAGES[@]}" || die "could not install the prerequisites"
use_jdk17_if_needed || die "no JDK 17+ with jdk.jshell found (set JAVA_HOME)"

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
