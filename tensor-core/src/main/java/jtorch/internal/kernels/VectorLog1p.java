package jtorch.internal.kernels;

import static jtorch.internal.kernels.VectorKernels.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/** {@link FloatLog1p#log1p}'s steps lane by lane over whole vectors, in {@link VectorKernels}' species. */
final class VectorLog1p {
    private VectorLog1p() {}

    /**
     * {@code c[i] = log1p(a[i])} as {@link FloatLog1p#log1p}, the same float operations in the same
     * order; returns how many were done. One loop body without calls: a vector passed across one
     * would be boxed.
     */
    static int log1pFloat(float[] a, int ao, float[] c, int co, int n) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector two = FloatVector.broadcast(F, 2f);
        FloatVector ln2Hi = FloatVector.broadcast(F, FloatLog.LN2_HI);
        FloatVector ln2Lo = FloatVector.broadcast(F, FloatLog.LN2_LO);
        FloatVector c0 = FloatVector.broadcast(F, FloatLog.C0);
        FloatVector c1 = FloatVector.broadcast(F, FloatLog.C1);
        FloatVector c2 = FloatVector.broadcast(F, FloatLog.C2);
        FloatVector allOnes = FloatVector.zero(F).reinterpretAsInts().lanewise(VectorOperators.NOT)
                .reinterpretAsFloats();
        int oneBits = Float.floatToRawIntBits(1f);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector d = FloatVector.fromArray(F, a, ao + i);
            FloatVector dp1 = d.add(1f);
            IntVector e = dp1.mul(FloatLog.THIRD_UP).reinterpretAsInts().lanewise(VectorOperators.LSHR, 23)
                    .lanewise(VectorOperators.AND, 0xff).sub(0x7f);
            FloatVector t = e.neg().lanewise(VectorOperators.LSHL, 23).add(oneBits).reinterpretAsFloats();
            FloatVector m = d.fma(t, t.sub(1f));
            FloatVector fe = (FloatVector) e.convert(VectorOperators.I2F, 0);
            FloatVector sx = ln2Hi.mul(fe);
            FloatVector sy = ln2Lo.fma(fe, ln2Hi.fma(fe, sx.neg()));
            FloatVector dx = two.add(m);
            FloatVector dy = two.sub(dx).add(m);
            FloatVector r = one.div(dx);
            FloatVector qx = m.mul(r);
            FloatVector u = r.fma(m, qx.neg());
            FloatVector v = dy.neg().fma(r, dx.neg().fma(r, one));
            FloatVector qy = qx.fma(v, u);
            FloatVector x2 = qx.mul(qx);
            FloatVector p = c0.fma(x2, c1).fma(x2, c2);
            FloatVector hx = qx.mul(2f);
            FloatVector hy = qy.mul(2f);
            FloatVector s2x = sx.add(hx);
            FloatVector s2y = sx.sub(s2x).add(hx).add(sy).add(hy);
            FloatVector w = x2.mul(qx).mul(p);
            FloatVector s3x = s2x.add(w);
            FloatVector s3y = s2x.sub(s3x).add(w).add(s2y);
            FloatVector y = s3x.add(s3y);
            y = y.blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.GT, FloatLog1p.HUGE));
            y = y.blend(allOnes, d.compare(VectorOperators.LT, -1f));
            FloatVector quiet = d.reinterpretAsInts().or(FloatExpm1.QUIET_BIT).reinterpretAsFloats();
            y = y.blend(quiet, d.compare(VectorOperators.NE, d));
            y = y.blend(Float.NEGATIVE_INFINITY, d.compare(VectorOperators.EQ, -1f));
            y.blend(d, d.reinterpretAsInts().compare(VectorOperators.EQ, FloatExpm1.NEGATIVE_ZERO_BITS).cast(F))
                    .intoArray(c, co + i);
        }
        return upper;
    }
}
