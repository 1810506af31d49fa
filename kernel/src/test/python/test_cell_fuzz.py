"""The cell fuzzer (cell_fuzz.py), bounded for the test run: as many generated cells, other
requests, interrupts and bad messages as fit in CELLFUZZ_SECONDS (default 90) up to
CELLFUZZ_CELLS (default 1500), seed CELLFUZZ_SEED (default 1), against one kernel on the JDK the
end-to-end run uses. Targets: no kernel death, no hang, every request answered, the canary intact,
interrupted loops and tensor ops stopped within 1 s (the count over 1 s is printed; over 3 s, which
a loaded machine cannot explain, fails). Prints one `cellfuzz` summary line."""
import os
import unittest

from cell_fuzz import CellFuzz
from kernel_harness import Kernel, java_feature_version


class CellFuzzTest(unittest.TestCase):
    def test_cell_fuzz_kernel_survives_every_cell(self):
        seconds = float(os.environ.get("CELLFUZZ_SECONDS", "90"))
        cells = int(os.environ.get("CELLFUZZ_CELLS", "1500"))
        seed = int(os.environ.get("CELLFUZZ_SEED", "1"))
        fuzz = CellFuzz(Kernel, seed)
        try:
            elapsed = fuzz.run(cells, seconds)
        finally:
            fuzz.close()
        report = fuzz.report
        print(f"\ncellfuzz (JDK {java_feature_version()}, seed {seed}): {report.summary(elapsed)}")
        for line in report.findings:
            print("cellfuzz finding:", line)
        c = report.counts
        self.assertGreater(c["cells"], 0)
        problems = {k: c[k] for k in ("death", "hang", "unanswered", "canary", "stuck_interrupt") if c[k]}
        self.assertEqual(problems, {}, "\n".join(report.findings))


if __name__ == "__main__":
    unittest.main()
