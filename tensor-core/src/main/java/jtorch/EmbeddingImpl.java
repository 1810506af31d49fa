package jtorch;

/** {@link nn.Embedding}: a lookup table of {@code embedding_dim}-vectors, initialised from N(0, 1). */
abstract class EmbeddingImpl extends nn.Module {
    private final Tensor weight;

    @SuppressWarnings("try")
    EmbeddingImpl(int numEmbeddings, int embeddingDim) {
        weight = torch.empty(numEmbeddings, embeddingDim);
        try (GradMode ignored = GradMode.set(false)) {
            weight.normal_();
        }
        registerParameter("weight", Init.parameter(weight));
    }

    @Override
    public Tensor forward(Tensor input) {
        return nn.functional.embedding(input, weight);
    }

    /** The {@code weight} parameter, {@code (num_embeddings, embedding_dim)}. */
    public Tensor weight() {
        return weight;
    }

    @Override
    public String extraRepr() {
        return weight.size(0) + ", " + weight.size(1);
    }
}
