package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import jtorch.Tensor;
import jtorch.testing.LivePyTorch;
import jtorch.testing.PythonHex;
import jtorch.torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CascadeSum} against the installed PyTorch's own sums, bit for bit: full sums (short rows,
 * vector rows, thread-split sums with 1, 2 and 3 threads), sums over the last dimension and over
 * the first, over the first and last dims around kept ones (through {@code Tensor.sum}), in float32
 * and float64; and the Vector API cascade of contiguous float32 operands
 * (interpreted, while the JIT compiles it, and compiled) and the thread splits against the scalar
 * one-thread code, also bit for bit.
 */
class CascadeSumTest {
    private static final int[] LENGTHS = {1, 3, 7, 8, 9, 31, 33, 100, 1000, 2000, 4097, 40000, 100003};
    /**
     * Shapes and reduced dims whose kept dims are one run between reduced ones: a convolution's bias
     * gradient (one large enough to split over threads), rows shorter than a vector, 3-d and 5-d.
     */
    private static final String KEPT_MIDDLE = "[[[64, 64, 11, 11], [0, 2, 3]], [[16, 64, 32, 33], [0, 2, 3]],"
            + " [[4, 6, 3, 2], [0, 2, 3]], [[5, 3, 7], [0, 2]], [[3, 2, 5, 9], [0, 1, 3]],"
            + " [[2, 3, 4, 5, 6], [0, 3, 4]], [[2, 3, 4, 5, 6], [0, 1, 4]]]";
    private static final int[][] BLOCKS = {{5, 3}, {100, 7}, {100, 8}, {37, 40}, {1000, 70}, {3, 100}, {64, 33}};
    /** Shapes whose rows or column groups reach the vector cascade (8, 32, 40 and 64 columns; long rows). */
    private static final int[][] VECTOR_BLOCKS = {{100, 8}, {37, 40}, {64, 32}, {64, 256}, {300, 64}, {3, 4099},
        {17, 1000}, {1000, 70}, {4, 17000}};

    @TempDir
    Path dir;

    @Test
    void sums_matchPyTorchBitForBit() throws Exception {
        for (boolean single : new boolean[] {true, false}) {
            double[] values = values(120_000, single);
            List<String> expected = torchHexes(values, single, String.join("\n",
                    "for threads in (1, 2, 3):",
                    "    torch.set_num_threads(threads)",
                    "    out += [x[:n].sum().item().hex() for n in json.loads(sys.argv[3])]",
                    "torch.set_num_threads(1)",
                    "for r, c in json.loads(sys.argv[4]):",
                    "    b = x[:r * c].reshape(r, c)",
                    "    out += [v.hex() for v in b.sum(1).tolist()] + [v.hex() for v in b.sum(0).tolist()]"),
                    json(LENGTHS), json(BLOCKS));
            assertEquals(expected, ours(values, single), single ? "float32" : "float64");
        }
    }

    @Test
    void keptMiddleSums_matchPyTorchBitForBit() throws Exception {
        for (boolean single : new boolean[] {true, false}) {
            double[] values = values(1_200_000, single);
            List<String> expected = torchHexes(values, single, String.join("\n",
                    "for threads in (1, 2):",
                    "    torch.set_num_threads(threads)",
                    "    for shape, dims in json.loads(sys.argv[3]):",
                    "        b = x[:numpy.prod(shape)].reshape(shape)",
                    "        out += [v.hex() for v in b.sum(dims).flatten().tolist()]"), KEPT_MIDDLE);
            assertEquals(expected, keptMiddleSums(values, single), single ? "float32" : "float64");
        }
    }

