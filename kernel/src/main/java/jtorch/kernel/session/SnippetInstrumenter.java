package jtorch.kernel.session;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the bytecode JShell compiles from a cell before it is loaded: a call to
 * {@link CellGuard#poll()} at every method entry and before every backward jump (so loops and
 * recursion in cells can be interrupted; a static initializer only before its backward jumps), and
 * {@code System.exit}/{@code Runtime.exit}/{@code Runtime.halt} redirected to {@link CellGuard},
 * which throws {@link SystemExit} (where {@link ExitGuard} runs, it also stops the calls that
 * reflection, method handles or libraries make).
 *
 * <p>The inserted instructions neither consume nor leave stack values, so existing stack map
 * frames stay valid and nothing needs recomputing.
 */
final class SnippetInstrumenter {
    private static final String GUARD = CellGuard.class.getName().replace('.', '/');

    private SnippetInstrumenter() {}

    static byte[] instrument(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new GuardedMethod(mv, !"<clinit>".equals(name));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** A method with the guard's calls; a static initializer polls in its loops only, not on entry. */
    private static final class GuardedMethod extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();
        private final boolean pollOnEntry;

        GuardedMethod(MethodVisitor delegate, boolean pollOnEntry) {
            super(Opcodes.ASM9, delegate);
            this.pollOnEntry = pollOnEntry;
        }

        private void poll() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "poll", "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (pollOnEntry) {
                poll();
            }
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                poll();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && "java/lang/System".equals(owner)
                    && "exit".equals(name) && "(I)V".equals(descriptor)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "exit", "(I)V", false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && "java/lang/Runtime".equals(owner)
                    && ("exit".equals(name) || "halt".equals(name)) && "(I)V".equals(descriptor)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, name, "(Ljava/lang/Runtime;I)V", false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }
    }
}
