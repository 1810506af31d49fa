package jtorch.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavadocIndexTest {

    @Test
    void prebuilt_publicClasses_areWhatParsingTheirSourcesGives() {
        for (String name : new String[] {"torch", "Tensor", "nn", "optim"}) {
            Map<String, String> built = JavadocIndex.prebuilt(name).orElseThrow(() -> new AssertionError(
                    "no /jtorch-javadoc/" + name + ".properties: the build's javadoc-index step did not run"));
            assertEquals(JavadocIndex.parse(name), built, name);
        }
    }

    @Test
    void forSignature_torchOnes_findsItsDocsInTheIndex() {
        String doc = new JavadocIndex().forSignature("Tensor torch.ones(int... size)").orElseThrow();
        assertFalse(doc.isBlank());
        assertTrue(JavadocIndex.prebuilt("torch").orElseThrow().containsValue(doc));
    }

    @Test
    void write_sources_oneFilePerDocumentedClassWithoutDateAndReproducible(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("A.java"), "package jtorch;\n/** Class A. */\npublic class A {\n"
                + "    /** Adds {@code n}.\n     * @param n how many\n     */\n    public int add(int n) { return n; }\n}\n");
        Files.writeString(src.resolve("B.java"), "package jtorch;\npublic class B { public void f() {} }\n");

        assertEquals(1, JavadocIndex.write(src, dir.resolve("out")));
        String first = Files.readString(dir.resolve("out/A.properties"));
        JavadocIndex.write(src, dir.resolve("out"));

        assertEquals(first, Files.readString(dir.resolve("out/A.properties")));
        assertFalse(Files.exists(dir.resolve("out/B.properties")));
        assertFalse(first.contains("#2") || first.lines().anyMatch(l -> l.startsWith("#")), first);
        assertTrue(first.contains("A\\#add(int)=Adds n."), first);
    }
}