    @Test
    void cascadeRows_whileTheJitCompilesIt_sameBitsAsTheScalarCascade() {
        assumeTrue(Kernels.VECTOR && VectorKernels.CASCADE, "no 16-lane Vector API here");
        float[] f = floats(values(60_000, true));
        SplittableRandom random = new SplittableRandom(9);
        float[] out = new float[32];
        // from the first (interpreted) call on: C1 and C2 take over somewhere in these rounds
        for (int round = 0; round < 3000; round++) {
            int size = random.nextInt(round < 100 ? 40 : 500);
            int rowStride = 32 + random.nextInt(3) * random.nextInt(40);
            int base = random.nextInt(f.length - size * rowStride - 32 + 1);
            int levelPower = 1 + random.nextInt(5);
            VectorKernels.cascadeRows(f, base, rowStride, size, levelPower, out);
            double[][] scalar = CascadeSum.FLOAT32.multiRowSum(i -> f[i], base, rowStride, 8, size, 4, 8, levelPower);
            for (int k = 0; k < 4; k++) {
                for (int l = 0; l < 8; l++) {
                    assertEquals((float) scalar[k][l], out[8 * k + l], "round " + round + " row " + k + " lane " + l);
                }
            }
        }
    }

    @Test
    void floatArrayLoads_vectorCascade_sameBitsAsTheScalarCascade() throws InterruptedException {
        assertEquals(Kernels.VECTOR, Kernels.awaitVector(120_000));
        double[] x = values(120_003, true);
        float[] f = floats(x);
        CascadeSum sum = CascadeSum.FLOAT32;
        for (int offset : new int[] {0, 3, 16}) {
            for (int threads = 1; threads <= 3; threads++) {
                for (int n : LENGTHS) {
                    assertEquals(sum.sum(i -> x[offset + i], n, threads),
                            sum.sum(new CascadeSum.FloatArray(f, offset), n, threads),
                            "offset=" + offset + " n=" + n + " threads=" + threads);
                }
            }
            for (int[] b : VECTOR_BLOCKS) {
                String shape = "offset=" + offset + " " + b[0] + "x" + b[1];
                assertArrayEquals(sum.innerSums(i -> x[offset + i], b[0], b[1]),
                        sum.innerSums(new CascadeSum.FloatArray(f, offset), b[0], b[1]), shape);
                assertArrayEquals(sum.outerSums(i -> x[offset + i], b[0], b[1]),
                        sum.outerSums(new CascadeSum.FloatArray(f, offset), b[0], b[1]), shape);
            }
        }
    }

    @Test
    void blocksLargeEnoughToSplit_twoThreads_sameBitsAsOne() throws InterruptedException {
        Kernels.awaitVector(120_000);
        int rows = 2600;
        int cols = 411;
        double[] x = values(rows * cols, true);
        float[] f = floats(x);
        CascadeSum sum = CascadeSum.FLOAT32;
        int saved = Parallel.numThreads();
        try {
            Parallel.setNumThreads(1);
            double[] inner = sum.innerSums(i -> x[i], rows, cols);
            double[] outer = sum.outerSums(i -> x[i], rows, cols);
            double[] all = {sum.sum(i -> x[i], rows * cols, 2)};
            Parallel.setNumThreads(2);
            assertArrayEquals(inner, sum.innerSums(new CascadeSum.FloatArray(f, 0), rows, cols));
            assertArrayEquals(outer, sum.outerSums(new CascadeSum.FloatArray(f, 0), rows, cols));
            assertArrayEquals(all, new double[] {sum.sum(new CascadeSum.FloatArray(f, 0), rows * cols, 2)});
            assertArrayEquals(inner, sum.innerSums(i -> x[i], rows, cols));
        } finally {
            Parallel.setNumThreads(saved);
        }
    }

    @Test
    void issue11sSum_printsPyTorchsDigits() {
        // torch.ones(2000).mul(0.1).sum() is 200.00001525878906 in PyTorch 1.13, 200.0 as a double sum
        assertEquals(200.00001525878906, CascadeSum.FLOAT32.sum(i -> 0.1f, 2000, 1));
    }

