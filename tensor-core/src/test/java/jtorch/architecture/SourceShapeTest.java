package jtorch.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shape of the sources (docs/architecture.md): the facades {@code torch}, {@code Tensor},
 * {@code np} and {@code NDArray} are tables whose public methods are one statement each (a
 * delegate to the layers, or to another facade method), and no class file other than the two big
 * tables grows past 600 lines.
 */
class SourceShapeTest {
    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Set<String> FACADES = Set.of("torch.java", "Tensor.java", "np.java", "NDArray.java");
    /** The facade tables allowed past {@link #MAX_LINES}. */
    private static final Set<String> TABLES = Set.of("torch.java", "Tensor.java");
    private static final int MAX_LINES = 600;
    private static final Pattern PUBLIC_METHOD = Pattern.compile(
            "\\n\\s*public (?:static )?(?:final )?[\\w<>\\[\\]., ?]+ (\\w+)\\(([^)]*)\\)(?: throws [\\w, ]+)? \\{");

    @Test
    void facades_publicMethodsAreOneStatement() throws IOException {
        List<String> offenders = new ArrayList<>();
        int methods = 0;
        for (String facade : FACADES) {
            String code = blankLiterals(Files.readString(MAIN.resolve("jtorch").resolve(facade)));
            Matcher m = PUBLIC_METHOD.matcher(code);
            while (m.find()) {
                int open = m.end() - 1;
                String body = code.substring(open + 1, matchingBrace(code, open));
                methods++;
                if (topLevelStatements(body) != 1) {
                    offenders.add(facade + ": " + m.group(1) + "(" + m.group(2).trim() + ")");
                }
            }
        }
        assertTrue(methods > 300, "public facade methods found: " + methods);
        assertEquals(List.of(), offenders, "facade methods that are more than one delegate statement");
    }

    @Test
    void classes_areAtMost600LinesOutsideTheFacades() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                long lines = Files.readAllLines(p).size();
                String name = p.getFileName().toString();
                if (lines > MAX_LINES && !TABLES.contains(name)) {
                    offenders.add(MAIN.relativize(p) + ": " + lines + " lines");
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    /** Statements at the top of a method body: semicolons outside parentheses and nested braces. */
    private static int topLevelStatements(String body) {
        int count = 0;
        int braces = 0;
        int parens = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
            } else if (c == '(') {
                parens++;
            } else if (c == ')') {
                parens--;
            } else if (c == ';' && braces == 0 && parens == 0) {
                count++;
            }
        }
        return count;
    }

    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '{') {
                depth++;
            } else if (code.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced braces after " + open);
    }

    /** The source with comments, strings and characters blanked, so braces and semicolons in them do not count. */
    private static String blankLiterals(String src) {
        StringBuilder out = new StringBuilder(src);
        int i = 0;
        while (i < src.length()) {
            int end;
            if (src.startsWith("//", i)) {
                end = src.indexOf('\n', i);
                end = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                end = src.indexOf("*/", i + 2) + 2;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char q = src.charAt(i);
                end = i + 1;
                while (src.charAt(end) != q) {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}
