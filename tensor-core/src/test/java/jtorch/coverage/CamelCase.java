package jtorch.coverage;

import java.util.Locale;

/** PyTorch's snake_case names as JTorch's Java names (docs/java-api.md, "Naming rules"). */
public final class CamelCase {
    private CamelCase() {
    }

    /** {@code index_select} → {@code indexSelect}, {@code clamp_min_} → {@code clampMin_}, {@code Linear} stays. */
    public static String of(String name) {
        boolean trailing = name.endsWith("_") && name.length() > 1;
        String core = trailing ? name.substring(0, name.length() - 1) : name;
        String[] parts = core.split("_");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                out.append(parts[i].substring(0, 1).toUpperCase(Locale.ROOT)).append(parts[i].substring(1));
            }
        }
        return trailing ? out.append('_').toString() : out.toString();
    }
}
