package jtorch.internal.ops;

import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.testing.HashedValues;
import jtorch.testing.PythonHex;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/**
 * float32 {@code pow} through the Tensor API against the installed PyTorch, bit for bit: a tensor
 * exponent and general scalar exponents over runs with and without a tail of {@code n % 16}
 * (PyTorch's scalar code there), contiguous and through a transposed view. The tensor exponent's
 * tail is compared in runs of whole vectors only (PyTorch's glibc {@code powf} there).
 */
class PowBitsTest {
    private static final int[] LENGTHS = {4096, 4111, 70013};

    @Test
    void pow_float32ScalarAndTensorExponents_matchPyTorchBitForBit() throws Exception {
        List<String> expected = HashedValues.torchOut(String.join("\n",
                "for n in json.loads(sys.argv[1]):",
                "    x = values(n, 0, n).abs() + 0.1",
                "    y = values(n, 0, n + 1) / 8",
                "    for e in (2.7, -1.3, 0.1, 7.0):",
                "        out += [v.hex() for v in x.pow(e).tolist()]",
                "    w = n - n % 16",
                "    out += [v.hex() for v in x[:w].pow(y[:w]).tolist()]",
                "    m = x[:4096].reshape(64, 64).t()",
                "    out += [v.hex() for v in m.pow(2.7).flatten().tolist()]"), java.util.Arrays.toString(LENGTHS));
        List<String> ours = new ArrayList<>();
        for (int n : LENGTHS) {
            Tensor x = torch.tensor(HashedValues.of(n, HashedValues.SPREAD, n)).abs().add(0.1);
            Tensor y = torch.tensor(HashedValues.of(n, HashedValues.SPREAD, n + 1)).div(8);
            for (double e : new double[] {2.7, -1.3, 0.1, 7.0}) {
                ours.addAll(PythonHex.of(x.pow(e).toFloatArray()));
            }
            int w = n - n % 16;
            ours.addAll(PythonHex.of(x.narrow(0, 0, w).pow(y.narrow(0, 0, w)).toFloatArray()));
            Tensor m = x.narrow(0, 0, 4096).reshape(64, 64).t();
            ours.addAll(PythonHex.of(m.pow(2.7).flatten().toFloatArray()));
        }
        PythonHex.assertSame(expected, ours);
    }
}
