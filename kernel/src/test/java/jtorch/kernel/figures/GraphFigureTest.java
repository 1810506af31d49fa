package jtorch.kernel.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import jtorch.Tensor;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/** The autograd graph drawing: its boxes, its text form, and the picture. */
class GraphFigureTest {
    private static final int GREY = 0xd3d3d3;
    private static final int BLUE = 0xadd8e6;
    private static final int GREEN = 0xcaff70;

    @Test
    void makeDot_courseExample_drawsOutputFunctionsAndLeaves() throws IOException {
        Tensor x1 = torch.tensor(1.0, true);
        Tensor x2 = torch.tensor(2.0, true);
        Tensor y = x1.add(torch.mul(2, x2));
        GraphFigure g = Plots.makeDot(y, Map.of("x1", x1, "x2", x2));
        assertEquals("()\n"
                + "\u2514\u2500\u2500 AddBackward0\n"
                + "    \u251c\u2500\u2500 AccumulateGrad\n"
                + "    \u2502   \u2514\u2500\u2500 x1 ()\n"
                + "    \u2514\u2500\u2500 MulBackward0\n"
                + "        \u2514\u2500\u2500 AccumulateGrad\n"
                + "            \u2514\u2500\u2500 x2 ()", g.toString());
        BufferedImage image = FigureTest.render("graph", g.toPng());
        int[] size = g.shownSize();
        assertEquals(2 * size[0], image.getWidth());
        assertEquals(2 * size[1], image.getHeight());
        assertTrue(FigureTest.count(image, GREEN) > 1000, "the output box");
        assertTrue(FigureTest.count(image, GREY) > 4000, "two grad_fn and two AccumulateGrad boxes");
        assertTrue(FigureTest.count(image, BLUE) > 2000, "the two leaves");
    }

    @Test
    void makeDot_sharedInput_drawsItOnce() throws IOException {
        Tensor w = torch.ones(new int[] {2, 2}, true);
        Tensor h = w.mul(2);
        Tensor loss = h.add(h.exp()).sum();
        GraphFigure g = Plots.makeDot(loss);
        assertEquals(7, g.boxes.size(), g.toString());
        FigureTest.render("graph-shared", g.toPng());
    }

    @Test
    void makeDot_twoLayerNet_drawsEveryNodeInsideThePicture() throws IOException {
        torch.manualSeed(0);
        Tensor x = torch.randn(4, 3);
        Tensor w1 = torch.randn(new int[] {3, 5}, true);
        Tensor b1 = torch.zeros(new int[] {5}, true);
        Tensor w2 = torch.randn(new int[] {5, 1}, true);
        Tensor loss = x.matmul(w1).add(b1).relu().matmul(w2).pow(2).mean();
        GraphFigure g = Plots.makeDot(loss);
        assertEquals(13, g.boxes.size(), g.toString());
        BufferedImage image = FigureTest.render("graph-mlp", g.toPng());
        assertTrue(FigureTest.count(image, BLUE) > 3 * 2000, "three leaves");
    }

    @Test
    void makeDot_leaf_saysThereIsNoGraph() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.makeDot(torch.ones(2)));
        assertEquals("this tensor has no grad_fn, so there is no graph to draw (it does not require grad: "
                + "create its inputs with requires_grad=true)", e.getMessage());
    }

    @Test
    void makeDot_node_startsAtTheNode() {
        Tensor x = torch.tensor(1.0, true);
        GraphFigure g = Plots.makeDot(x.mul(3).gradFn());
        assertEquals("MulBackward0\n\u2514\u2500\u2500 AccumulateGrad\n    \u2514\u2500\u2500 ()", g.toString());
    }
}
