package jtorch.internal.kernels;

import static jtorch.internal.kernels.VectorKernels.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/** {@link FloatExpm1#expm1}'s steps lane by lane over whole vectors, in {@link VectorKernels}' species. */
final class VectorExpm1 {
    private VectorExpm1() {}

    /**
     * {@code c[i] = expm1(a[i])} as {@link FloatExpm1#expm1}, the same float operations in the same
     * order; returns how many were done. One loop body without calls: a vector passed across one
     * would be boxed.
     */
    static int expm1Float(float[] a, int ao, float[] c, int co, int n) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector minusOne = FloatVector.broadcast(F, -1f);
        FloatVector negLn2Hi = FloatVector.broadcast(F, -FloatExp.LN2_HI);
        FloatVector negLn2Lo = FloatVector.broadcast(F, -FloatExp.LN2_LO);
        FloatVector p0 = FloatVector.broadcast(F, FloatTanh.P0);
        FloatVector p1 = FloatVector.broadcast(F, FloatTanh.P1);
        FloatVector p2 = FloatVector.broadcast(F, FloatTanh.P2);
        FloatVector p3 = FloatVector.broadcast(F, FloatTanh.P3);
        FloatVector p4 = FloatVector.broadcast(F, FloatTanh.P4);
        FloatVector p5 = FloatVector.broadcast(F, FloatTanh.P5);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, ao + i);
            FloatVector shifted = x.mul(FloatExp.LOG2E).add(FloatExp.SHIFTER);
            FloatVector qf = shifted.sub(FloatExp.SHIFTER);
            IntVector q = shifted.reinterpretAsInts().sub(FloatExp.SHIFTER_BITS);
            FloatVector p = qf.mul(negLn2Hi);
            FloatVector sh = x.add(p);
            FloatVector v = sh.sub(x);
            FloatVector sl = x.sub(sh.sub(v)).add(p.sub(v));
            p = qf.mul(negLn2Lo);
            FloatVector th = sh.add(p);
            v = th.sub(sh);
            FloatVector tl = sh.sub(th.sub(v)).add(p.sub(v)).add(sl);
            sh = th;
            sl = tl;
            FloatVector u = p0.fma(sh, p1);
            u = u.fma(sh, p2);
            u = u.fma(sh, p3);
            FloatVector mh = sh.mul(u);
            FloatVector ml = sl.fma(u, sh.fma(u, mh.neg()));
            th = mh.add(p4);
            v = th.sub(mh);
            tl = mh.sub(th.sub(v)).add(p4.sub(v)).add(ml);
            mh = sh.mul(th);
            ml = sh.fma(tl, sl.fma(th, sh.fma(th, mh.neg())));
            th = mh.add(p5);
            v = th.sub(mh);
            tl = mh.sub(th.sub(v)).add(p5.sub(v)).add(ml);
            FloatVector qh = sh.mul(sh);
            FloatVector ql = sh.add(sh).fma(sl, sh.fma(sh, qh.neg()));
            mh = qh.mul(th);
            ml = qh.fma(tl, ql.fma(th, qh.fma(th, mh.neg())));
            FloatVector rh = sh.add(mh);
            v = rh.sub(sh);
            FloatVector rl = sh.sub(rh.sub(v)).add(mh.sub(v)).add(sl.add(ml));
            FloatVector eh = one.add(rh);
            FloatVector el = one.sub(eh).add(rh).add(rl);
            IntVector half = q.lanewise(VectorOperators.ASHR, 1);
            FloatVector scale0 = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector scale1 = q.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            eh = eh.mul(scale0).mul(scale1);
            el = el.mul(scale0).mul(scale1);
            FloatVector dh = eh.add(minusOne);
            v = dh.sub(eh);
            FloatVector dl = eh.sub(dh.sub(v)).add(minusOne.sub(v)).add(el);
            FloatVector y = dh.add(dl);
            y = y.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, FloatExpm1.OVERFLOW));
            y = y.blend(-1f, x.compare(VectorOperators.LT, FloatExpm1.SATURATION));
            FloatVector quiet = x.reinterpretAsInts().or(FloatExpm1.QUIET_BIT).reinterpretAsFloats();
            y = y.blend(quiet, x.compare(VectorOperators.NE, x));
            y.blend(x, x.reinterpretAsInts().compare(VectorOperators.EQ, FloatExpm1.NEGATIVE_ZERO_BITS).cast(F))
                    .intoArray(c, co + i);
        }
        return upper;
    }
}
