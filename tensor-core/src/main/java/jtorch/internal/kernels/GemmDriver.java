package jtorch.internal.kernels;

/**
 * The blocked loop nest of GEMM (as in BLIS, with A packed once per depth block): for each depth
 * block of KC, pack the A rows of this call (up to {@link #PACKED_A_ROWS}, else chunk by
 * chunk); for each block of NC columns, pack B; then run the micro-kernel over the register
 * tiles along rows of C: an A micro-panel (MR x KC) serves every B micro-panel of the block in
 * turn while those stream from the packed B block (which starts on a cache line,
 * {@link GemmKernel.Workspace#b0}), and C is walked row-wise. Each micro-kernel call loads and
 * stores its tile of C once, so every depth block is one pass over C. A is packed (transposed by
 * gathers, the costly packing) once per depth block rather than once per NC columns: a 2048^2
 * product packed its A four times before. Checks for cancellation once per row of micro-panels
 * (MR x KC x NC multiply-adds), so an interrupt lands within milliseconds even while the
 * micro-kernel still runs interpreted, as in a kernel that has just started.
 */
final class GemmDriver {
    /**
     * Rows of A packed at once at most (rounded down to the kernel's MC): all rows of a 1024-row
     * product, or of one thread's half of a 2048-row one. Per thread that holds 4.4 MiB at the
     * vector kernels' depth blocks (KC 1024 floats or 512 doubles, 4 KiB per row); taller products
     * pack A in chunks of rows, B once per chunk. Measured against 2240 rows (all of a 2048^2
     * product at once) on an AMD EPYC core: 2048^2 within 0.4 % (thread CPU, alternated in one
     * JVM, one run).
     */
    static final int PACKED_A_ROWS = 1120;

    private GemmDriver() {}

    /** {@code C[i0:i1, j0:j1] (+)= A[i0:i1, :] B[:, j0:j1]} over depth {@code k >= 1}. */
    static <A> void block(GemmKernel<A> kern, int k, MatrixView<A> a, MatrixView<A> b, MatrixView<A> c,
                          boolean accumulate, int i0, int i1, int j0, int j1) {
        int mr = kern.mr;
        int nr = kern.nr;
        int kcMax = Math.min(kern.kc, k);
        int chunk = Math.max(kern.mc, PACKED_A_ROWS / kern.mc * kern.mc);
        GemmKernel.Workspace<A> w = kern.workspace(kcMax * roundUp(Math.min(chunk, i1 - i0), mr),
                kcMax * roundUp(Math.min(kern.nc, j1 - j0), nr));
        for (int ib = i0; ib < i1; ib += chunk) {
            int rowsB = Math.min(chunk, i1 - ib);
            for (int pc = 0; pc < k; pc += kern.kc) {
                int kc = Math.min(kern.kc, k - pc);
                kern.packA(a, ib, rowsB, pc, kc, w.a);
                boolean add = accumulate || pc > 0;
                for (int jc = j0; jc < j1; jc += kern.nc) {
                    int nc = Math.min(kern.nc, j1 - jc);
                    kern.packB(b, pc, kc, jc, nc, w.b, w.b0);
                    for (int ir = 0; ir < rowsB; ir += mr) {
                        Cancellation.check();
                        int rows = Math.min(mr, rowsB - ir);
                        for (int jr = 0; jr < nc; jr += nr) {
                            kern.micro(kc, w.a, ir * kc, w.b, w.b0 + jr * kc, c, ib + ir, jc + jr,
                                    rows, Math.min(nr, nc - jr), add, w.tile);
                        }
                    }
                }
            }
        }
    }

    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
