package jtorch.golden;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One line of {@code golden/cases.jsonl} (or of {@code golden/extra-cases.jsonl}): a PyTorch
 * snippet recorded from real PyTorch 1.13.1, its Java translation and the text PyTorch printed.
 *
 * @param id           unique {@code group/case} name
 * @param group        the case's group (creation, printing, ...)
 * @param kind         {@code repr}, {@code str}, {@code value} or {@code error}
 * @param java         Java statements; the last line is the expression whose value is checked
 * @param expected     PyTorch's output, verbatim
 * @param expectedJava what Java must print instead, where the project accepts a difference; for
 *                     {@code error} cases {@code "CompileError: <method>"} means Java rejects the
 *                     call at compile time (Python's TypeError for a call no signature accepts)
 * @param python       the original Python, for reference
 * @param note         optional remark
 */
public record GoldenCase(String id, String group, String kind, String java, String expected,
        @JsonProperty("expected_java") String expectedJava, String python, String note) {

    static final String RESOURCE = "/golden/cases.jsonl";
    /** Cases recorded by the team from real PyTorch 1.13 where the corpus is thin (tools/golden/record_extra.py). */
    static final String EXTRA_RESOURCE = "/golden/extra-cases.jsonl";
    static final String COMPILE_ERROR = "CompileError: ";
    private static final Set<String> KINDS = Set.of("repr", "str", "value", "error");

    public GoldenCase {
        if (id == null || group == null || java == null || expected == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("golden case needs id, group, java, expected and a kind in "
                    + KINDS + ": " + id);
        }
    }

    /** What the Java side must produce: {@code expected_java} where given, else PyTorch's text. */
    String target() {
        return expectedJava != null ? expectedJava : expected;
    }

    /** The method name the compiler must reject, for {@code "CompileError: name"} cases; else null. */
    String compileErrorMethod() {
        return expectedJava != null && expectedJava.startsWith(COMPILE_ERROR)
                ? expectedJava.substring(COMPILE_ERROR.length()) : null;
    }

    /** All cases of the corpus file, in file order. */
    static List<GoldenCase> loadAll() {
        return loadAll(RESOURCE);
    }

    /** All cases of the JSON-lines test resource {@code resource}, in file order. */
    static List<GoldenCase> loadAll(String resource) {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<GoldenCase> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (InputStream in = GoldenCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                GoldenCase c = json.readValue(line, GoldenCase.class);
                if (!ids.add(c.id())) {
                    throw new IllegalStateException(resource + ":" + number + ": duplicate id " + c.id());
                }
                cases.add(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return cases;
    }
}
