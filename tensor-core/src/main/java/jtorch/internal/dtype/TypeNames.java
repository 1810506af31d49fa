package jtorch.internal.dtype;

import jtorch.DType;

/**
 * How a CPU tensor type reads in PyTorch's error messages: C++ writes {@code CPUFloatType}, and
 * Python's error translation turns the legacy types into {@code torch.FloatTensor}; bool and
 * bfloat16 have no legacy name and stay {@code CPUBoolType}, {@code CPUBFloat16Type}.
 */
public final class TypeNames {
    private TypeNames() {}

    public static String inMessages(DType type) {
        return type == DType.BOOL || type == DType.BFLOAT16 ? "CPU" + type.scalarName() + "Type"
                : type.tensorTypeName();
    }
}
