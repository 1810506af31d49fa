package jtorch.catalog;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jtorch.DType;
import jtorch.Tensor;
import jtorch.nn;
import jtorch.torch;

/**
 * Calls a public op by name through reflection, as a user's Java line would: the overload of
 * {@code torch.name(...)} or {@code nn.functional.name(...)} (static) or {@code self.name(...)}
 * (instance) whose parameters accept
 * the arguments, preferring the most specific one (an integral literal goes to {@code int} before
 * {@code long}, {@code double}, {@code Number}, {@code Object}), with varargs expanded; a list of
 * tensors goes to a {@code Tensor[]} parameter.
 *
 * <p>Arguments are tensors and the catalog's literals: {@code Long} (a Python int), {@code Double}
 * (a Python float), {@code Boolean}, {@code String}, {@code List} (of ints or floats), null, and
 * {@code {"dtype": "float64"}}, which becomes a {@link DType}.
 */
final class JavaCall {
    private static final int NO = Integer.MAX_VALUE;

    private JavaCall() {
    }

    /** {@code torch.name(args)}. */
    static Object torch(String name, List<Object> args) throws Throwable {
        return invoke(torch.class, null, name, args);
    }

    /** {@code nn.functional.name(args)}. */
    static Object functional(String name, List<Object> args) throws Throwable {
        return invoke(nn.functional.class, null, name, args);
    }

    /** {@code self.name(args)}. */
    static Object method(Tensor self, String name, List<Object> args) throws Throwable {
        return invoke(Tensor.class, self, name, args);
    }

    /** True when {@code owner} has a public method {@code name}, static or not as asked. */
    static boolean exists(Class<?> owner, String name, boolean isStatic) {
        return Arrays.stream(owner.getMethods())
                .anyMatch(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == isStatic);
    }

    private static Object invoke(Class<?> owner, Object self, String name, List<Object> rawArgs) throws Throwable {
        List<Object> args = rawArgs.stream().map(JavaCall::literal).toList();
        Method best = null;
        Object[] bestArgs = null;
        int bestScore = NO;
        for (Method m : owner.getMethods()) {
            if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers()) != (self == null)) {
                continue;
            }
            Object[] converted = new Object[m.getParameterCount()];
            int score = match(m, args, converted);
            if (score < bestScore) {
                best = m;
                bestArgs = converted;
                bestScore = score;
            }
        }
        if (best == null) {
            throw new NoSuchMethodError(owner.getSimpleName() + "." + name + " accepts no "
                    + args.stream().map(JavaCall::typeName).toList());
        }
        try {
            return best.invoke(self, bestArgs);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The cost of calling {@code m} with {@code args} (filling {@code out}), or {@link #NO}. */
    private static int match(Method m, List<Object> args, Object[] out) {
        Class<?>[] params = m.getParameterTypes();
        int fixed = m.isVarArgs() ? params.length - 1 : params.length;
        if (args.size() < fixed || !m.isVarArgs() && args.size() != fixed) {
            return NO;
        }
        int score = 0;
        for (int i = 0; i < fixed; i++) {
            int s = cost(args.get(i), params[i]);
            if (s == NO) {
                return NO;
            }
            score += s;
            out[i] = convert(args.get(i), params[i]);
        }
        if (m.isVarArgs()) {
            Class<?> arrayType = params[fixed];
            List<Object> rest = args.subList(fixed, args.size());
            if (rest.size() == 1 && cost(rest.get(0), arrayType) != NO) {
                out[fixed] = convert(rest.get(0), arrayType);
                return score + cost(rest.get(0), arrayType);
            }
            Class<?> component = arrayType.getComponentType();
            Object array = java.lang.reflect.Array.newInstance(component, rest.size());
            for (int i = 0; i < rest.size(); i++) {
                int s = cost(rest.get(i), component);
                if (s == NO) {
                    return NO;
                }
                score += s;
                java.lang.reflect.Array.set(array, i, convert(rest.get(i), component));
            }
            out[fixed] = array;
            score += 1;
        }
        return score;
    }

    private static int cost(Object v, Class<?> p) {
        if (v == null) {
            return p.isPrimitive() ? NO : 4;
        }
        if (p == Object.class) {
            return 6;
        }
        if (v instanceof Long l) {
            boolean fitsInt = l == l.intValue();
            return p == int.class && fitsInt ? 0 : p == long.class ? 1 : p == double.class || p == float.class ? 2
                    : p == Number.class ? 3 : NO;
        }
        if (v instanceof Double) {
            return p == double.class ? 0 : p == float.class ? 1 : p == Number.class ? 3 : NO;
        }
        if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof Number)) {
            boolean integral = list.stream().allMatch(x -> x instanceof Long);
            return p == int[].class && integral ? 0 : p == long[].class && integral ? 1 : p == double[].class ? 2 : NO;
        }
        if (v instanceof Boolean) {
            return p == boolean.class ? 0 : p == Boolean.class ? 1 : NO;
        }
        if (v instanceof List<?> list && p == Tensor[].class && list.stream().allMatch(x -> x instanceof Tensor)) {
            return 0;
        }
        return p.isInstance(v) ? 0 : NO;
    }

    private static Object convert(Object v, Class<?> p) {
        if (v instanceof Long l) {
            return p == int.class ? (Object) l.intValue() : p == double.class ? (Object) l.doubleValue()
                    : p == float.class ? (Object) l.floatValue() : l;
        }
        if (v instanceof Double d && p == float.class) {
            return d.floatValue();
        }
        if (v instanceof List<?> list && p == Tensor[].class) {
            return list.toArray(new Tensor[0]);
        }
        if (v instanceof List<?> list && !List.class.isAssignableFrom(p)) {
            if (p == int[].class) {
                return list.stream().mapToInt(x -> ((Number) x).intValue()).toArray();
            }
            if (p == long[].class) {
                return list.stream().mapToLong(x -> ((Number) x).longValue()).toArray();
            }
            return list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        }
        return v;
    }

    /** Catalog literals as Java values: integers as Long, {@code {"dtype": ...}} as a DType, tensors. */
    static Object literal(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Map<?, ?> map && map.get("dtype") instanceof String dtype) {
            DType d = DType.valueOf(dtype.toUpperCase(java.util.Locale.ROOT));
            return map.containsKey("tensor") ? torch.tensor(map.get("tensor"), d) : d;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(x -> out.add(literal(x)));
            return out;
        }
        return v;
    }

    private static String typeName(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName();
    }
}
