package jtorch.internal.ops;

import static jtorch.internal.ops.Arithmetic.mul;

import jtorch.DType;
import static jtorch.internal.autograd.FormulaNode.formula;

import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.kernels.EmbeddingKernel;
import jtorch.internal.kernels.Kernels;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/**
 * Small layers of a first course: dropout and embedding lookup (convolution, pooling,
 * normalization and the activations have their own units). Random draws (dropout's mask) are
 * PyTorch's: {@code bernoulli_(1 - p)} is {@code rand(float64) < 1 - p} in memory order.
 */
public final class Layers {
    private Layers() {
    }

    /**
     * {@code F.dropout(x, p, training, inplace)}: in training {@code x * mask / (1 - p)} (backward
     * {@code MulBackward0}, as PyTorch's CPU dropout), {@code x * 0} for {@code p = 1} (no draws);
     * {@code x} itself when not training, for {@code p = 0} or an empty {@code x}.
     */
    public static TensorImpl dropout(TensorImpl x, double p, boolean training, boolean inplace) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        if (!training || p == 0 || x.numel() == 0) {
            return x;
        }
        if (p < 1 && x.dtype() == DType.FLOAT16) {
            throw new UnsupportedOperationException("\"bernoulli_scalar_cpu_\" not implemented for 'Half'");
        }
        if (p < 1 && !x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("result type Float can't be cast to the desired output type "
                    + x.dtype().scalarName());
        }
        // PyTorch's empty_like(x).bernoulli_(1 - p).div_(1 - p)
        TensorImpl noise = p == 1 ? Creation.full(new int[0], 0, x.dtype(), false) : GradEnabled.without(() ->
                Arithmetic.inplace(Sampling.bernoulli(x, 1 - p), Scalars.wrap(1 - p), Kernels.BinaryOp.DIV));
        return inplace ? Arithmetic.inplace(x, noise, Kernels.BinaryOp.MUL) : mul(x, noise);
    }

    /**
     * {@code F.embedding(input, weight, padding_idx)}: rows of the 2-d {@code weight} picked by the
     * int64/int32 {@code input}, shaped {@code input.shape + (embedding_dim,)}; backward node
     * {@code EmbeddingBackward0} adds each output row's gradient to its weight row, except at
     * {@code paddingIdx} (-1: none; a negative PyTorch padding_idx is normalized by the caller).
     */
    public static TensorImpl embedding(TensorImpl input, TensorImpl weight, long paddingIdx) {
        if (weight.dim() != 2) {
            throw new IllegalArgumentException("'weight' must be 2-D");
        }
        if (input.dtype() != DType.INT64 && input.dtype() != DType.INT32) {
            throw new IllegalArgumentException("Expected tensor for argument #1 'indices' to have one of the following"
                    + " scalar types: Long, Int; but got torch." + input.dtype().scalarName() + "Tensor instead (while"
                    + " checking arguments for embedding)");
        }
        long[] indices = Gathering.indexValues(input);
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= weight.sizes()[0]) {
                throw new IndexOutOfBoundsException("index out of range in self");
            }
        }
        int[] shape = java.util.Arrays.copyOf(input.sizes(), input.dim() + 1);
        shape[input.dim()] = weight.sizes()[1];
        TensorImpl rows = Gathering.indexSelect(weight.detachAlias(), 0, Views.reshape(input, -1));
        TensorImpl out = Views.reshape(rows, shape);
        int[] weightSizes = weight.sizes().clone();
        return FormulaNode.record(out, "EmbeddingBackward0", weight,
                formula((g, in) -> embeddingGrad(g, indices, weightSizes, paddingIdx)));
    }

    /**
     * F.embedding's {@code padding_idx} check (a Python assertion, before any other) against
     * {@code weight.size(0)}, which a 0-d weight does not have; 0 asks for no size.
     */
    public static long paddingIndex(int paddingIdx, TensorImpl weight) {
        if (paddingIdx != 0 && weight.dim() == 0) {
            throw new IndexOutOfBoundsException("Dimension specified as 0 but tensor has no dimensions");
        }
        return paddingIdx == 0 ? 0 : paddingIndex(paddingIdx, weight.sizes()[0]);
    }

    /**
     * nn.Embedding's and F.embedding's {@code padding_idx} rule: a positive index must be below
     * {@code rows}, a negative one at least {@code -rows} and counts from the end.
     */
    public static int paddingIndex(int paddingIdx, int rows) {
        if (paddingIdx > 0 ? paddingIdx >= rows : paddingIdx < -rows) {
            throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
        }
        return paddingIdx < 0 ? paddingIdx + rows : paddingIdx;
    }

    private static TensorImpl embeddingGrad(TensorImpl g, long[] indices, int[] weightSizes, long paddingIdx) {
        DType work = WorkArrays.workType(g.dtype());
        TensorImpl gw = TensorImpl.allocate(work, weightSizes.clone());
        TensorImpl gs = WorkArrays.dense(g, work);
        if (work == DType.FLOAT64) {
            EmbeddingKernel.addRows((double[]) WorkArrays.array(gs), indices, weightSizes[1], paddingIdx,
                    (double[]) WorkArrays.array(gw));
        } else {
            EmbeddingKernel.addRows((float[]) WorkArrays.array(gs), indices, weightSizes[1], paddingIdx,
                    (float[]) WorkArrays.array(gw));
        }
        return WorkArrays.result(gw, g.dtype());
    }
}
