package jtorch.kernel.magics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jtorch.kernel.maven.MavenResolver;
import jtorch.kernel.session.CellOutcome;

/**
 * {@code %maven group:artifact:version ...} and the cell form {@code %%maven} (one coordinate a
 * line; blank lines and {@code //} or {@code #} comments skipped): resolves the artifacts and
 * their runtime dependencies from Maven Central ({@link MavenResolver}) and adds the jars to the
 * session's class path, as {@code %jars} would. Jars already added are not added again.
 */
public final class MavenMagic implements Magic {
    private MavenResolver resolver;

    /** A magic over the resolver the environment names (created on the first {@code %maven}). */
    public MavenMagic() {}

    /** A magic over {@code resolver} (tests). */
    public MavenMagic(MavenResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public CellOutcome line(MagicContext context, String args, int line) {
        return add(context, coordinates(args));
    }

    @Override
    public CellOutcome cell(MagicContext context, String args, String body, int bodyLine) {
        List<String> all = coordinates(args);
        for (String l : body.split("\n")) {
            String s = l.strip();
            if (!s.isEmpty() && !s.startsWith("//") && !s.startsWith("#")) {
                all.addAll(coordinates(s));
            }
        }
        return add(context, all);
    }

    private static List<String> coordinates(String text) {
        List<String> out = new ArrayList<>();
        for (String token : text.strip().split("\\s+")) {
            if (!token.isEmpty()) {
                out.add(token);
            }
        }
        return out;
    }

    private CellOutcome add(MagicContext context, List<String> coordinates) {
        if (coordinates.isEmpty()) {
            throw new UsageError("%maven needs group:artifact:version, e.g. %maven org.apache.commons:commons-math3:3.6.1");
        }
        synchronized (this) {
            if (resolver == null) {
                resolver = MavenResolver.fromEnvironment();
            }
        }
        List<String> added = context.session().addedClasspath();
        for (Path jar : resolver.resolve(coordinates)) {
            String path = jar.toAbsolutePath().toString();
            if (added.contains(path)) {
                context.out().print("Already on the class path: " + path + "\n");
            } else {
                context.session().addToClasspath(path);
                context.out().print("Added jar: " + path + "\n");
            }
        }
        return CellOutcome.none();
    }
}
