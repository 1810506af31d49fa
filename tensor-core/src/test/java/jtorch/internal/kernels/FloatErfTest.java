package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import jtorch.testing.LivePyTorch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FloatErf} against the C library's {@code erff} (glibc, through Python's ctypes), bit for bit. */
class FloatErfTest {
    @TempDir
    Path dir;

    @Test
    void erf_asGlibcErff() throws Exception {
        // specials and each branch's edges, Gaussians, and every 4099th bit pattern of magnitude below 6.5, both signs
        float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
            -1e-39f, 0x1p-28f, 0x1.fffffep-29f, 0.84375f, 0.84374994f, 1.25f, 1.2499999f, 2.857142f, 2.8571434f, 6f,
            5.9999995f, -6f, 1e30f};
        int top = Float.floatToRawIntBits(6.5f);
        Random r = new Random(3);
        float[] x = new float[special.length + 50_000 + 2 * (top / 4099 + 1)];
        int k = 0;
        for (float v : special) {
            x[k++] = v;
        }
        for (int i = 0; i < 50_000; i++) {
            x[k++] = (float) (r.nextGaussian() * 3);
        }
        for (int bits = 0; bits < top; bits += 4099) {
            x[k++] = Float.intBitsToFloat(bits);
            x[k++] = -Float.intBitsToFloat(bits);
        }
        Path in = dir.resolve("x.bin");
        Path out = dir.resolve("erf.bin");
        ByteBuffer b = ByteBuffer.allocate(4 * k).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < k; i++) {
            b.putFloat(x[i]);
        }
        Files.write(in, b.array());
        LivePyTorch.run(String.join("\n",
                "import ctypes, json, sys, numpy",
                "erff = ctypes.CDLL('libm.so.6').erff",
                "erff.restype, erff.argtypes = ctypes.c_float, [ctypes.c_float]",
                "x = numpy.fromfile(sys.argv[1], dtype='<f4')",
                "numpy.array([erff(float(v)) for v in x], dtype='<f4').tofile(sys.argv[2])",
                "print(json.dumps(1))"), in.toString(), out.toString());
        float[] glibc = new float[k];
        ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(glibc);
        int differing = 0;
        for (int i = 0; i < k; i++) {
            differing += Float.floatToIntBits(glibc[i]) == Float.floatToIntBits(FloatErf.erf(x[i])) ? 0 : 1;
        }
        assertEquals(0, differing, "of " + k + " values");
    }
}
