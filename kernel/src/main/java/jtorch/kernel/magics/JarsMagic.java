package jtorch.kernel.magics;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jtorch.kernel.session.CellOutcome;

/**
 * {@code %jars GLOB...}: adds the jars a pattern names ({@code lib/*.jar}; the wildcard may only be
 * in the file name) to the session's class path.
 */
public final class JarsMagic implements Magic {
    @Override
    public String name() {
        return "jars";
    }

    @Override
    public CellOutcome line(MagicContext context, String args, int line) {
        if (args.isBlank()) {
            throw new UsageError("%jars needs one or more paths or patterns, e.g. %jars lib/*.jar");
        }
        for (String pattern : args.strip().split("\\s+")) {
            List<Path> jars = resolve(pattern);
            if (jars.isEmpty()) {
                throw new UsageError("%jars: nothing matches " + pattern);
            }
            for (Path jar : jars) {
                context.session().addToClasspath(jar.toString());
                context.out().print("Added jar: " + jar + "\n");
            }
        }
        return CellOutcome.none();
    }

    static List<Path> resolve(String pattern) {
        Path p = Path.of(pattern).toAbsolutePath().normalize();
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        List<Path> out = new ArrayList<>();
        if (!name.contains("*") && !name.contains("?") && !name.contains("[") && !name.contains("{")) {
            if (Files.isRegularFile(p)) {
                out.add(p);
            }
            return out;
        }
        Path dir = p.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, name)) {
            ds.forEach(f -> {
                if (Files.isRegularFile(f)) {
                    out.add(f);
                }
            });
        } catch (IOException ex) {
            throw new UsageError("%jars: cannot list " + dir + ": " + ex.getMessage());
        }
        out.sort(null);
        return out;
    }
}
