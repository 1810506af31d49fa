"""Runs the kernel's end-to-end tests (conformance suite + robustness) and prints a summary line
'N passed, N failed'. Usage: python3 run_e2e.py [--jar PATH] [--java-home DIR] [-k PATTERN]."""
import argparse
import os
import signal
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar")
    parser.add_argument("--java-home")
    parser.add_argument("-k", dest="pattern", action="append")
    parser.add_argument("modules", nargs="*", default=["test_conformance", "test_robustness", "test_figures", "test_maven",
                                                        "test_cells", "test_cell_fuzz",
                                                        "test_runtime"])
    args = parser.parse_args()
    if args.jar:
        os.environ["JTORCH_KERNEL_JAR"] = args.jar
    if args.java_home:
        os.environ["JTORCH_JAVA_HOME"] = args.java_home
    # A process started in the background (nohup, CI runners) may inherit SIGINT as ignored, and a
    # JVM cannot handle a signal that was ignored when it started. Handling it here resets it to the
    # default for the kernels this process starts, as under a normal Jupyter server.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.path.insert(0, HERE)
    loader = unittest.TestLoader()
    if args.pattern:
        loader.testNamePatterns = [f"*{p}*" for p in args.pattern]
    suite = unittest.TestSuite(loader.loadTestsFromName(m) for m in args.modules)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors)
    passed = result.testsRun - failed - len(result.skipped)
    print(f"{passed} passed, {failed} failed, {len(result.skipped)} skipped")
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
