package jtorch.coverage;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a PyTorch entry lives in JTorch's public API, by the naming rules of docs/java-api.md:
 * {@code torch.f} is a static member of {@code jtorch.torch}, {@code Tensor.f} an instance method
 * of {@code jtorch.Tensor}, {@code torch.nn.X} the class {@code nn.X}, {@code F.f} a static method
 * of {@code nn.functional}, and so on, with snake_case names camelCased ({@code index_select} →
 * {@code indexSelect}; a trailing {@code _} stays).
 *
 * <p>{@link #spelling} is how a test calls the counterpart ({@code torch.sin}, {@code .sin(},
 * {@code nn.Linear}): a test source that contains it counts as a test of the entry.
 */
final class JavaCounterpart {
    /** The Java class holding each family's members, and how a call of a member reads in source. */
    private record Home(String className, boolean classes, String prefix) {
    }

    private static final Map<String, Home> HOMES = Map.of(
            "torch", new Home("jtorch.torch", false, "torch."),
            "torch.Tensor", new Home("jtorch.Tensor", false, "."),
            "torch.nn", new Home("jtorch.nn", true, "nn."),
            "torch.nn.functional", new Home("jtorch.Functional$functional", false, "functional."),
            "torch.nn.init", new Home("jtorch.nn$init", false, "init."),
            "torch.optim", new Home("jtorch.optim", true, "optim."),
            "torch.optim.lr_scheduler", new Home("jtorch.optim$lrScheduler", true, "lrScheduler."),
            "torch.utils.data", new Home("jtorch.utils.data", true, ""),
            "torch.cuda", new Home("jtorch.torch$cuda", false, "cuda."),
            "torch.backends.mps", new Home("jtorch.torch$backends$mps", false, "mps."));
    private static final String CLASS = "class:";

    private JavaCounterpart() {
    }

    /** The Java name of an entry: the override, else the camelCased PyTorch name. */
    static String javaName(ApiEntry entry, String override) {
        if (override != null) {
            return override.startsWith(CLASS) ? override.substring(override.lastIndexOf('.') + 1) : override;
        }
        return CamelCase.of(entry.name());
    }

    /** True when JTorch's public API has the entry's counterpart. */
    static boolean exists(ApiEntry entry, String override) {
        if (override != null && override.startsWith(CLASS)) {
            return loadable(override.substring(CLASS.length()));
        }
        Home home = HOMES.get(entry.family());
        if (home == null) {
            throw new IllegalArgumentException("no Java home for family " + entry.family());
        }
        String name = javaName(entry, override);
        if (home.classes) {
            // a class such as nn.Linear, or a factory method standing for one (nn.Parameter(data))
            return loadable(home.className + (home.className.endsWith(".data") ? "." : "$") + name)
                    || load(home.className) != null && hasMethod(load(home.className), name, true);
        }
        Class<?> owner = load(home.className);
        if (owner == null) {
            return false;
        }
        boolean isStatic = !entry.family().equals("torch.Tensor");
        if (hasMethod(owner, name, isStatic) || hasField(owner, name)) {
            return true;
        }
        // torch.Size, torch.Generator, torch.Tensor, torch.device: a public class of package jtorch
        return entry.kind().equals("class") && (loadable("jtorch." + name) || loadable("jtorch.torch$" + name));
    }

    /** The text a test that uses the counterpart contains. */
    static Pattern spelling(ApiEntry entry, String override) {
        String name = Pattern.quote(javaName(entry, override));
        if (override != null && override.startsWith(CLASS)) {
            return Pattern.compile("\\b" + name + "\\b");
        }
        Home home = HOMES.get(entry.family());
        if (entry.family().equals("torch.Tensor")) {
            return Pattern.compile("\\." + name + "\\(");
        }
        boolean call = !home.classes && (entry.kind().equals("function") || entry.kind().equals("method"));
        return Pattern.compile("\\b" + Pattern.quote(home.prefix) + name + (call ? "\\(" : "\\b"));
    }

    private static boolean hasMethod(Class<?> owner, String name, boolean isStatic) {
        return Arrays.stream(owner.getMethods()).anyMatch(m -> m.getName().equals(name)
                && Modifier.isStatic(m.getModifiers()) == isStatic && m.getDeclaringClass() != Object.class);
    }

    private static boolean hasField(Class<?> owner, String name) {
        return Arrays.stream(owner.getFields()).map(Field::getName).anyMatch(name::equals);
    }

    private static boolean loadable(String className) {
        return load(className) != null;
    }

    private static Class<?> load(String className) {
        try {
            Class<?> c = Class.forName(className, false, JavaCounterpart.class.getClassLoader());
            return Modifier.isPublic(c.getModifiers()) ? c : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
