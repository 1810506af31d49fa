package jtorch;

import jtorch.internal.ops.Layers;

/**
 * {@link nn.Embedding}: a lookup table of {@code embedding_dim}-vectors, initialised from
 * N(0, 1) with row {@code padding_idx} (if any) zeroed; that row gets no gradient.
 *
 * <p>Invariant: {@code paddingIdx} is -1 (none) or a row index in {@code [0, num_embeddings)}.
 */
abstract class EmbeddingImpl extends nn.Module {
    private final Tensor weight;
    private final int paddingIdx;

    @SuppressWarnings("try")
    EmbeddingImpl(int numEmbeddings, int embeddingDim, Integer paddingIdx) {
        this.paddingIdx = paddingIdx == null ? -1 : Layers.paddingIndex(paddingIdx, numEmbeddings);
        weight = torch.empty(numEmbeddings, embeddingDim);
        try (GradMode ignored = GradMode.set(false)) {
            weight.normal_();
            if (this.paddingIdx >= 0) {
                weight.select(0, this.paddingIdx).fill_(0);
            }
        }
        registerParameter("weight", Init.parameter(weight));
    }

    /** A table holding {@code embeddings} ({@code from_pretrained}); frozen tables get no gradient. */
    EmbeddingImpl(Tensor embeddings, boolean freeze, Integer paddingIdx) {
        if (embeddings.dim() != 2) {
            throw new IllegalArgumentException("Embeddings parameter is expected to be 2-dimensional");
        }
        this.paddingIdx = paddingIdx == null ? -1 : Layers.paddingIndex(paddingIdx, embeddings.size(0));
        weight = nn.Parameter(embeddings, !freeze);
        registerParameter("weight", weight);
    }

    @Override
    public Tensor forward(Tensor input) {
        return paddingIdx < 0 ? nn.functional.embedding(input, weight)
                : nn.functional.embedding(input, weight, paddingIdx);
    }

    /** The {@code weight} parameter, {@code (num_embeddings, embedding_dim)}. */
    public Tensor weight() {
        return weight;
    }

    @Override
    public String extraRepr() {
        return weight.size(0) + ", " + weight.size(1) + (paddingIdx >= 0 ? ", padding_idx=" + paddingIdx : "");
    }
}
