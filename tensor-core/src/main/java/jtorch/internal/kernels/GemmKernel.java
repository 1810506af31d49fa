package jtorch.internal.kernels;

/**
 * One element type's GEMM building blocks for {@link GemmDriver}: packing of operand blocks into
 * zero-padded panels and the register-blocked micro-kernel.
 *
 * <p>Invariants: a packed A block holds micro-panels of {@link #mr} rows, element {@code (r, p)}
 * of a panel at {@code p * mr + r}; a packed B block holds micro-panels of {@link #nr} columns,
 * element {@code (p, j)} at {@code p * nr + j}; rows and columns past the matrix edge are zero
 * when the micro-kernel reads whole register blocks ({@link #padded}), and unset otherwise.
 * Every implementation computes each element of C as one fused multiply-add chain over
 * {@code p = 0 .. k-1} in order, starting from C's value (accumulate) or zero, so the vector and
 * the scalar kernels, every blocking and every thread split give bit-identical results.
 *
 * @param <A> the array type, {@code float[]} or {@code double[]}
 */
abstract class GemmKernel<A> {
    /** Register block: rows of A and columns of B per micro-kernel call. */
    final int mr;
    final int nr;
    /**
     * Cache blocks: depth of a packed panel, rows of A packed at once at least ({@link GemmDriver}
     * packs up to its limit), columns of a packed B block.
     */
    final int kc;
    final int mc;
    final int nc;
    /**
     * Whether {@link #micro} reads whole {@code mr x nr} panels (the vector kernels), so packing
     * zeroes what lies past the matrix edge. The plain kernels read only the rows and columns
     * they compute, and their panels are wide: a 10-column B^T (an MLP's last layer) zeroed
     * 1014 columns per depth step (64x256 @ 256x10^T 45 -> 33 us without it).
     */
    final boolean padded;

    private final ThreadLocal<Workspace<A>> workspace = ThreadLocal.withInitial(Workspace::new);

    GemmKernel(int mr, int nr, int kc, int mcPanels, int ncPanels, boolean padded) {
        this.mr = mr;
        this.nr = nr;
        this.kc = kc;
        this.mc = mcPanels * mr;
        this.nc = ncPanels * nr;
        this.padded = padded;
    }

    /** A new array of {@code length} zeros. */
    abstract A allocate(int length);

    abstract int length(A array);

    /** {@code dst[d + q*ds] = src[s + q*ss]} for {@code q < n}. */
    abstract void copy(A src, int s, int ss, A dst, int d, int ds, int n);

    /** Zeroes {@code array[from, to)}. */
    abstract void fill(A array, int from, int to);

    /**
     * {@code C[i .. i+rows, j .. j+cols) (+)= Apanel * Bpanel} over depth {@code kc}: the panels start
     * at {@code ao} in {@code ap} and {@code bo} in {@code bp}; {@code add} continues from C's values.
     * {@code tile} ({@code mr * nr} elements) stages partial or strided tiles of C.
     */
    abstract void micro(int kc, A ap, int ao, A bp, int bo, MatrixView<A> c, int i, int j, int rows, int cols,
                        boolean add, A tile);

    /** The whole product without packing, for problems too small to pay for it; same chains as {@link #micro}. */
    abstract void unpacked(int m, int n, int k, MatrixView<A> a, MatrixView<A> b, MatrixView<A> c, boolean add);

    /** Packs rows {@code [i0, i0+rows)} and depth {@code [p0, p0+kc)} of {@code a} into micro-panels of mr rows. */
    final void packA(MatrixView<A> a, int i0, int rows, int p0, int kc, A dst) {
        for (int ip = 0; ip < rows; ip += mr) {
            int h = Math.min(mr, rows - ip);
            if (h == mr) {
                packAPanel(a, i0 + ip, p0, kc, dst, ip * kc);
            } else {
                packAPanel(a, i0 + ip, h, p0, kc, dst, ip * kc);
            }
        }
    }

    /**
     * Packs depth {@code [p0, p0+kc)} and columns {@code [j0, j0+cols)} of {@code b} into micro-panels
     * of nr columns, from {@code dst[base]}.
     */
    final void packB(MatrixView<A> b, int p0, int kc, int j0, int cols, A dst, int base) {
        for (int jp = 0; jp < cols; jp += nr) {
            int w = Math.min(nr, cols - jp);
            if (w == nr) {
                packBPanel(b, p0, kc, j0 + jp, dst, base + jp * kc);
            } else {
                packBPanel(b, p0, kc, j0 + jp, w, dst, base + jp * kc);
            }
        }
    }

