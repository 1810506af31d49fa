"""End-to-end tests of what a cell means through Debian's jupyter-client: re-running cells (which
skips the compiler when nothing they mention changed) keeps JShell's semantics, and compile
errors name the symbol and the cell line."""
import re
import unittest

from kernel_harness import Kernel

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class CellsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.k = Kernel()

    @classmethod
    def tearDownClass(cls):
        cls.k.close()

    def error(self, code):
        content, outs = self.k.run(code)
        self.assertEqual(content["status"], "error", (code, content))
        errors = [m["content"] for m in outs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, outs)
        return errors[0], ANSI.sub("", "\n".join(errors[0]["traceback"]))

    # ------------------------------------------------------------ re-runs

    def test_rerun_of_the_course_autograd_cell_gives_the_same_outputs(self):
        cell = ("var x1 = torch.tensor(1.0, true);\nvar x2 = torch.tensor(2.0, true);\n"
                "var y = x1.add(torch.mul(2, x2));\ny.backward();\nx1.grad()")
        self.assertEqual([self.k.value(cell) for _ in range(4)], ["tensor(1.)"] * 4)
        self.assertEqual(self.k.value("x2.grad()"), "tensor(2.)")

    def test_rerun_after_a_changed_type_redeclares(self):
        self.k.run("var base = 1;")
        self.k.run("var derived = base;")
        self.k.run("var derived = base;")
        self.k.run("var base = 2.5;")
        self.k.run("var derived = base;")
        self.assertEqual(self.k.value("derived"), "2.5")

    def test_traceback_of_a_rerun_method_points_at_the_rerun_cell(self):
        source = "int divide(int n) {\n    return 10 / n;\n}"
        self.k.run(source)
        content, _ = self.k.run(source)
        rerun = content["execution_count"]
        err, text = self.error("divide(0)")
        self.assertEqual(err["ename"], "ArithmeticException")
        self.assertIn(f"Cell In[{rerun}], line 2", text)

    # ------------------------------------------------------------ errors name the symbol and place

    def test_compile_error_names_the_missing_symbol(self):
        err, text = self.error('String s = "x";\ns.nope()')
        self.assertEqual(err["ename"], "CompileError")
        self.assertEqual(err["evalue"], "cannot find symbol: method nope() in variable s of type java.lang.String")
        self.assertRegex(text, r"Cell In\[\d+\], line 2: error: cannot find symbol: method nope\(\)")

    def test_class_calling_a_missing_overload_is_an_error_where_it_is_declared(self):
        self.k.run("int sq(int x) { return x * x; }")
        err, text = self.error("// the model\nclass Model {\n    // the forward pass\n"
                               "    int run() { return sq(1, 2); }\n}")
        self.assertEqual(err["ename"], "CompileError")
        self.assertIn("method sq cannot be applied to given types", err["evalue"])
        self.assertIn("found: int,int", err["evalue"])
        self.assertRegex(text, r"Cell In\[\d+\], line 4: error")
        declared = re.search(r"Cell In\[(\d+)\]", text).group(1)
        err, _ = self.error("new Model().run()")
        self.assertEqual(err["ename"], "UnresolvedReference")
        self.assertIn("class Model cannot be used: method sq cannot be applied", err["evalue"])
        self.assertIn(f"(Cell In[{declared}], line 4)", err["evalue"])
        self.assertNotIn("//", err["evalue"])

    def test_forward_reference_is_accepted_and_named_until_declared(self):
        content, _ = self.k.run("int later() { return notYet() + 1; }")
        self.assertEqual(content["status"], "ok")
        err, _ = self.error("later()")
        self.assertEqual(err["evalue"], "method later() cannot be used until method notYet() is declared")
        self.k.run("int notYet() { return 41; }")
        self.assertEqual(self.k.value("later()"), "42")


if __name__ == "__main__":
    unittest.main()
