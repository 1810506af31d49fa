package jtorch.internal.ops;

import java.util.function.LongBinaryOperator;

import jtorch.DType;
import jtorch.internal.dtype.Casts;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

/**
 * Pointwise ops on integers: {@code gcd}, {@code lcm} and the bit shifts. Operands broadcast and
 * promote as in PyTorch; floating (and, except for the shifts' names, bool) operands raise the
 * CPU kernel's "not implemented" error. None is differentiable.
 *
 * <p>The arithmetic is PyTorch 1.13's C++ on x86: {@code gcd} is Euclid's algorithm on absolute
 * values, {@code lcm} is {@code |a / gcd * b|} (0 when the gcd is 0); {@code a << b} shifts the
 * unsigned value, {@code a >> b} the signed one, with the count masked to the width of the
 * promoted C++ operand (63 for int64, 31 for int32 and the narrower types, which C++ widens to
 * int), and the result wrapped back into the dtype.
 */
public final class IntegerMath {
    private IntegerMath() {
    }

    /** {@code torch.gcd(a, b)}: the non-negative greatest common divisor, {@code gcd(0, 0) = 0}. */
    public static TensorImpl gcd(TensorImpl self, TensorImpl other) {
        return integral(self, other, "gcd_cpu", IntegerMath::gcd);
    }

    /** {@code torch.lcm(a, b)}: the non-negative least common multiple, 0 when either is 0. */
    public static TensorImpl lcm(TensorImpl self, TensorImpl other) {
        return integral(self, other, "lcm_cpu", (a, b) -> {
            long g = gcd(a, b);
            return g == 0 ? 0 : Math.abs(a / g * b);
        });
    }

    /** {@code torch.bitwise_left_shift(a, b)}: Python's {@code a << b}. */
    public static TensorImpl leftShift(TensorImpl self, TensorImpl other) {
        DType type = Promotion.resultType(self, other);
        return integral(self, other, "lshift_cpu",
                type == DType.INT64 ? (a, b) -> a << b : (a, b) -> Casts.wrap((int) a << (int) b, type));
    }

    /** {@code torch.bitwise_right_shift(a, b)}: Python's {@code a >> b} (arithmetic for signed dtypes). */
    public static TensorImpl rightShift(TensorImpl self, TensorImpl other) {
        DType type = Promotion.resultType(self, other);
        return integral(self, other, "rshift_cpu",
                type == DType.INT64 ? (a, b) -> a >> b : (a, b) -> Casts.wrap((int) a >> (int) b, type));
    }

    private static long gcd(long a, long b) {
        long x = Math.abs(a);
        long y = Math.abs(b);
        while (x != 0) {
            long c = x;
            x = y % x;
            y = c;
        }
        return y;
    }

    private static TensorImpl integral(TensorImpl self, TensorImpl other, String kernel, LongBinaryOperator f) {
        Shapes.broadcast(self.sizes(), other.sizes()); // shapes are checked before the dtype
        DType type = Promotion.resultType(self, other);
        if (!type.isIntegral()) {
            throw new UnsupportedOperationException("\"" + kernel + "\" not implemented for '" + type.scalarName()
                    + "'");
        }
        return Outputs.binary(self, other, type, type, null, f);
    }
}
