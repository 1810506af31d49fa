package jtorch.internal.dtype;

import jtorch.DType;

/**
 * PyTorch's conversions between element types: C++ {@code static_cast} from floating to
 * integral values (truncation towards zero, two's-complement wrap-around for narrow integers),
 * rounding a double to a narrower floating dtype, and c10's overflow checks for Python numbers
 * stored into a tensor.
 */
public final class Casts {
    private Casts() {}

    /**
     * Converts a double to an integral dtype as PyTorch's CPU build does on x86: truncation towards
     * zero; NaN, infinities and values out of range give the x86 "integer indefinite" (the lowest
     * int64, or the lowest int32 for int8/int16/int32, then wrapped); uint8 goes through int64
     * (c10's {@code static_cast_with_inter_type}).
     */
    public static long castToLong(double v, DType to) {
        switch (to) {
            case BOOL: return v != 0 ? 1 : 0;
            case INT64: return toInt64(v);
            case UINT8: return toInt64(v) & 0xFF;
            default:
                int i = Double.isNaN(v) || v >= 0x1p31 || v < -0x1p31 ? Integer.MIN_VALUE : (int) v;
                return wrap(i, to);
        }
    }

    private static long toInt64(double v) {
        return Double.isNaN(v) || v >= 0x1p63 || v < -0x1p63 ? Long.MIN_VALUE : (long) v;
    }

    /** Wraps a long into the range of a narrow integral dtype (two's complement). */
    public static long wrap(long v, DType to) {
        switch (to) {
            case INT8: return (byte) v;
            case UINT8: return v & 0xFF;
            case INT16: return (short) v;
            case INT32: return (int) v;
            case BOOL: return v != 0 ? 1 : 0;
            default: return v;
        }
    }

    /** {@code v} rounded to the nearest value of a floating {@code type} (float64: unchanged). */
    public static double round(double v, DType type) {
        switch (type) {
            case FLOAT32: return (float) v;
            case FLOAT16: return HalfFloats.halfToFloat(HalfFloats.floatToHalf((float) v));
            case BFLOAT16: return HalfFloats.bfloat16ToFloat(HalfFloats.floatToBfloat16((float) v));
            default: return v;
        }
    }

    /** c10's overflow rule: unsigned targets accept negatives down to -max (two's complement wrap). */
    public static void checkIntegerFits(long v, DType type) {
        long lo;
        long hi;
        switch (type) {
            case INT8: lo = Byte.MIN_VALUE; hi = Byte.MAX_VALUE; break;
            case UINT8: lo = -255; hi = 255; break;
            case INT16: lo = Short.MIN_VALUE; hi = Short.MAX_VALUE; break;
            case INT32: lo = Integer.MIN_VALUE; hi = Integer.MAX_VALUE; break;
            default: return;
        }
        if (v < lo || v > hi) {
            throw overflow(type);
        }
    }

    /** c10's overflow rule for a Python float stored into an integral dtype. */
    public static void checkFloatFits(double v, DType type) {
        double lo;
        double hi;
        switch (type) {
            case INT8: lo = Byte.MIN_VALUE; hi = Byte.MAX_VALUE; break;
            case UINT8: lo = 0; hi = 255; break;
            case INT16: lo = Short.MIN_VALUE; hi = Short.MAX_VALUE; break;
            case INT32: lo = Integer.MIN_VALUE; hi = Integer.MAX_VALUE; break;
            case INT64: lo = -0x1p63; hi = 0x1p63; break;
            default: return;
        }
        if (Double.isNaN(v) || v < lo || v > hi) {
            throw overflow(type);
        }
    }

    /** Whether a Java number is a Python int (not a float): the integer boxes and BigInteger. */
    public static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigInteger;
    }

    /**
     * c10's {@code checked_convert} of a Python number (an int as int64, else a double) to the
     * element type {@code to}, as {@code fill_}, {@code full}, {@code masked_fill}, {@code clamp}
     * bounds and {@code alpha} do: an int may wrap into uint8 from as low as -255, a float may not
     * be negative there; NaN and infinities fit floating types only.
     */
    public static void checkConvertible(Number value, DType to) {
        double max;
        String name;
        switch (to) {
            case INT8: max = Byte.MAX_VALUE; name = "int8_t"; break;
            case UINT8: max = 255; name = "uint8_t"; break;
            case INT16: max = Short.MAX_VALUE; name = "int16_t"; break;
            case INT32: max = Integer.MAX_VALUE; name = "int"; break;
            case INT64: max = 0x1p63; name = "int64_t"; break;
            case FLOAT16: max = 65504; name = "at::Half"; break;
            case BFLOAT16: max = 0x1.FEp127; name = "at::BFloat16"; break;
            case FLOAT32: max = Float.MAX_VALUE; name = "float"; break;
            default: return;
        }
        double lowest = to == DType.UINT8 ? 0 : -max - (to.isFloatingPoint() ? 0 : 1);
        boolean overflow;
        if (isIntegral(value)) {
            long v = value.longValue();
            overflow = to == DType.UINT8 ? v < -255 || v > 255 : to != DType.INT64 && (v < lowest || v > max);
        } else {
            double d = value.doubleValue();
            overflow = to.isFloatingPoint() ? Double.isFinite(d) && Math.abs(d) > max
                    : Double.isNaN(d) || d < lowest || d > max;
        }
        if (overflow) {
            throw new IllegalArgumentException("value cannot be converted to type " + name + " without overflow");
        }
    }

    private static IllegalArgumentException overflow(DType type) {
        return new IllegalArgumentException("value cannot be converted to type " + type.pyName() + " without overflow");
    }
}
