package jtorch;

/**
 * A tensor element type, named and promoted as in PyTorch.
 *
 * <p>{@code toString()} prints PyTorch's name ({@code torch.float32}); {@link #promote} is
 * {@code torch.promote_types}. Each dtype knows its storage kind ({@link #isFloatingPoint()},
 * {@link #isIntegral()}, {@link #isBool()}) and its element size in bytes.
 */
public enum DType {
    FLOAT32("float32", "Float", "FloatTensor", 4, Kind.FLOAT),
    FLOAT64("float64", "Double", "DoubleTensor", 8, Kind.FLOAT),
    FLOAT16("float16", "Half", "HalfTensor", 2, Kind.FLOAT),
    BFLOAT16("bfloat16", "BFloat16", "BFloat16Tensor", 2, Kind.FLOAT),
    INT8("int8", "Char", "CharTensor", 1, Kind.INT),
    UINT8("uint8", "Byte", "ByteTensor", 1, Kind.INT),
    INT16("int16", "Short", "ShortTensor", 2, Kind.INT),
    INT32("int32", "Int", "IntTensor", 4, Kind.INT),
    INT64("int64", "Long", "LongTensor", 8, Kind.INT),
    BOOL("bool", "Bool", "BoolTensor", 1, Kind.BOOL);

    private enum Kind { BOOL, INT, FLOAT }

    private final String pyName;
    private final String scalarName;
    private final String tensorTypeName;
    private final int elementSize;
    private final Kind kind;

    DType(String pyName, String scalarName, String tensorTypeName, int elementSize, Kind kind) {
        this.pyName = pyName;
        this.scalarName = scalarName;
        this.tensorTypeName = tensorTypeName;
        this.elementSize = elementSize;
        this.kind = kind;
    }

    /** True for float16, bfloat16, float32 and float64. */
    public boolean isFloatingPoint() {
        return kind == Kind.FLOAT;
    }

    /** True for the integer dtypes; false for bool, as {@code torch.is_floating_point}'s sibling. */
    public boolean isIntegral() {
        return kind == Kind.INT;
    }

    /** True for {@code torch.bool}. */
    public boolean isBool() {
        return this == BOOL;
    }

    /** Bytes per element, as {@code Tensor.element_size()}. */
    public int elementSize() {
        return elementSize;
    }

    /** The name after {@code torch.}, e.g. {@code float32}. */
    public String pyName() {
        return pyName;
    }

    /** The C++ scalar type name used in PyTorch's messages, e.g. {@code Float}, {@code Long}. */
    public String scalarName() {
        return scalarName;
    }

    /** The legacy tensor type name, e.g. {@code torch.FloatTensor}. */
    public String tensorTypeName() {
        return "torch." + tensorTypeName;
    }

    /** The dtype of a legacy type name such as {@code torch.DoubleTensor}. */
    public static DType fromTensorTypeName(String name) {
        for (DType d : values()) {
            if (d.tensorTypeName().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("invalid type: '" + name + "'");
    }

    /** {@code torch.promote_types}: the smallest dtype both values fit, PyTorch's table. */
    public static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a == BOOL) {
            return b;
        }
        if (b == BOOL) {
            return a;
        }
        if (a.isFloatingPoint() || b.isFloatingPoint()) {
            if (!a.isFloatingPoint()) {
                return b;
            }
            if (!b.isFloatingPoint()) {
                return a;
            }
            if ((a == FLOAT16 && b == BFLOAT16) || (a == BFLOAT16 && b == FLOAT16)) {
                return FLOAT32;
            }
            return a.elementSize >= b.elementSize ? a : b;
        }
        if (a == UINT8 || b == UINT8) {
            DType other = a == UINT8 ? b : a;
            return other == INT8 ? INT16 : other;
        }
        return a.elementSize >= b.elementSize ? a : b;
    }

    /** {@code torch.can_cast}: false only when casting lowers the category (float → int, int → bool). */
    public static boolean canCast(DType from, DType to) {
        return from.kind.ordinal() <= to.kind.ordinal();
    }

    @Override
    public String toString() {
        return "torch." + pyName;
    }
}
