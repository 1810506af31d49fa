package jtorch.kernel.session;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Defines the classes JShell compiles from cells, after {@link SnippetInstrumenter} has rewritten
 * them, in one class loader whose parent is the kernel's own (so cells and renderers share the same
 * {@code jtorch.Tensor} class). Jars added with {@code %classpath}/{@code %jars} extend it.
 *
 * <p>Invariant: the bytes of a class are held only until the class is defined.
 */
final class SnippetLoader implements LoaderDelegate {
    private final Loader loader;
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    SnippetLoader(ClassLoader parent) {
        this.loader = new Loader(parent);
    }

    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] installed = new boolean[cbcs.length];
        for (ClassBytecodes cbc : cbcs) {
            loader.pending.put(cbc.name(), SnippetInstrumenter.instrument(cbc.bytecodes()));
        }
        try {
            for (int i = 0; i < cbcs.length; i++) {
                Class<?> klass = loader.loadClass(cbcs[i].name());
                classes.put(cbcs[i].name(), klass);
                installed[i] = true;
                klass.getDeclaredMethods(); // links the class now, as JShell's own loader does
            }
        } catch (Throwable ex) {
            throw new ClassInstallException("load: " + ex.getMessage(), installed);
        } finally {
            for (ClassBytecodes cbc : cbcs) {
                loader.pending.remove(cbc.name());
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        // redefinition is not supported by direct execution: JShell reloads under a new name instead
    }

    @Override
    public void addToClasspath(String classpath) throws InternalException {
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                loader.addEntry(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException | RuntimeException ex) {
                throw new InternalException("bad classpath entry " + entry + ": " + ex.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> klass = classes.get(name);
        return klass != null ? klass : loader.loadClass(name);
    }

    private static final class Loader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        final Map<String, byte[]> pending = new HashMap<>();

        Loader(ClassLoader parent) {
            super("jshell-snippets", new URL[0], parent);
        }

        void addEntry(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes;
            synchronized (pending) {
                bytes = pending.get(name);
            }
            if (bytes != null) {
                return defineClass(name, bytes, 0, bytes.length);
            }
            return super.findClass(name);
        }
    }
}
