package jtorch.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import jtorch.kernel.maven.MavenResolver;
import jtorch.kernel.maven.MavenResolverTest;
import jtorch.kernel.session.CellOutcome;
import jtorch.kernel.session.JShellSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %maven} and {@code %%maven} in a real session: the resolved jars' classes are usable in the next snippet. */
class MavenMagicTest {
    @TempDir
    static Path dir;
    private static JShellSession session;
    private static MavenMagic magic;

    @BeforeAll
    static void start() throws IOException {
        Path src = dir.resolve("src/demo");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Greeter.java"), "package demo; public class Greeter { public static String hi() { return \"hi\"; } }");
        Files.writeString(src.resolve("Other.java"), "package demo; public class Other { public static int two() { return 2; } }");
        Path classes = dir.resolve("classes");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.resolve("Greeter.java").toString(), src.resolve("Other.java").toString());
        assertEquals(0, rc);
        Path remote = dir.resolve("remote");
        MavenResolverTest.publish(remote, "org.jtorch.demo", "greeter", "1.0", List.of("org.jtorch.demo:other:1.0"),
                Map.of("demo/Greeter.class", Files.readAllBytes(classes.resolve("demo/Greeter.class"))));
        MavenResolverTest.publish(remote, "org.jtorch.demo", "other", "1.0", List.of(),
                Map.of("demo/Other.class", Files.readAllBytes(classes.resolve("demo/Other.class"))));
        session = new JShellSession();
        magic = new MavenMagic(new MavenResolver(dir.resolve("cache"), remote.toUri().toString()));
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static String[] run(java.util.function.Function<MagicContext, CellOutcome> step) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        MagicContext context = new MagicContext() {
            @Override
            public JShellSession session() {
                return session;
            }

            @Override
            public CellOutcome evaluate(String code, int firstLine) {
                return session.evaluate(1, code, firstLine);
            }

            @Override
            public PrintStream out() {
                return out;
            }
        };
        step.apply(context);
        return bytes.toString(StandardCharsets.UTF_8).split("\n");
    }

    private static Object value(String code) {
        session.beginCell();
        try {
            CellOutcome o = session.evaluate(1, code, 0);
            assertTrue(!o.failed(), () -> code + " failed: " + o);
            return o.value();
        } finally {
            session.endCell();
        }
    }

    @Test
    void line_artifactWithDependency_addsBothJarsToTheSession() {
        String[] out = run(c -> magic.line(c, "org.jtorch.demo:greeter:1.0", 0));
        assertEquals(2, out.length, String.join("\n", out));
        assertTrue(out[0].startsWith("Added jar: ") && out[0].endsWith("greeter-1.0.jar"), out[0]);
        assertTrue(out[1].endsWith("other-1.0.jar"), out[1]);
        assertEquals("hi", value("demo.Greeter.hi()"));
        assertEquals(2, value("demo.Other.two()"));
        assertTrue(session.addedClasspath().stream().anyMatch(p -> p.endsWith("greeter-1.0.jar")), "%classpath lists it");
    }

    @Test
    void cell_severalLinesWithComments_addsEachOnce() {
        String[] out = run(c -> magic.cell(c, "", "// what the demo needs\norg.jtorch.demo:other:1.0\n\n# again\norg.jtorch.demo:other:1.0\n", 1));
        assertTrue(out[0].endsWith("other-1.0.jar"), String.join("\n", out));
        assertEquals(2, value("demo.Other.two()"));
    }

    @Test
    void line_noCoordinates_showsTheForm() {
        UsageError e = assertThrows(UsageError.class, () -> run(c -> magic.line(c, "  ", 0)));
        assertEquals("%maven needs group:artifact:version, e.g. %maven org.apache.commons:commons-math3:3.6.1", e.getMessage());
    }
}
