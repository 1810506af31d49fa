package jtorch.internal.kernels;

import static jtorch.internal.kernels.VectorKernels.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/** {@link FloatLog#log}'s steps lane by lane over whole vectors, in {@link VectorKernels}' species. */
final class VectorLog {
    private VectorLog() {}

    /**
     * {@code c[i] = log(a[i])} as {@link FloatLog#log}, the same float operations in the same
     * order; returns how many were done. One loop body without calls: a vector passed across one
     * would be boxed.
     */
    static int logFloat(float[] a, int ao, float[] c, int co, int n) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector ln2Hi = FloatVector.broadcast(F, FloatLog.LN2_HI);
        FloatVector ln2Lo = FloatVector.broadcast(F, FloatLog.LN2_LO);
        FloatVector c0 = FloatVector.broadcast(F, FloatLog.C0);
        FloatVector c1 = FloatVector.broadcast(F, FloatLog.C1);
        FloatVector c2 = FloatVector.broadcast(F, FloatLog.C2);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector d = FloatVector.fromArray(F, a, ao + i);
            VectorMask<Float> subnormal = d.compare(VectorOperators.LT, Float.MIN_NORMAL);
            FloatVector x = d.blend(d.mul(FloatLog.SUBNORMAL_SCALE), subnormal);
            IntVector e = x.mul(FloatLog.THIRD_UP).reinterpretAsInts().lanewise(VectorOperators.LSHR, 23)
                    .lanewise(VectorOperators.AND, 0xff).sub(0x7f);
            FloatVector m = x.reinterpretAsInts().add(e.neg().lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
            FloatVector fe = (FloatVector) e.convert(VectorOperators.I2F, 0);
            fe = fe.blend(fe.sub(64f), subnormal);
            FloatVector sx = ln2Hi.mul(fe);
            FloatVector sy = ln2Lo.fma(fe, ln2Hi.fma(fe, sx.neg()));
            FloatVector nx = m.sub(1f);
            FloatVector nv = nx.add(1f);
            FloatVector ny = one.neg().sub(nx.sub(nv)).add(m.sub(nv));
            FloatVector dx = m.add(1f);
            FloatVector dv = dx.sub(1f);
            FloatVector dy = one.sub(dx.sub(dv)).add(m.sub(dv));
            FloatVector t = one.div(dx);
            FloatVector qx = nx.mul(t);
            FloatVector u = t.fma(nx, qx.neg());
            FloatVector v = dy.neg().fma(t, dx.neg().fma(t, one));
            FloatVector qy = qx.fma(v, ny.fma(t, u));
            FloatVector x2 = qx.mul(qx);
            FloatVector p = c0.fma(x2, c1).fma(x2, c2);
            FloatVector hx = qx.mul(2f);
            FloatVector hy = qy.mul(2f);
            FloatVector s2x = sx.add(hx);
            FloatVector s2y = sx.sub(s2x).add(hx).add(sy).add(hy);
            FloatVector w = x2.mul(qx).mul(p);
            FloatVector s3x = s2x.add(w);
            FloatVector s3y = s2x.sub(s3x).add(w).add(s2y);
            FloatVector r = s3x.add(s3y);
            r = r.blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
            r = r.blend(Float.NaN, d.compare(VectorOperators.LT, 0f).or(d.compare(VectorOperators.NE, d)));
            r.blend(Float.NEGATIVE_INFINITY, d.compare(VectorOperators.EQ, 0f)).intoArray(c, co + i);
        }
        return upper;
    }
}
