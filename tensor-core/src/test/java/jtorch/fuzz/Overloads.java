package jtorch.fuzz;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Picks the public method that javac would pick for a call written with the fuzz case's
 * arguments as Java literals, so the fuzzer calls JTorch the way a notebook cell would: a Python
 * int is an {@code int} literal ({@code long} beyond int range), a float a {@code double}
 * literal, a bool a {@code boolean}, a dim list an {@code int[]}.
 *
 * <p>Follows JLS 15.12.2 in small: phase 1 (subtyping and primitive widening), phase 2 (plus
 * boxing), phase 3 (variable arity); within the first phase that finds methods, the most specific
 * one wins; none or several maximal ones mean javac would reject the call (no overload).
 */
final class Overloads {
    private static final List<Class<?>> WIDENING = List.of(byte.class, short.class, char.class, int.class,
            long.class, float.class, double.class);
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, boolean.class, Boolean.class);

    private Overloads() {
    }

    /** A method and the arguments converted for {@link Method#invoke}. */
    record Call(Method method, Object[] arguments) {
    }

    /**
     * The method of {@code owner} named {@code name} (static ones when {@code statics}) that javac
     * picks for arguments whose static types are {@code types}; null when none applies or the
     * call is ambiguous.
     */
    static Call resolve(Class<?> owner, String name, boolean statics, Class<?>[] types, Object[] values) {
        List<Method> candidates = new ArrayList<>();
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == statics && !m.isBridge()) {
                candidates.add(m);
            }
        }
        for (int phase = 1; phase <= 3; phase++) {
            List<Method> applicable = new ArrayList<>();
            for (Method m : candidates) {
                if (applicable(m, types, phase)) {
                    applicable.add(m);
                }
            }
            if (!applicable.isEmpty()) {
                Method best = mostSpecific(applicable, types.length, phase == 3);
                return best == null ? null : new Call(best, arguments(best, values, phase == 3));
            }
        }
        return null;
    }

    private static boolean applicable(Method m, Class<?>[] types, int phase) {
        Class<?>[] params = m.getParameterTypes();
        if (phase < 3) {
            if (params.length != types.length) {
                return false;
            }
            for (int i = 0; i < params.length; i++) {
                if (!convertible(types[i], params[i], phase == 2)) {
                    return false;
                }
            }
            return true;
        }
        if (!m.isVarArgs() || types.length < params.length - 1) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            Class<?> param = i < params.length - 1 ? params[i] : params[params.length - 1].getComponentType();
            if (!convertible(types[i], param, true)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a value of static type {@code from} passes to {@code to} (boxing allowed when asked). */
    static boolean convertible(Class<?> from, Class<?> to, boolean boxing) {
        if (from == to) {
            return true;
        }
        if (from.isPrimitive() && to.isPrimitive()) {
            int a = WIDENING.indexOf(from);
            int b = WIDENING.indexOf(to);
            return a >= 0 && b > a && to != char.class;
        }
        if (from.isPrimitive()) {
            return boxing && BOXES.containsKey(from) && to.isAssignableFrom(BOXES.get(from));
        }
        return !to.isPrimitive() && to.isAssignableFrom(from);
    }

    private static Method mostSpecific(List<Method> methods, int arity, boolean varargs) {
        List<Method> maximal = new ArrayList<>();
        for (Method m : methods) {
            boolean dominated = false;
            for (Method other : methods) {
                if (other != m && moreSpecific(other, m, arity, varargs) && !moreSpecific(m, other, arity, varargs)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                maximal.add(m);
            }
        }
        return maximal.size() == 1 ? maximal.get(0) : null;
    }

    private static boolean moreSpecific(Method a, Method b, int arity, boolean varargs) {
        for (int i = 0; i < arity; i++) {
            if (!convertible(param(a, i, varargs), param(b, i, varargs), false)) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> param(Method m, int i, boolean varargs) {
        Class<?>[] params = m.getParameterTypes();
        return varargs && i >= params.length - 1 ? params[params.length - 1].getComponentType() : params[i];
    }

    private static Object[] arguments(Method m, Object[] values, boolean varargs) {
        Class<?>[] params = m.getParameterTypes();
        if (!varargs) {
            Object[] out = values.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] = widen(out[i], params[i]);
            }
            return out;
        }
        int fixed = params.length - 1;
        Class<?> component = params[fixed].getComponentType();
        Object rest = java.lang.reflect.Array.newInstance(component, values.length - fixed);
        for (int i = fixed; i < values.length; i++) {
            java.lang.reflect.Array.set(rest, i - fixed, widen(values[i], component));
        }
        Object[] out = Arrays.copyOf(values, params.length);
        for (int i = 0; i < fixed; i++) {
            out[i] = widen(out[i], params[i]);
        }
        out[fixed] = rest;
        return out;
    }

    /** The boxed value reflection needs for a primitive parameter of a wider type. */
    private static Object widen(Object value, Class<?> param) {
        if (!(value instanceof Number n) || !param.isPrimitive()) {
            return value;
        }
        if (param == long.class) {
            return n.longValue();
        }
        if (param == double.class) {
            return n.doubleValue();
        }
        if (param == float.class) {
            return n.floatValue();
        }
        return value;
    }
}