    @Test
    void ceilLog2_isATensFormula() {
        assertEquals(1, CascadeSum.ceilLog2(0));
        assertEquals(1, CascadeSum.ceilLog2(2));
        assertEquals(2, CascadeSum.ceilLog2(3));
        assertEquals(10, CascadeSum.ceilLog2(1024));
        assertEquals(11, CascadeSum.ceilLog2(1025));
    }

    private static List<String> ours(double[] x, boolean single) {
        CascadeSum sum = single ? CascadeSum.FLOAT32 : CascadeSum.FLOAT64;
        List<String> out = new ArrayList<>();
        for (int threads = 1; threads <= 3; threads++) {
            for (int n : LENGTHS) {
                out.add(Double.toHexString(sum.sum(i -> x[i], n, threads)));
            }
        }
        for (int[] b : BLOCKS) {
            for (double v : sum.innerSums(i -> x[i], b[0], b[1])) {
                out.add(Double.toHexString(v));
            }
            for (double v : sum.outerSums(i -> x[i], b[0], b[1])) {
                out.add(Double.toHexString(v));
            }
        }
        return out.stream().map(h -> PythonHex.of(Double.parseDouble(h))).toList();
    }

    /**
     * What the installed PyTorch's {@code body} appends to {@code out} (Python hex strings), with
     * {@code x} the values as a float32 or float64 tensor and {@code args} as {@code sys.argv[3:]}.
     */
    private List<String> torchHexes(double[] values, boolean single, String body, String... args) throws Exception {
        Path file = dir.resolve(single ? "f32.bin" : "f64.bin");
        write(file, values, single);
        List<String> argv = new ArrayList<>(List.of(file.toString(), single ? "<f4" : "<f8"));
        argv.addAll(List.of(args));
        List<JsonNode> torch = LivePyTorch.run(String.join("\n",
                "import json, sys, numpy, torch",
                "x = torch.from_numpy(numpy.fromfile(sys.argv[1], dtype=sys.argv[2]))",
                "out = []",
                body,
                "print(json.dumps(out))"), argv.toArray(String[]::new));
        List<String> hexes = new ArrayList<>();
        torch.get(0).forEach(n -> hexes.add(n.asText()));
        return hexes;
    }

    /** {@link #KEPT_MIDDLE}'s sums through the tensor API, flattened, at 1 and 2 threads. */
    private static List<String> keptMiddleSums(double[] x, boolean single) {
        Tensor all = single ? torch.tensor(floats(x)) : torch.tensor(x, jtorch.DType.FLOAT64);
        List<String> out = new ArrayList<>();
        int saved = torch.getNumThreads();
        try {
            for (int threads = 1; threads <= 2; threads++) {
                torch.setNumThreads(threads);
                for (JsonNode c : JsonMapper.builder().build().readTree(KEPT_MIDDLE)) {
                    int[] shape = ints(c.get(0));
                    Tensor block = all.narrow(0, 0, java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact));
                    for (double v : block.view(shape).sum(ints(c.get(1)), false).flatten().toDoubleArray()) {
                        out.add(PythonHex.of(v));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            torch.setNumThreads(saved);
        }
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asInt();
        }
        return v;
    }

    private static float[] floats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    /** Deterministic values of mixed sign and magnitude, rounded to float32 where asked. */
    private static double[] values(int n, boolean single) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double v = Math.sin(i * 0.7137) * Math.exp((i % 17) * 0.4) + 0.1;
            x[i] = single ? (float) v : v;
        }
        return x;
    }

    private static void write(Path file, double[] values, boolean single) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(values.length * (single ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (single) {
                b.putFloat((float) v);
            } else {
                b.putDouble(v);
            }
        }
        Files.write(file, b.array());
    }

    private static String json(int[] values) {
        return java.util.Arrays.toString(values);
    }

    private static String json(int[][] values) {
        List<String> rows = new ArrayList<>();
        for (int[] r : values) {
            rows.add(json(r));
        }
        return rows.toString();
    }
}
