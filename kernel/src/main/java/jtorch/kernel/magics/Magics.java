package jtorch.kernel.magics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The kernel's magics by name. */
public final class Magics {
    private final Map<String, Magic> byName = new LinkedHashMap<>();

    public Magics() {
        for (Magic m : new Magic[] {new TimeMagic(), new WhosMagic(), new ClasspathMagic(), new JarsMagic(), new MavenMagic()}) {
            byName.put(m.name(), m);
        }
    }

    public Optional<Magic> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    static String nameOf(String rest) {
        int i = 0;
        while (i < rest.length() && (Character.isLetterOrDigit(rest.charAt(i)) || rest.charAt(i) == '_')) {
            i++;
        }
        return rest.substring(0, i);
    }

    /** Splits {@code %name args} (without the leading percent signs) into name and arguments. */
    public static String[] split(String withoutPercent) {
        String name = nameOf(withoutPercent);
        return new String[] {name, withoutPercent.substring(name.length()).strip()};
    }
}
