package jtorch.coverage;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The text of tensor-core's tests (Java sources, and the recorded cases under test resources),
 * searched for the spelling of a Java counterpart: an entry whose spelling occurs there is
 * exercised by some test. Each row of the op catalog ({@code ops/ops.jsonl}) adds the calls its
 * generic test makes: {@code torch.f(} for the torch form, {@code .f(} for the method form.
 */
final class TestCorpus {
    private static final Path CATALOG = Path.of("resources", "ops", "ops.jsonl");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private final String text;

    private TestCorpus(String text) {
        this.text = text;
    }

    /** Every {@code .java} and {@code .jsonl} file below {@code testRoot}, except this package's own sources. */
    static TestCorpus of(Path testRoot) throws IOException {
        try (Stream<Path> files = Files.walk(testRoot)) {
            String sources = files
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".jsonl"))
                    .filter(p -> !p.getParent().endsWith(Path.of("jtorch", "coverage")))
                    .sorted()
                    .map(TestCorpus::read)
                    .collect(Collectors.joining("\n"));
            return new TestCorpus(sources + "\n" + catalogCalls(testRoot.resolve(CATALOG)));
        }
    }

    /** {@code torch.sin( .sin(} for a catalog row {@code {"op": "sin", "forms": ["torch", "method"]}}. */
    private static String catalogCalls(Path catalog) throws IOException {
        StringBuilder calls = new StringBuilder();
        for (String line : Files.readAllLines(catalog)) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            String java = row.has("java") ? row.get("java").asText() : CamelCase.of(row.get("op").asText());
            for (JsonNode form : row.get("forms")) {
                String prefix = switch (form.asText()) {
                    case "torch" -> " torch.";
                    case "F" -> " functional.";
                    default -> " .";
                };
                calls.append(prefix).append(java).append('(');
            }
        }
        return calls.toString();
    }

    boolean mentions(Pattern spelling) {
        return spelling.matcher(text).find();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
