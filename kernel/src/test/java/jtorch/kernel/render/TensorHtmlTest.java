package jtorch.kernel.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jtorch.torch;
import org.junit.jupiter.api.Test;

class TensorHtmlTest {
    @Test
    void render_zeroDimIsAScalar() {
        String html = TensorHtml.render(torch.tensor(3.5));
        assertTrue(html.contains("<b>3.5</b>"), html);
        assertTrue(html.contains("shape <code>()</code>"), html);
        assertFalse(html.contains("<table"));
    }

    @Test
    void render_matrixIsATableWithHeader() {
        String html = TensorHtml.render(torch.ones(2, 3));
        assertTrue(html.contains("shape <code>(2, 3)</code>"), html);
        assertTrue(html.contains("torch.float32"));
        assertTrue(html.contains("<table"));
        assertTrue(html.contains(">1.0<"));
    }

    @Test
    void render_showsRequiresGradAndGradFn() {
        var x = torch.ones(new int[] {2}, true);
        String html = TensorHtml.render(x.mul(2));
        assertTrue(html.contains("requires_grad=True"), html);
        assertTrue(html.contains("MulBackward0"), html);
    }

    @Test
    void render_largeTensorIsSummarisedLikeTheRepr() {
        String html = TensorHtml.render(torch.arange(5000));
        assertTrue(html.contains("&hellip;"), "ellipsis");
        assertTrue(html.contains(">4999<"));
        assertFalse(html.contains(">2500<"), "middle values are not shown");
    }

    @Test
    void render_threeDimsAreNestedBlocks() {
        String html = TensorHtml.render(torch.zeros(2, 2, 3));
        assertTrue(html.contains("[0, :, :]"), html);
        assertTrue(html.contains("[1, :, :]"), html);
    }

    @Test
    void format_boolsAreTrueFalse() {
        String html = TensorHtml.render(torch.ones(2).gt(0));
        assertTrue(html.contains(">True<"), html);
    }
}
