package jtorch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import jtorch.torch;

/**
 * Deterministic float32 test values that Java and a PyTorch script ({@link #PYTHON}) build alike,
 * bit for bit, with no data passed between them: element {@code i} hashes to
 * {@code h = (i * 2654435761 + seed) mod 2^32}, and is
 * <ul>
 *   <li>{@link #SPREAD}: a signed 24-bit integer times a power of two from 2^-26 to 2^-19, so that
 *       sums depend on their order;</li>
 *   <li>{@link #TIES}: a small integer from -4 to 3 (many ties; half the zeros are -0.0);</li>
 *   <li>{@link #NANS}: {@link #SPREAD} with a NaN at about one element in 251.</li>
 * </ul>
 */
public final class HashedValues {
    public static final int SPREAD = 0;
    public static final int TIES = 1;
    public static final int NANS = 2;

    /** Python defining {@code values(n, variant, seed)}, a float32 tensor of these values. */
    public static final String PYTHON = String.join("\n",
            "def values(n, variant, seed=0):",
            "    i = torch.arange(n, dtype=torch.int64)",
            "    h = (i * 2654435761 + seed) % 4294967296",
            "    v = ((h >> 8) - 8388608).double() * torch.pow(2.0, ((h & 7) - 26).double())",
            "    if variant == 1:",
            "        v = ((h >> 29) - 4).double()",
            "        v = torch.where((v == 0) & (((h >> 8) & 1) == 1), torch.tensor(-0.0, dtype=torch.float64), v)",
            "    if variant == 2:",
            "        v = torch.where((h >> 8) % 251 == 0, torch.tensor(float('nan'), dtype=torch.float64), v)",
            "    return v.float()");

    private HashedValues() {
    }

    /** The {@code n} values of {@code variant} for {@code seed}, as Python's {@code values(n, variant, seed)}. */
    public static float[] of(int n, int variant, int seed) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            long h = (i * 2654435761L + seed) % 4294967296L;
            double v = ((h >> 8) - 8388608) * Math.pow(2, (h & 7) - 26);
            if (variant == TIES) {
                v = (h >> 29) - 4;
                v = v == 0 && ((h >> 8) & 1) == 1 ? -0.0 : v;
            } else if (variant == NANS && (h >> 8) % 251 == 0) {
                v = Double.NaN;
            }
            x[i] = (float) v;
        }
        return x;
    }

    /**
     * What the installed PyTorch appends to the list {@code out} in {@code body} (Python lines, which
     * may call {@code values} and read {@code sys.argv[1:]}, the {@code args}), each as text: hex
     * strings for floats ({@code float.hex()}), digits for integers.
     */
    public static List<String> torchOut(String body, String... args) throws IOException, InterruptedException {
        List<JsonNode> printed = LivePyTorch.run(String.join("\n", "import json, sys, torch", PYTHON, "out = []", body,
                "print(json.dumps(out))"), args);
        List<String> out = new ArrayList<>();
        printed.get(0).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Runs {@code body} with 1, then 2, ... up to {@code maxThreads} threads, restoring the count after. */
    public static void atThreads(int maxThreads, IntConsumer body) {
        int saved = torch.getNumThreads();
        try {
            for (int threads = 1; threads <= maxThreads; threads++) {
                torch.setNumThreads(threads);
                body.accept(threads);
            }
        } finally {
            torch.setNumThreads(saved);
        }
    }
}
