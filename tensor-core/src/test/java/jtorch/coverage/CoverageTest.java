package jtorch.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/coverage.md true: every PyTorch entry in scope whose Java counterpart exists is used
 * by some tensor-core test, and the committed page is what the classification and the code give
 * now ({@code -Dcoverage.write=true} rewrites it instead of comparing).
 */
class CoverageTest {
    private static Path root;
    private static List<CoverageReport.Row> rows;
    private static List<String> untested;
    private static String pytorchVersion;

    @BeforeAll
    static void classify() throws IOException {
        root = repositoryRoot();
        Path tools = root.resolve("tools/coverage");
        List<ApiEntry> entries = ApiEntry.load(tools.resolve("pytorch-api.tsv"));
        pytorchVersion = Files.readAllLines(tools.resolve("pytorch-api.tsv")).get(0).split(" ")[2];
        Scope scope = Scope.load(tools.resolve("scope.tsv"));
        TestCorpus corpus = TestCorpus.of(root.resolve("tensor-core/src/test"));
        rows = new ArrayList<>();
        untested = new ArrayList<>();
        for (ApiEntry entry : entries) {
            Scope.Decision decision = scope.classify(entry);
            String javaName = JavaCounterpart.javaName(entry, decision.javaName());
            boolean exists = decision.verdict() != Scope.Verdict.NOT_APPLICABLE
                    && JavaCounterpart.exists(entry, decision.javaName());
            boolean tested = exists && corpus.mentions(JavaCounterpart.spelling(entry, decision.javaName()));
            if (exists && !tested) {
                untested.add(entry.qualifiedName() + " (" + javaName + ")");
            }
            rows.add(new CoverageReport.Row(entry, decision, javaName, tested));
        }
    }

    @Test
    void everyImplementedEntry_hasATest() {
        assertTrue(untested.isEmpty(), "Java counterparts that no tensor-core test uses: " + untested);
    }

    @Test
    void coveragePage_isCurrent() throws IOException {
        String page = CoverageReport.render(rows, pytorchVersion);
        Path doc = root.resolve("docs/coverage.md");
        if (Boolean.getBoolean("coverage.write")) {
            Files.writeString(doc, page);
        }
        assertEquals(page, Files.exists(doc) ? Files.readString(doc) : "",
                "docs/coverage.md is stale: rewrite it with -Dcoverage.write=true");
    }

    /** The directory holding tools/coverage, from the module directory Maven runs tests in. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tools/coverage"))) {
                return p;
            }
        }
        throw new IllegalStateException("tools/coverage not found above " + Path.of("").toAbsolutePath());
    }
}
