"""Figures through Debian's jupyter-client: a plot's MIME bundle, the autograd graph of a node,
a progress bar updated in place and left "interrupted" by an interrupt, and its plain-text lines
for a terminal client (one that asks is_complete, as jupyter console does); through nbclient, the
saved size of a live plot."""
import base64
import time
import unittest

from kernel_harness import Kernel

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def rich(outputs, kind):
    return [o["content"] for o in outputs if o["msg_type"] == kind]


class FiguresTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.k = Kernel()

    @classmethod
    def tearDownClass(cls):
        cls.k.close()

    def assertPng(self, data, metadata, width, height):
        png = base64.b64decode(data["image/png"])
        self.assertTrue(png.startswith(PNG_MAGIC))
        # drawn at twice the size it is shown at
        self.assertEqual(int.from_bytes(png[16:20], "big"), 2 * width)
        self.assertEqual(int.from_bytes(png[20:24], "big"), 2 * height)
        self.assertEqual(metadata["image/png"], {"width": width, "height": height})

    def test_plot_is_a_png_with_its_size_and_a_text_fallback(self):
        reply, outputs = self.k.run('plot(List.of(3, 1, 2)).title("loss").xlabel("epoch")', timeout=120)
        self.assertEqual(reply["status"], "ok")
        (result,) = rich(outputs, "execute_result")
        self.assertEqual(sorted(result["data"]), ["image/png", "text/plain"])
        self.assertEqual(result["data"]["text/plain"], "<Figure size 640x420 with 1 Axes>")
        self.assertPng(result["data"], result["metadata"], 640, 420)
        self.assertLess(len(result["data"]["image/png"]), 80_000, "a simple plot stays small in the notebook")

    def test_display_of_a_node_draws_the_graph_and_print_keeps_pytorch_text(self):
        reply, outputs = self.k.run("var gx = torch.tensor(1.0, true);\nvar gy = gx.add(torch.mul(2, gx));\n"
                                    "print(gy.gradFn());\ndisplay(gy.gradFn());")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual("".join(o["text"] for o in rich(outputs, "stream")), "<AddBackward0 object>\n")
        (shown,) = rich(outputs, "display_data")
        self.assertEqual(shown["data"]["text/plain"], "<AddBackward0 object>")
        self.assertTrue(base64.b64decode(shown["data"]["image/png"]).startswith(PNG_MAGIC))

    def test_live_plot_updates_one_display(self):
        reply, outputs = self.k.run(
            "var losses = new ArrayList<Double>();\nvar chart = display(plot(losses));\n"
            "for (int e = 0; e < 100; e++) {\n    losses.add(Math.exp(-e / 20.0));\n"
            "    if (e % 25 == 24) updateDisplay(chart, plot(losses).title(\"loss\"));\n}", timeout=120)
        self.assertEqual(reply["status"], "ok")
        (shown,) = rich(outputs, "display_data")
        updates = rich(outputs, "update_display_data")
        self.assertEqual(len(updates), 4)
        ids = {u["transient"]["display_id"] for u in updates}
        self.assertEqual(ids, {shown["transient"]["display_id"]})

    def test_progress_bar_updates_in_place_and_ends_at_the_total(self):
        reply, outputs = self.k.run("for (int i : trange(20, \"epochs\")) { Thread.sleep(15); }", timeout=120)
        self.assertEqual(reply["status"], "ok")
        (shown,) = rich(outputs, "display_data")
        self.assertIn("text/html", shown["data"])
        self.assertTrue(shown["data"]["text/plain"].startswith("epochs:   0%|"))
        updates = rich(outputs, "update_display_data")
        self.assertGreaterEqual(len(updates), 2)
        self.assertLessEqual(len(updates), 10, "updates are throttled to about 10 a second")
        self.assertTrue(updates[-1]["data"]["text/plain"].startswith("epochs: 100%|"), updates[-1])
        self.assertIn("20/20", updates[-1]["data"]["text/html"])
        self.assertFalse(rich(outputs, "stream"), "nothing printed beside the bar")

    def test_interrupt_leaves_the_bar_marked_interrupted(self):
        msg_id = self.k.send("for (int i : trange(1000)) { Thread.sleep(10); }")
        time.sleep(2.5)
        self.k.km.interrupt_kernel()
        reply = self.k.reply(msg_id, timeout=30)
        outputs = self.k.outputs(msg_id, timeout=30)
        self.assertEqual(reply["content"]["status"], "error")
        last = rich(outputs, "update_display_data")[-1]["data"]
        self.assertTrue(last["text/plain"].endswith("] interrupted"), last["text/plain"])
        self.assertIn("#e53935", last["text/html"])
        self.assertEqual(self.k.value("1 + 1"), "2")

    def test_terminal_client_gets_plain_text_lines(self):
        self.k.kc.is_complete("1 + 1")  # what jupyter console asks before it sends a line
        self.k.kc.get_shell_msg(timeout=30)
        reply, outputs = self.k.run("for (int i : trange(3)) { }")
        self.assertEqual(reply["status"], "ok")
        self.assertFalse(rich(outputs, "display_data"))
        text = "".join(o["text"] for o in rich(outputs, "stream"))
        self.assertEqual([line[:5] for line in text.splitlines()], ["  0%|", "100%|"], text)


class SavedNotebookTest(unittest.TestCase):
    def test_live_plot_of_100_epochs_saves_one_picture(self):
        """nbclient (what nbconvert --execute uses) applies each update in place: the saved
        notebook holds the last picture and the last state of the bar, not 100 of them."""
        import nbclient
        import nbformat

        loop = ("var losses = new ArrayList<Double>();\nvar chart = display(plot(losses));\n"
                "for (int epoch : trange(100, \"train\")) {\n    losses.add(Math.exp(-epoch / 20.0));\n"
                "    updateDisplay(chart, plot(losses).title(\"loss\"));\n}")
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(loop)])
        nbclient.NotebookClient(nb, kernel_name="jtorch", timeout=600).execute()
        outputs = nb.cells[0].outputs
        self.assertEqual([sorted(o["data"]) for o in outputs], [["image/png", "text/plain"], ["text/html", "text/plain"]])
        self.assertTrue(outputs[1]["data"]["text/plain"].startswith("train: 100%|"))
        size = len(nbformat.writes(nb))
        self.assertLess(size, 90_000, f"the saved notebook is {size} bytes")


if __name__ == "__main__":
    unittest.main()
