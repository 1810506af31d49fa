package jtorch.internal.kernels;

/**
 * The blocked loop nest of GEMM (as in BLIS): for each block of NC columns and each depth block
 * of KC, pack B once; for each block of MC rows, pack A; then run the micro-kernel over the
 * register tiles along rows of C: an A micro-panel (MR x KC) stays in L1 while the B micro-panels
 * stream from the packed B block in L2, and C is walked row-wise. Checks for cancellation once
 * per row of micro-panels (MR x KC x NC multiply-adds), so an interrupt lands within milliseconds
 * even while the micro-kernel still runs interpreted, as in a kernel that has just started.
 */
final class GemmDriver {
    private GemmDriver() {}

    /** {@code C[i0:i1, j0:j1] (+)= A[i0:i1, :] B[:, j0:j1]} over depth {@code k >= 1}. */
    static <A> void block(GemmKernel<A> kern, int k, MatrixView<A> a, MatrixView<A> b, MatrixView<A> c,
                          boolean accumulate, int i0, int i1, int j0, int j1) {
        int mr = kern.mr;
        int nr = kern.nr;
        int kcMax = Math.min(kern.kc, k);
        GemmKernel.Workspace<A> w = kern.workspace(kcMax * roundUp(Math.min(kern.mc, i1 - i0), mr),
                kcMax * roundUp(Math.min(kern.nc, j1 - j0), nr));
        for (int jc = j0; jc < j1; jc += kern.nc) {
            int nc = Math.min(kern.nc, j1 - jc);
            for (int pc = 0; pc < k; pc += kern.kc) {
                int kc = Math.min(kern.kc, k - pc);
                kern.packB(b, pc, kc, jc, nc, w.b);
                boolean add = accumulate || pc > 0;
                for (int ic = i0; ic < i1; ic += kern.mc) {
                    int mc = Math.min(kern.mc, i1 - ic);
                    kern.packA(a, ic, mc, pc, kc, w.a);
                    for (int ir = 0; ir < mc; ir += mr) {
                        Cancellation.check();
                        int rows = Math.min(mr, mc - ir);
                        for (int jr = 0; jr < nc; jr += nr) {
                            kern.micro(kc, w.a, ir * kc, w.b, jr * kc, c, ic + ir, jc + jr,
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
