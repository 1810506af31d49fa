package jtorch;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The registration by assignment of a user's {@link nn.Module} subclass: Java cannot observe
 * attribute assignment as Python's {@code __setattr__} does, so a module reads its subclasses'
 * instance fields instead. The built-in modules (classes loaded from tensor-core's own code
 * source, as {@code nn} is) register explicitly and are skipped.
 */
final class ModuleFields {
    private ModuleFields() {}

    /**
     * Non-null values of {@code module}'s instance fields of the given type declared by user
     * classes below {@code nn.Module}, by field name, superclass fields first.
     */
    static Map<String, Object> of(ModuleImpl module, Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = module.getClass(); c != null && c != nn.Module.class; c = c.getSuperclass()) {
            if (!isBuiltIn(c)) {
                chain.add(0, c);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || !type.isAssignableFrom(f.getType())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object value = f.get(module);
                    if (value != null) {
                        out.putIfAbsent(f.getName(), value);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a field we may not read (a strongly encapsulated module) is simply not registered
                }
            }
        }
        return out;
    }

    private static boolean isBuiltIn(Class<?> c) {
        return c.getPackageName().equals(nn.class.getPackageName())
                && Objects.equals(c.getProtectionDomain().getCodeSource(), nn.class.getProtectionDomain().getCodeSource());
    }
}
