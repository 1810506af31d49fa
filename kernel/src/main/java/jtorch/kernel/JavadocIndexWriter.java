package jtorch.kernel;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Build step (kernel/pom.xml, {@code process-classes}): writes {@link JavadocIndex}'s files for
 * tensor-core's package {@code jtorch} into the kernel's classes, so a session's help does not
 * parse a source.
 *
 * <p>Usage: {@code JavadocIndexWriter SOURCE_DIR OUT_DIR}, SOURCE_DIR holding package
 * {@code jtorch}'s {@code .java} files.
 */
public final class JavadocIndexWriter {
    private JavadocIndexWriter() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: JavadocIndexWriter SOURCE_DIR OUT_DIR (got " + args.length + " arguments)");
        }
        int written = JavadocIndex.write(Path.of(args[0]), Path.of(args[1]));
        if (written == 0) {
            throw new IllegalStateException("no javadoc found in " + args[0]);
        }
    }
}
