package jtorch.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import jtorch.Tensor;
import jtorch.torch;
import org.junit.jupiter.api.Test;

class OverloadsTest {
    private static String picked(Class<?> owner, String name, boolean statics, Class<?>[] types, Object... values) {
        Overloads.Call call = Overloads.resolve(owner, name, statics, types, values);
        return call == null ? null : Arrays.toString(call.method().getParameterTypes());
    }

    @Test
    void resolve_intLiteralBoxesToNumber() {
        assertEquals("[class java.lang.Number]", picked(Tensor.class, "add", false, new Class<?>[] {int.class}, 1));
    }

    @Test
    void resolve_exactIntBeatsVarargs() {
        assertEquals("[int]", picked(Tensor.class, "sum", false, new Class<?>[] {int.class}, 0));
    }

    @Test
    void resolve_intArrayGoesToVarargsParameter() {
        assertEquals("[class [I]", picked(Tensor.class, "permute", false, new Class<?>[] {int[].class}, new int[] {1, 0}));
    }

    @Test
    void resolve_looseIntsPackIntoVarargs() {
        Overloads.Call call = Overloads.resolve(torch.class, "zeros", true, new Class<?>[] {int.class, int.class, int.class,
            int.class, int.class}, new Object[] {1, 2, 3, 4, 5});
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, (int[]) call.arguments()[0]);
    }

    @Test
    void resolve_skipsBridgeMethods() {
        assertEquals("[]", picked(Tensor.class, "clone", false, new Class<?>[0]));
    }

    @Test
    void resolve_booleanHasNoNumberOverload() {
        assertNull(picked(Tensor.class, "add", false, new Class<?>[] {boolean.class}, true));
    }

    @Test
    void convertible_followsJavaWidening() {
        assertEquals(true, Overloads.convertible(int.class, long.class, false));
        assertEquals(false, Overloads.convertible(long.class, int.class, true));
        assertEquals(false, Overloads.convertible(int.class, Number.class, false));
        assertEquals(true, Overloads.convertible(int.class, Number.class, true));
        assertEquals(false, Overloads.convertible(double.class, Long.class, true));
    }
}
