package jtorch.kernel.session;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import jdk.jshell.spi.SPIResolutionException;

/**
 * In-process execution for the session's JShell: snippets run in the kernel JVM (so results are
 * real objects the renderers can inspect), on {@link CellRunner}'s worker thread, from classes
 * defined by {@link SnippetLoader}.
 *
 * <p>Unlike JShell's stock controls, this one keeps the raw result object and the raw
 * {@link Throwable} of the last invocation (JShell itself only sees strings), and returns a
 * placeholder instead of calling {@code toString()} on every result.
 */
final class SessionExecutionControl extends DirectExecutionControl {
    private static final String DO_IT = "do_it$";

    private final SnippetLoader loader;
    private final CellRunner runner;
    private Object lastValue;
    private Throwable lastThrowable;
    private String lastInvokedClass;

    SessionExecutionControl(SnippetLoader loader) {
        super(loader);
        this.loader = loader;
        this.runner = new CellRunner(loader.classLoader());
    }

    /** A provider handing JShell this very instance. */
    ExecutionControlProvider provider() {
        SessionExecutionControl self = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "jtorch-session";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, java.util.Map<String, String> parameters) {
                return self;
            }
        };
    }

    CellRunner runner() {
        return runner;
    }

    ClassLoader classLoader() {
        return loader.classLoader();
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, InternalException,
            EngineTerminationException {
        lastInvokedClass = className;
        lastValue = null;
        lastThrowable = null;
        return super.invoke(className, methodName);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        try {
            lastValue = runner.run(() -> doitMethod.invoke(null));
            return "";
        } catch (InvocationTargetException ex) {
            lastThrowable = ex.getCause();
            throw ex;
        }
    }

    /**
     * Runs an already loaded snippet class again (the compile cache's hit path).
     *
     * @return the value of its {@code do_it$} method
     * @throws InvocationTargetException wrapping whatever the snippet threw
     */
    Object reinvoke(String className) throws ReflectiveOperationException, InterruptedException {
        Method doIt = findClass(className).getDeclaredMethod(DO_IT);
        doIt.setAccessible(true);
        lastInvokedClass = className;
        lastValue = null;
        lastThrowable = null;
        try {
            lastValue = runner.run(() -> doIt.invoke(null));
            return lastValue;
        } catch (InvocationTargetException ex) {
            lastThrowable = ex.getCause();
            throw ex;
        }
    }

    /**
     * JShell's own conversion walks the throwable's causes and calls their {@code getMessage()}: a
     * cycle of causes recurses until the stack overflows and a throwing {@code getMessage} escapes
     * the kernel's handler. The kernel reports the raw throwable ({@link #lastThrowable()}), so
     * JShell only gets its class name; unresolved references keep JShell's handling.
     */
    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        if (cause instanceof SPIResolutionException) {
            return super.throwConvertedInvocationException(cause);
        }
        String name = cause.getClass().getName();
        throw new UserException(name, name, new StackTraceElement[0]);
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException,
            InternalException {
        // JShell only needs a string here; %whos and the renderers read objects through staticField
        try {
            return String.valueOf(staticField(className, varName));
        } catch (ReflectiveOperationException | RuntimeException ex) {
            throw new InternalException(ex.toString());
        }
    }

    /** The current value of a snippet class's static field (a session variable). */
    Object staticField(String className, String field) throws ReflectiveOperationException {
        Field f = findClass(className).getDeclaredField(field);
        f.setAccessible(true);
        return f.get(null);
    }

    /** Clears a snippet class's static field so a dropped temporary no longer holds its value. */
    void clearStaticField(String className, String field) {
        try {
            Field f = findClass(className).getDeclaredField(field);
            f.setAccessible(true);
            if (!f.getType().isPrimitive()) {
                f.set(null, null);
            }
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // nothing held
        }
    }

    @Override
    public void stop() {
        runner.interrupt();
    }

    /** Forgets the last invocation, so that a compile which runs nothing leaves no stale result behind. */
    void forgetLastInvocation() {
        lastInvokedClass = null;
        lastValue = null;
        lastThrowable = null;
    }

    Object lastValue() {
        return lastValue;
    }

    Throwable lastThrowable() {
        return lastThrowable;
    }

    String lastInvokedClass() {
        return lastInvokedClass;
    }
}