    /** Packs the full micro-panel of A at rows {@code [i0, i0+mr)}, depth {@code [p0, p0+kc)}, into {@code dst} from {@code base}. */
    void packAPanel(MatrixView<A> a, int i0, int p0, int kc, A dst, int base) {
        packAPanel(a, i0, mr, p0, kc, dst, base);
    }

    /** Packs the micro-panel of A's {@code h <= mr} rows from {@code i0} ({@link #padded}: zero-padded to mr rows). */
    private void packAPanel(MatrixView<A> a, int i0, int h, int p0, int kc, A dst, int base) {
        if (a.rowStride() == 1 && a.colStride() != 1) {
            // A^T of a row-major matrix: the rows of one depth step are adjacent
            for (int p = 0; p < kc; p++) {
                int d = base + p * mr;
                copy(a.data(), a.index(i0, p0 + p), 1, dst, d, 1, h);
                if (padded) {
                    fill(dst, d + h, d + mr);
                }
            }
            return;
        }
        if (h < mr && padded) {
            fill(dst, base, base + kc * mr);
        }
        for (int r = 0; r < h; r++) {
            copy(a.data(), a.index(i0 + r, p0), a.colStride(), dst, base + r, mr, kc);
        }
    }

    /** Packs the full micro-panel of B at columns {@code [j0, j0+nr)}, depth {@code [p0, p0+kc)}, into {@code dst} from {@code base}. */
    void packBPanel(MatrixView<A> b, int p0, int kc, int j0, A dst, int base) {
        packBPanel(b, p0, kc, j0, nr, dst, base);
    }

    /**
     * Packs the micro-panel of B's {@code w <= nr} columns from {@code j0} ({@link #padded}: zero-padded
     * to nr columns), a depth step's row at a time: the writes are contiguous, and B^T of a
     * row-major matrix (a Linear weight) is read along a stride. Column by column, the reads were
     * contiguous but the writes nr elements apart, in the plain float kernel 4 KiB, all in one L1
     * set: its 64x784 @ 784x256^T (a Linear layer's forward, on the plain kernel in a session's
     * first seconds) took 3.8 ms, now 1.07.
     */
    private void packBPanel(MatrixView<A> b, int p0, int kc, int j0, int w, A dst, int base) {
        for (int p = 0; p < kc; p++) {
            int d = base + p * nr;
            copy(b.data(), b.index(p0 + p, j0), b.colStride(), dst, d, 1, w);
            if (padded) {
                fill(dst, d + w, d + nr);
            }
        }
    }

    /** Copies C's {@code rows x cols} tile at {@code (i, j)} into {@code tile} (row length nr). */
    final void gather(MatrixView<A> c, int i, int j, int rows, int cols, A tile) {
        for (int r = 0; r < rows; r++) {
            copy(c.data(), c.index(i + r, j), c.colStride(), tile, r * nr, 1, cols);
        }
    }

    /** Writes the {@code rows x cols} corner of {@code tile} (row length nr) to C at {@code (i, j)}. */
    final void scatter(A tile, MatrixView<A> c, int i, int j, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            copy(tile, r * nr, 1, c.data(), c.index(i + r, j), c.colStride(), cols);
        }
    }

    /**
     * This thread's packing buffers, grown to the requested sizes and reused by later calls; the
     * A buffer has nr elements of slack, as a panel's packing may write that far past its end, and
     * the B buffer a cache line's, so that the packed B block can start on a line ({@link Workspace#b0}).
     */
    Workspace<A> workspace(int aLength, int bLength) {
        Workspace<A> w = workspace.get();
        if (w.a == null || length(w.a) < aLength + nr) {
            w.a = allocate(aLength + nr);
        }
        if (w.b == null || length(w.b) < bLength + LINE_SLACK) {
            w.b = allocate(bLength + LINE_SLACK);
        }
        if (w.tile == null) {
            w.tile = allocate(mr * nr);
        }
        w.b0 = CacheLines.lineStart(w.b);
        return w;
    }

    /** Elements past a packed B block's length that its start may move by: a cache line of floats. */
    private static final int LINE_SLACK = CacheLines.BYTES / Float.BYTES;

    /**
     * Per-thread packed A block, packed B block and staging tile; the packed B block starts at
     * {@code b0} of its buffer, on a cache line when {@link CacheLines} knows where that is (set
     * by each {@link #workspace} call, as the collector may have moved the buffer since).
     */
    static final class Workspace<A> {
        A a;
        A b;
        int b0;
        A tile;
    }
}
