package jtorch.internal.kernels;

import static jtorch.internal.kernels.VectorKernels.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/** {@link FloatAtan#atan}'s steps lane by lane over whole vectors, in {@link VectorKernels}' species. */
final class VectorAtan {
    private VectorAtan() {}

    /**
     * {@code c[i] = atan(a[i])} as {@link FloatAtan#atan}, the same float operations in the same
     * order; returns how many were done. One loop body without calls: a vector passed across one
     * would be boxed.
     */
    static int atanFloat(float[] a, int ao, float[] c, int co, int n) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector zero = FloatVector.zero(F);
        FloatVector c0 = FloatVector.broadcast(F, FloatAtan.C0);
        FloatVector c1 = FloatVector.broadcast(F, FloatAtan.C1);
        FloatVector c2 = FloatVector.broadcast(F, FloatAtan.C2);
        FloatVector c3 = FloatVector.broadcast(F, FloatAtan.C3);
        FloatVector c4 = FloatVector.broadcast(F, FloatAtan.C4);
        FloatVector c5 = FloatVector.broadcast(F, FloatAtan.C5);
        FloatVector c6 = FloatVector.broadcast(F, FloatAtan.C6);
        FloatVector c7 = FloatVector.broadcast(F, FloatAtan.C7);
        FloatVector third = FloatVector.broadcast(F, FloatAtan.THIRD);
        FloatVector halfPiHi = FloatVector.broadcast(F, FloatAtan.HALF_PI_HI);
        FloatVector halfPiLo = FloatVector.broadcast(F, FloatAtan.HALF_PI_LO);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector d = FloatVector.fromArray(F, a, ao + i);
            FloatVector abs = d.abs();
            VectorMask<Float> above = abs.compare(VectorOperators.GT, 1f);
            FloatVector nn = abs.blend(-1f, above);
            FloatVector dn = one.blend(abs, above);
            FloatVector r = one.div(dn);
            FloatVector sx = nn.mul(r);
            FloatVector u = r.fma(nn, sx.neg());
            FloatVector v = dn.neg().fma(r, one);
            FloatVector sy = sx.fma(v, u);
            FloatVector tx = sx.mul(sx);
            FloatVector ty = sx.add(sx).fma(sy, sx.fma(sx, tx.neg()));
            FloatVector tn = tx.add(ty);
            ty = tx.sub(tn).add(ty);
            tx = tn;
            FloatVector p = c0.fma(tx, c1);
            p = p.fma(tx, c2);
            p = p.fma(tx, c3);
            p = p.fma(tx, c4);
            p = p.fma(tx, c5);
            p = p.fma(tx, c6);
            p = p.fma(tx, c7);
            FloatVector pt = p.mul(tx);
            FloatVector bx = third.add(pt);
            FloatVector by = third.sub(bx).add(pt);
            FloatVector mx = tx.mul(bx);
            FloatVector my = tx.fma(by, ty.fma(bx, tx.fma(bx, mx.neg())));
            FloatVector cx = one.add(mx);
            FloatVector cy = one.sub(cx).add(mx).add(my);
            FloatVector nx = sx.mul(cx);
            FloatVector ny = sx.fma(cy, sy.fma(cx, sx.fma(cx, nx.neg())));
            FloatVector q = zero.blend(one, above);
            FloatVector hx = halfPiHi.mul(q);
            FloatVector hy = halfPiLo.fma(q, halfPiHi.fma(q, hx.neg()));
            FloatVector rx = hx.add(nx);
            FloatVector ry = hx.sub(rx).add(nx).add(hy).add(ny);
            FloatVector y = rx.add(ry).blend(halfPiHi, abs.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
            y = y.reinterpretAsInts().lanewise(VectorOperators.XOR, d.reinterpretAsInts().and(Integer.MIN_VALUE))
                    .reinterpretAsFloats();
            FloatVector quiet = d.reinterpretAsInts().or(FloatExpm1.QUIET_BIT).reinterpretAsFloats();
            y.blend(quiet, d.compare(VectorOperators.NE, d)).intoArray(c, co + i);
        }
        return upper;
    }
}
