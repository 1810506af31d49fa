package jtorch.kernel.magics;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import jtorch.kernel.session.CellOutcome;

/**
 * {@code %classpath PATH[:PATH...]}: adds jars or class directories to the session (compiler and
 * cells); without arguments lists what was added.
 */
public final class ClasspathMagic implements Magic {
    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public CellOutcome line(MagicContext context, String args, int line) {
        if (args.isBlank()) {
            context.out().print(String.join("\n", context.session().addedClasspath()) + "\n");
            return CellOutcome.none();
        }
        for (String entry : args.strip().split("[" + File.pathSeparator + "\\s]+")) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw new UsageError("%classpath: no such file or directory: " + p);
            }
            context.session().addToClasspath(p.toString());
            context.out().print("Added to classpath: " + p + "\n");
        }
        return CellOutcome.none();
    }
}
