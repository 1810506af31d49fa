package jtorch.kernel.render;

import jtorch.DType;
import jtorch.Size;
import jtorch.Tensor;
import jtorch.kernel.figures.FigureRenderers;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Registers, by class, how session values render: tensors as PyTorch's repr plus an HTML card;
 * {@code Size} and {@code DType} as PyTorch prints them; figures, autograd nodes (their text and
 * their graph) and progress bars as {@link FigureRenderers} says; everything else as
 * Python's repr of the value ({@link PyRepr}). The tensor library knows nothing of Jupyter.
 */
public final class Renderers {
    private Renderers() {}

    /** Renders a few small tensors once, so the first cell's result does not pay for loading the formatters. */
    public static void warmUp() {
        Renderer r = new Renderer();
        registerAll(r);
        for (Object value : new Object[] {jtorch.torch.zeros(2, 2), jtorch.torch.tensor(1.5), jtorch.torch.ones(2).shape(), 2}) {
            r.render(value);
        }
    }

    public static void registerAll(Renderer renderer) {
        renderer.createRegistration(Tensor.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN, MIMEType.TEXT_HTML)
                .register((tensor, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, tensor::toString);
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> TensorHtml.render(tensor));
                });
        renderer.createRegistration(Size.class).supporting(MIMEType.TEXT_PLAIN)
                .register((size, context) -> context.renderIfRequested(MIMEType.TEXT_PLAIN, size::toString));
        renderer.createRegistration(DType.class).supporting(MIMEType.TEXT_PLAIN)
                .register((dtype, context) -> context.renderIfRequested(MIMEType.TEXT_PLAIN, dtype::toString));
        FigureRenderers.register(renderer);
        renderer.createRegistration(Object.class).supporting(MIMEType.TEXT_PLAIN)
                .register((value, context) -> context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> PyRepr.repr(value)));
    }
}
