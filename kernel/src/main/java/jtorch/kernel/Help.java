package jtorch.kernel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jtorch.Tensor;
import jtorch.kernel.render.PyRepr;
import jtorch.kernel.session.JShellSession;
import jtorch.kernel.session.SessionVariable;

/**
 * Help text for {@code ?name}, {@code name?} and inspect_request (Shift-Tab): for a session
 * variable its type and value; for methods every overload's signature and its javadoc (JShell
 * finds the JDK's, {@link JavadocIndex} tensor-core's); for a tensor-core class its class comment.
 */
final class Help {
    /** {@code ?name}, {@code ??name}, {@code name?}, {@code name??} alone on a line. */
    private static final Pattern QUERY = Pattern.compile(
            "^\\s*(?:\\?{1,2}\\s*([\\w$.]+(?:\\(\\))?)|([\\w$.]+(?:\\(\\))?)\\s*\\?{1,2})\\s*$");
    private static final int VALUE_CHARS = 1500;

    private final JShellSession session;
    private final JavadocIndex javadoc = new JavadocIndex();

    Help(JShellSession session) {
        this.session = session;
    }

    /** The name a help query line asks about, if {@code line} is one. */
    static Optional<String> query(String line) {
        Matcher m = QUERY.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        return Optional.of(name.endsWith("()") ? name.substring(0, name.length() - 2) : name);
    }

    /** Help for the expression {@code name} ({@code torch.tensor}, {@code x}, {@code Tensor}). */
    Optional<String> about(String name) {
        return at(name, name.length());
    }

    /** Help for whatever is at {@code cursor} in {@code code}. */
    Optional<String> at(String code, int cursor) {
        String word = wordAt(code, cursor);
        if (!word.isEmpty() && !word.contains(".")) {
            Optional<SessionVariable> var = session.variable(word);
            if (var.isPresent()) {
                return Optional.of(describe(var.get()));
            }
        }
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        List<Documentation> docs = session.documentation(code, end);
        if (!docs.isEmpty()) {
            return Optional.of(describe(docs));
        }
        if (!word.isEmpty()) {
            String simple = word.substring(word.lastIndexOf('.') + 1);
            Optional<String> classDoc = javadoc.forClass(simple);
            if (classDoc.isPresent()) {
                return Optional.of("Class: jtorch." + simple + "\nDocstring:\n" + classDoc.get());
            }
        }
        return Optional.empty();
    }

    private String describe(List<Documentation> docs) {
        StringBuilder sb = new StringBuilder();
        Set<String> bodies = new LinkedHashSet<>();
        sb.append(docs.size() == 1 ? "Signature: " : "Signatures:\n");
        for (Documentation d : docs) {
            sb.append(docs.size() == 1 ? "" : "  ").append(d.signature()).append('\n');
            String body = d.javadoc() != null ? JavadocIndex.inline(d.javadoc()).strip()
                    : javadoc.forSignature(d.signature()).orElse(null);
            if (body != null && !body.isBlank()) {
                bodies.add(body);
            }
        }
        if (!bodies.isEmpty()) {
            sb.append("Docstring:\n").append(String.join("\n\n---\n\n", bodies));
        } else {
            sb.append("Docstring: <no docstring>");
        }
        return sb.toString().strip();
    }

    private static String describe(SessionVariable var) {
        Object value = var.value();
        StringBuilder sb = new StringBuilder();
        sb.append("Type:        ").append(value == null ? var.typeName() : value.getClass().getName()).append('\n');
        if (value instanceof Tensor) {
            Tensor t = (Tensor) value;
            sb.append("Shape:       ").append(t.shape()).append('\n');
            sb.append("Dtype:       ").append(t.dtype()).append('\n');
            sb.append("Requires grad: ").append(t.requiresGrad() ? "True" : "False").append('\n');
        }
        String text = PyRepr.repr(value);
        if (text.length() > VALUE_CHARS) {
            text = text.substring(0, VALUE_CHARS) + " ...";
        }
        sb.append("String form:\n").append(text);
        return sb.toString();
    }

    /** The dotted identifier chain around {@code cursor}. */
    static String wordAt(String code, int cursor) {
        int start = Math.min(cursor, code.length());
        while (start > 0 && (Character.isJavaIdentifierPart(code.charAt(start - 1)) || code.charAt(start - 1) == '.')) {
            start--;
        }
        int end = Math.min(cursor, code.length());
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        return code.substring(start, end).replaceAll("^\\.+|\\.+$", "");
    }
}
