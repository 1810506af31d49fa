package jtorch.kernel.figures;

import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import jtorch.Node;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * How figures render in a notebook: a PNG (drawn at twice its size, shown at its size through the
 * {@code width}/{@code height} metadata) beside a text/plain fallback. PNG, not SVG: Debian's
 * nbconvert 6.5 sanitizes {@code image/svg+xml} to nothing, and JupyterLab and Notebook show no
 * SVG or HTML of an untrusted notebook, while a PNG shows everywhere. An autograd node renders as
 * its graph picture, its text staying PyTorch's {@code <AddBackward0 object>}. Progress bars are
 * an HTML bar beside tqdm's text line.
 */
public final class FigureRenderers {
    private FigureRenderers() {}

    public static void register(Renderer renderer) {
        renderer.createRegistration(Figure.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((figure, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, figure::toString);
                    png(context, figure::toPng, figure.shownSize());
                });
        renderer.createRegistration(GraphFigure.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((graph, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, graph::toString);
                    png(context, graph::toPng, graph.shownSize());
                });
        renderer.createRegistration(Node.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((node, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, node::toString);
                    GraphFigure graph = GraphFigure.of(node);
                    png(context, graph::toPng, graph.shownSize());
                });
        renderer.createRegistration(ProgressBar.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((bar, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, bar::toString);
                    context.renderIfRequested(MIMEType.TEXT_HTML, bar::html);
                });
    }

    private static void png(RenderContext context, Supplier<byte[]> png, int[] size) {
        context.renderIfRequested(MIMEType.IMAGE_PNG, (type, out) -> {
            out.putData(type, Base64.getEncoder().encodeToString(png.get()));
            out.putMetaData(type, Map.of("width", size[0], "height", size[1]));
        });
    }
}
