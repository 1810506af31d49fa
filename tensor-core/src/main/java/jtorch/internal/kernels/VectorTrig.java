package jtorch.internal.kernels;

import static jtorch.internal.kernels.VectorKernels.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link FloatTrig}'s near path lane by lane over whole vectors, in {@link VectorKernels}'
 * species. A vector with a lane not below {@link FloatTrig#NEAR} (or NaN) is handed to {@link
 * FloatTrig#sinFloat} / {@link FloatTrig#cosFloat}, which decide the path per group of {@link
 * FloatTrig#GROUP} as PyTorch does; so does the tail, and a species whose length is not a multiple
 * of the group. Both loops therefore do all {@code n} elements, groups counted from {@code ao}.
 */
final class VectorTrig {
    private VectorTrig() {}

    /**
     * {@code c[i] = sin(a[i])} as {@link FloatTrig#sinFloat}, the same float operations in the same
     * order; returns {@code n}, all done. One loop body without vector calls: a vector passed
     * across one would be boxed.
     */
    static int sinFloat(float[] a, int ao, float[] c, int co, int n) {
        if (F.length() % FloatTrig.GROUP != 0) {
            FloatTrig.sinFloat(a, ao, c, co, n);
            return n;
        }
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector piA = FloatVector.broadcast(F, FloatTrig.PI_A);
        FloatVector c2 = FloatVector.broadcast(F, FloatTrig.C2);
        FloatVector c3 = FloatVector.broadcast(F, FloatTrig.C3);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, ao + i);
            if (!x.abs().compare(VectorOperators.LT, FloatTrig.NEAR).allTrue()) {
                FloatTrig.sinFloat(a, ao + i, c, co + i, F.length());
                continue;
            }
            FloatVector shifted = x.mul(FloatTrig.ONE_OVER_PI).add(FloatTrig.SHIFTER);
            FloatVector k = shifted.sub(FloatTrig.SHIFTER);
            IntVector q = shifted.reinterpretAsInts().sub(FloatTrig.SHIFTER_BITS);
            FloatVector v = k.fma(piA, x);
            FloatVector w = k.mul(FloatTrig.PI_B);
            FloatVector sx = v.add(w);
            FloatVector sv = sx.sub(v);
            FloatVector sy = v.sub(sx.sub(sv)).add(w.sub(sv));
            FloatVector z = k.mul(FloatTrig.PI_C);
            FloatVector tx = sx.add(z);
            FloatVector ty = sx.sub(tx).add(z).add(sy);
            // FloatTrig.series
            FloatVector s2x = tx.mul(tx);
            FloatVector s2y = tx.add(tx).fma(ty, tx.fma(tx, s2x.neg()));
            FloatVector p = s2x.fma(FloatTrig.C0, FloatTrig.C1).fma(s2x, c2);
            FloatVector m = p.mul(s2x);
            FloatVector ax = c3.add(m);
            FloatVector ay = c3.sub(ax).add(m);
            FloatVector bx = ax.mul(s2x);
            FloatVector by = ax.fma(s2y, ay.fma(s2x, ax.fma(s2x, bx.neg())));
            FloatVector cx = one.add(bx);
            FloatVector cy = one.sub(cx).add(bx).add(by);
            FloatVector u = tx.fma(cx, ty.fma(cx, tx.mul(cy)));
            u = u.reinterpretAsInts().lanewise(VectorOperators.XOR, q.lanewise(VectorOperators.LSHL, 31))
                    .reinterpretAsFloats();
            u.blend(x, x.reinterpretAsInts().compare(VectorOperators.EQ, Integer.MIN_VALUE).cast(F))
                    .intoArray(c, co + i);
        }
        FloatTrig.sinFloat(a, ao + upper, c, co + upper, n - upper);
        return n;
    }

    /**
     * {@code c[i] = cos(a[i])} as {@link FloatTrig#cosFloat}, the same float operations in the same
     * order; returns {@code n}, all done. One loop body without vector calls: a vector passed
     * across one would be boxed.
     */
    static int cosFloat(float[] a, int ao, float[] c, int co, int n) {
        if (F.length() % FloatTrig.GROUP != 0) {
            FloatTrig.cosFloat(a, ao, c, co, n);
            return n;
        }
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector c2 = FloatVector.broadcast(F, FloatTrig.C2);
        FloatVector c3 = FloatVector.broadcast(F, FloatTrig.C3);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, ao + i);
            if (!x.abs().compare(VectorOperators.LT, FloatTrig.NEAR).allTrue()) {
                FloatTrig.cosFloat(a, ao + i, c, co + i, F.length());
                continue;
            }
            FloatVector shifted = x.fma(FloatTrig.ONE_OVER_PI, -0.5f).add(FloatTrig.SHIFTER);
            FloatVector dq = shifted.sub(FloatTrig.SHIFTER).fma(2f, 1f);
            // with dq = 2k + 1, cos x = -(-1)^k sin s: the sign bit set when k is even
            IntVector even = shifted.reinterpretAsInts().lanewise(VectorOperators.NOT)
                    .lanewise(VectorOperators.LSHL, 31);
            FloatVector w = dq.mul(FloatTrig.HALF_PI_A);
            FloatVector sx = x.add(w);
            FloatVector sv = sx.sub(x);
            FloatVector sy = x.sub(sx.sub(sv)).add(w.sub(sv));
            w = dq.mul(FloatTrig.HALF_PI_B);
            FloatVector tx = sx.add(w);
            FloatVector tv = tx.sub(sx);
            FloatVector ty = sx.sub(tx.sub(tv)).add(w.sub(tv)).add(sy);
            w = dq.mul(FloatTrig.HALF_PI_C);
            sx = tx.add(w);
            sv = sx.sub(tx);
            sy = tx.sub(sx.sub(sv)).add(w.sub(sv)).add(ty);
            // FloatTrig.series
            FloatVector s2x = sx.mul(sx);
            FloatVector s2y = sx.add(sx).fma(sy, sx.fma(sx, s2x.neg()));
            FloatVector p = s2x.fma(FloatTrig.C0, FloatTrig.C1).fma(s2x, c2);
            FloatVector m = p.mul(s2x);
            FloatVector ax = c3.add(m);
            FloatVector ay = c3.sub(ax).add(m);
            FloatVector bx = ax.mul(s2x);
            FloatVector by = ax.fma(s2y, ay.fma(s2x, ax.fma(s2x, bx.neg())));
            FloatVector cx = one.add(bx);
            FloatVector cy = one.sub(cx).add(bx).add(by);
            FloatVector u = sx.fma(cx, sy.fma(cx, sx.mul(cy)));
            u.reinterpretAsInts().lanewise(VectorOperators.XOR, even).reinterpretAsFloats().intoArray(c, co + i);
        }
        FloatTrig.cosFloat(a, ao + upper, c, co + upper, n - upper);
        return n;
    }
}
