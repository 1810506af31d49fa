package jtorch.kernel.session;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;
import jtorch.kernel.protocol.KernelLog;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Keeps cells from ending the kernel's JVM by any door: the jar's {@code Launcher-Agent-Class},
 * run before {@code main}, makes {@code Runtime.exit} and {@code Runtime.halt} (which
 * {@code System.exit}, reflection, method handles and threads started by cells all reach) call a
 * hook first, and the hook throws {@link SystemExit} unless the kernel itself is shutting down
 * ({@link #exitKernel}). {@link SnippetInstrumenter}'s rewriting of direct calls stays as the
 * guard where the agent is not running (in-process tests, {@code java -cp}).
 *
 * <p>The hook lives in a class defined into {@code java.lang} at startup (bootstrap code cannot see
 * the kernel's classes), whose static field holds the kernel's check. If any step fails the kernel
 * starts anyway, guarded by the bytecode rewriting only, and says so on its log.
 */
public final class ExitGuard {
    private static final String HOOK = "java/lang/JTorchExitHook";
    private static volatile boolean kernelExiting;
    private static volatile boolean installed;

    private ExitGuard() {}

    /** Entry point named by the jar manifest's {@code Launcher-Agent-Class}. */
    public static void agentmain(String args, Instrumentation inst) {
        try {
            install(inst);
            installed = true;
        } catch (Throwable t) {
            KernelLog.warn("exit guard not installed (cells' exits through reflection can end the kernel): " + t);
        }
    }

    /** Whether every exit door is guarded (the agent ran). */
    public static boolean installed() {
        return installed;
    }

    /** Ends the kernel's JVM: the one exit the guard lets through. */
    public static void exitKernel(int status) {
        kernelExiting = true;
        System.exit(status);
    }

    private static void check(String call, int status) {
        if (!kernelExiting) {
            throw new SystemExit(callerName(call), status);
        }
    }

    /** {@code System.exit} when that is what called {@code Runtime.exit}, else {@code call}. */
    private static String callerName(String call) {
        return StackWalker.getInstance().walk(frames -> frames
                .dropWhile(f -> !f.getClassName().equals("java.lang.Runtime"))
                .skip(1)
                .findFirst()
                .filter(f -> f.getClassName().equals("java.lang.System") && f.getMethodName().equals("exit"))
                .map(f -> "System.exit")
                .orElse(call));
    }

    private static void install(Instrumentation inst) throws Exception {
        Module base = Object.class.getModule();
        inst.redefineModule(base, Set.of(), Map.of(), Map.of("java.lang", Set.of(ExitGuard.class.getModule())),
                Set.of(), Map.of());
        Class<?> hook = MethodHandles.privateLookupIn(Runtime.class, MethodHandles.lookup()).defineClass(hookClass());
        ObjIntConsumer<String> check = ExitGuard::check;
        hook.getField("hook").set(null, check);
        ClassFileTransformer transformer = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                    ProtectionDomain domain, byte[] classFile) {
                return "java/lang/Runtime".equals(name) ? guardRuntime(classFile) : null;
            }
        };
        inst.addTransformer(transformer, true);
        try {
            inst.retransformClasses(Runtime.class);
        } finally {
            inst.removeTransformer(transformer);
        }
    }

    /** {@code public final class java.lang.JTorchExitHook} with {@code hook} and {@code check(String, int)}. */
    private static byte[] hookClass() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, HOOK, null,
                "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_VOLATILE, "hook",
                "Ljava/util/function/ObjIntConsumer;", null, null).visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "check", "(Ljava/lang/String;I)V",
                null, null);
        mv.visitCode();
        mv.visitFieldInsn(Opcodes.GETSTATIC, HOOK, "hook", "Ljava/util/function/ObjIntConsumer;");
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/function/ObjIntConsumer", "accept",
                "(Ljava/lang/Object;I)V", true);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code Runtime.exit(int)} and {@code Runtime.halt(int)} with the hook's check at their start. */
    static byte[] guardRuntime(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!(name.equals("exit") || name.equals("halt")) || !descriptor.equals("(I)V")) {
                    return mv;
                }
                String call = "Runtime." + name;
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitLdcInsn(call);
                        super.visitVarInsn(Opcodes.ILOAD, 1);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "check", "(Ljava/lang/String;I)V", false);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
