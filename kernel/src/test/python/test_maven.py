"""%maven through Debian's jupyter-client against the real Maven Central: an artifact with a
transitive dependency lands in a fresh cache and its classes work in the next cell; an unknown
artifact and an unreachable repository are clear errors and the session lives on; %classpath
lists what %maven added."""
import os
import shutil
import tempfile
import unittest

from kernel_harness import Kernel


class MavenTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cache = tempfile.mkdtemp(prefix="jtorch-maven-")
        cls.saved = os.environ.get("JTORCH_MAVEN_REPO")
        os.environ["JTORCH_MAVEN_REPO"] = cls.cache
        try:
            cls.k = Kernel()
        finally:
            if cls.saved is None:
                del os.environ["JTORCH_MAVEN_REPO"]
            else:
                os.environ["JTORCH_MAVEN_REPO"] = cls.saved

    @classmethod
    def tearDownClass(cls):
        cls.k.close()
        shutil.rmtree(cls.cache, ignore_errors=True)

    def stdout(self, outputs):
        return "".join(o["content"]["text"] for o in outputs if o["msg_type"] == "stream" and o["content"]["name"] == "stdout")

    def error(self, outputs):
        (error,) = [o["content"] for o in outputs if o["msg_type"] == "error"]
        return error

    def test_maven_resolves_transitively_from_central_into_the_cache(self):
        reply, outputs = self.k.run("%maven org.apache.commons:commons-text:1.12.0", timeout=300)
        self.assertEqual(reply["status"], "ok", outputs)
        self.assertFalse([o for o in outputs if o["msg_type"] == "stream" and o["content"]["name"] == "stderr"],
                         "the resolver logs nothing into the cell")
        added = self.stdout(outputs).splitlines()
        self.assertTrue(added[0].startswith("Added jar: " + self.cache), added)
        self.assertTrue(added[0].endswith("commons-text-1.12.0.jar"), added)
        self.assertTrue(any(line.endswith("commons-lang3-3.14.0.jar") for line in added), added)
        self.assertEqual(self.k.value('org.apache.commons.text.WordUtils.capitalize("hello world")'), "Hello World")
        self.assertEqual(self.k.value('org.apache.commons.lang3.StringUtils.reverse("abc")'), "cba")
        reply, outputs = self.k.run("%classpath")
        self.assertIn("commons-text-1.12.0.jar", self.stdout(outputs))

    def test_unknown_artifact_is_a_clear_error(self):
        reply, outputs = self.k.run("%maven org.jtorch.nonexistent:no-such-artifact:0.0.1", timeout=300)
        self.assertEqual(reply["status"], "error")
        error = self.error(outputs)
        self.assertEqual(error["ename"], "MavenError")
        self.assertIn("org.jtorch.nonexistent:no-such-artifact:0.0.1 is not in https://repo.maven.apache.org/maven2/",
                      error["evalue"])
        self.assertEqual(self.k.value("1 + 1"), "2")

    def test_cell_form_with_bad_coordinates_says_the_form(self):
        reply, outputs = self.k.run("%%maven\n// the plotting library\ncommons-math3\n")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(self.error(outputs)["evalue"],
                         '%maven needs group:artifact:version (e.g. org.apache.commons:commons-math3:3.6.1), got "commons-math3"')


if __name__ == "__main__":
    unittest.main()
