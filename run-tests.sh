#!/usr/bin/env bash
# Runs every JTorch test, from any working directory; safe to re-run.
#
#   1. Maven: `mvn verify` builds tensor-core and the kernel jar and runs their unit and
#      integration tests (golden PyTorch cases; the kernel through jupyter-client and the
#      jupyter_kernel_test conformance suite, which the kernel's failsafe tests start).
#   2. pytest: the installer (install/tests), the course notebooks executed with nbconvert on
#      the freshly built kernel and compared with the committed and the PyTorch outputs, and
#      their HTML conversion (notebooks/tests); the kernel benchmark's flow (kernel/bench/tests);
#      compare.py's tables (benchmarks/tests).
#   3. node --test: the course in headless Chromium on jupyter-notebook, JupyterLab's client
#      library (@jupyterlab/services) on jupyter-server, and a class of four students running the
#      course at once on JupyterHub (e2e/tests).
#
# Missing Debian/Ubuntu packages (install/prerequisites.sh) are installed first with apt-get
# (through sudo when not root). Every step runs even when an earlier one failed; the last line
# sums up all tests: "summary: N passed, N failed, N skipped". Reports: target/test-reports/,
# e2e/target/.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export PYTHONDONTWRITEBYTECODE=1
REPORTS="$ROOT/target/test-reports"
PYTHON="${PYTHON:-/usr/bin/python3}"
[ -x "$PYTHON" ] || PYTHON="$(command -v python3 || true)"

source "$ROOT/install/prerequisites.sh"
install_missing_packages "${TEST_PACKAGES[@]}" || exit 2
use_jdk17_if_needed || true
missing=()
for tool in java mvn jupyter node npm; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=("chromium")
if [ -z "$PYTHON" ] || ! "$PYTHON" -c 'import pytest, nbclient, nbconvert, jupyter_client' 2>/dev/null; then
  missing+=("python3 with pytest, nbclient, nbconvert, jupyter_client")
fi
if [ ${#missing[@]} -gt 0 ]; then
  printf 'run-tests.sh: missing prerequisites: %s\n' "${missing[*]}" >&2
  printf 'run-tests.sh: install them (Debian/Ubuntu package names: install/prerequisites.sh), then re-run.\n' >&2
  exit 2
fi

rm -rf "$REPORTS" tensor-core/target/surefire-reports tensor-core/target/failsafe-reports \
  kernel/target/surefire-reports kernel/target/failsafe-reports
mkdir -p "$REPORTS"
steps=()

run_step() {
  local name="$1"; shift
  printf '\n=== %s ===\n' "$name"
  "$@"
  local rc=$?
  steps+=("$name=$rc")
  printf '=== %s: %s ===\n' "$name" "$([ $rc -eq 0 ] && echo ok || echo "FAILED (exit $rc)")"
}

# A failing test must not stop the build: the kernel jar is still built, the later steps still
# run, and the failures are counted from the reports below.
run_step maven mvn -B -ntp -Dmaven.test.failure.ignore=true verify

# A private --basetemp: pytest prunes the shared /tmp/pytest-of-$USER behind concurrent runs.
run_step pytest "$PYTHON" -m pytest -p no:cacheprovider -q install/tests notebooks/tests \
  kernel/bench/tests benchmarks/tests --basetemp="$ROOT/target/pytest" --junitxml="$REPORTS/pytest.xml"

node_modules_current() {
  [ -f e2e/node_modules/.package-lock.json ] && [ e2e/node_modules/.package-lock.json -nt e2e/package-lock.json ]
}
# A hung test fails after 3 minutes instead of holding the run (the slowest passes in under a minute).
e2e() {
  node_modules_current || (cd e2e && npm ci --no-audit --no-fund) || return $?
  node --test --test-concurrency=1 --test-timeout=180000 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=junit --test-reporter-destination="$REPORTS/e2e.xml" e2e/tests/
}
run_step e2e e2e

"$PYTHON" - "$REPORTS" "${steps[@]}" <<'PYEOF'
"""Sums up the JUnit XML reports of all steps; a step that failed without a failing test counts once."""
import glob
import re
import sys
import xml.etree.ElementTree as ET

# Characters XML 1.0 forbids (node's junit reporter copies ANSI escapes of failure messages as is).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def testcases(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return ET.fromstring(NOT_XML.sub("?", f.read())).iter("testcase")


reports, steps = sys.argv[1], dict(s.split("=", 1) for s in sys.argv[2:])
files = {
    "maven": glob.glob("*/target/surefire-reports/TEST-*.xml") + glob.glob("*/target/failsafe-reports/TEST-*.xml"),
    "pytest": [f"{reports}/pytest.xml"],
    "e2e": [f"{reports}/e2e.xml"],
}
total = {"passed": 0, "failed": 0, "skipped": 0}
print("\n=== results ===")
for step, rc in steps.items():
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    for path in files.get(step, []):
        try:
            cases = testcases(path)
        except (OSError, ET.ParseError):
            continue
        for case in cases:
            tags = {child.tag for child in case}
            key = "failed" if tags & {"failure", "error"} else "skipped" if "skipped" in tags else "passed"
            counts[key] += 1
    note = ""
    if rc != "0" and counts["failed"] == 0:
        counts["failed"] += 1
        note = f" (the step itself failed: exit {rc})"
    print(f"{step}: {counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped{note}")
    for key in total:
        total[key] += counts[key]
print(f"summary: {total['passed']} passed, {total['failed']} failed, {total['skipped']} skipped")
sys.exit(1 if total["failed"] else 0)
PYEOF
