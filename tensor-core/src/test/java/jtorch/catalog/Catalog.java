package jtorch.catalog;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the op catalog ({@code /ops/ops.jsonl}) and PyTorch's recorded cases ({@code /ops/recorded.jsonl}). */
final class Catalog {
    static final String ROWS = "/ops/ops.jsonl";
    static final String RECORDED = "/ops/recorded.jsonl";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    private Catalog() {
    }

    static List<CatalogRow> rows() {
        return lines(ROWS).stream().map(CatalogRow::of).toList();
    }

    /** Recorded cases by op, in recording order. */
    static Map<String, List<RecordedCase>> recorded() {
        Map<String, List<RecordedCase>> out = new LinkedHashMap<>();
        for (Map<String, Object> json : lines(RECORDED)) {
            RecordedCase c = RecordedCase.of(json);
            out.computeIfAbsent(c.op(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    /** JSON lines of a resource; blank lines and {@code //} comment lines are skipped. */
    private static List<Map<String, Object>> lines(String resource) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("//")) {
                    continue;
                }
                try {
                    out.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
                } catch (IOException e) {
                    throw new IllegalArgumentException(resource + ":" + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
