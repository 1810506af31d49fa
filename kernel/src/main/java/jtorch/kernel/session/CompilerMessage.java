package jtorch.kernel.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A javac message as one line that names what went wrong ({@code cannot find symbol: method
 * nope() in variable s of type java.lang.String}), plus the lines that do not fit on one (the
 * candidates of an overload that does not apply). javac's own first line alone says only
 * {@code cannot find symbol}; its {@code symbol:}, {@code location:}, {@code required:},
 * {@code found:} and {@code reason:} lines are folded in. JShell's wrapper class, which javac names
 * as an empty {@code class }, is left out.
 */
record CompilerMessage(String summary, List<String> details) {
    private static final Pattern KEY_VALUE = Pattern.compile("^\\s*(symbol|location|required|found|reason):\\s*(.*)$");
    private static final Pattern WRAPPER = Pattern.compile(" in (?:class|interface) (?:\\$JShell\\$\\w*)?(?= |;|$)");
    private static final Pattern WRAPPER_LOCATION = Pattern.compile("^(?:class|interface)(?: \\$JShell\\$\\w*)?$");

    static CompilerMessage of(String javacMessage) {
        List<String> lines = javacMessage.lines().toList();
        if (lines.isEmpty()) {
            return new CompilerMessage("", List.of());
        }
        String head = WRAPPER.matcher(lines.get(0)).replaceAll("").replaceAll("\\s+", " ").strip();
        head = head.endsWith(";") ? head.substring(0, head.length() - 1) : head;
        Map<String, String> keyed = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = KEY_VALUE.matcher(line);
            if (m.matches()) {
                keyed.put(m.group(1), m.group(2).replaceAll("\\s+", " ").strip());
            } else if (!line.isBlank()) {
                other.add(line.stripTrailing());
            }
        }
        if (!other.isEmpty()) {
            return new CompilerMessage(head, other);
        }
        String location = keyed.remove("location");
        if (location != null && WRAPPER_LOCATION.matcher(location).matches()) {
            location = null;
        }
        String symbol = keyed.remove("symbol");
        StringBuilder sb = new StringBuilder(head);
        if (symbol != null) {
            sb.append(": ").append(symbol);
            if (location != null) {
                sb.append(" in ").append(location);
            }
        } else if (location != null) {
            keyed.put("location", location);
        }
        if (!keyed.isEmpty()) {
            sb.append(" (").append(keyed.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; "))).append(')');
        }
        return new CompilerMessage(sb.toString(), List.of());
    }
}
