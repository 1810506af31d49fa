package jtorch.internal.kernels;

import static jtorch.internal.kernels.VectorKernels.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * tanh's float32 vector kernels: the forward ({@link FloatTanh}'s steps) and the gradient from the
 * result ({@link Kernels#tanhGrad(float, float)}). Loaded, as {@link VectorKernels}, only with the
 * {@code jdk.incubator.vector} module.
 */
final class VectorTanh {
    private VectorTanh() {}

    /**
     * {@link FloatTanh#tanh}'s steps lane by lane, in the same order (each double-float step
     * written out: one loop body without calls, as {@link VectorKernels#expFloat}); returns how
     * many were done.
     */
    static int forward(float[] a, int ao, float[] c, int co, int n) {
        FloatVector one = FloatVector.broadcast(F, 1f);
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
            FloatVector abs = x.abs();
            FloatVector shifted = abs.mul(FloatExp.LOG2E).add(FloatExp.SHIFTER);
            FloatVector qf = shifted.sub(FloatExp.SHIFTER);
            IntVector q = shifted.reinterpretAsInts().sub(FloatExp.SHIFTER_BITS);
            FloatVector p = qf.mul(negLn2Hi);
            FloatVector sh = abs.add(p);
            FloatVector v = sh.sub(abs);
            FloatVector sl = abs.sub(sh.sub(v)).add(p.sub(v));
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
            FloatVector ih = one.div(eh);
            FloatVector il = ih.mul(el.neg().fma(ih, eh.neg().fma(ih, one)));
            FloatVector nh = eh.sub(ih);
            FloatVector nl = eh.sub(nh).sub(ih).add(el).sub(il);
            FloatVector dh = eh.add(ih);
            FloatVector dl = eh.sub(dh).add(ih).add(el).add(il);
            FloatVector t = one.div(dh);
            FloatVector yh = nh.mul(t);
            FloatVector w = t.fma(nh, yh.neg());
            FloatVector yl = dl.neg().fma(t, dh.neg().fma(t, one));
            yl = yh.fma(yl, nl.fma(t, w));
            FloatVector y = yh.add(yl);
            y = y.blend(one, abs.compare(VectorOperators.GT, FloatTanh.SATURATION).or(y.compare(VectorOperators.NE, y)));
            y = y.reinterpretAsInts().or(x.reinterpretAsInts().and(Integer.MIN_VALUE)).reinterpretAsFloats();
            y.blend(x, x.compare(VectorOperators.NE, x)).intoArray(c, co + i);
        }
        return upper;
    }

    /** {@link Kernels#tanhGrad(float[], int, int, float[], int, float[], int, int)}. */
    static void gradient(float[] g, int go, int gs, float[] r, int ro, float[] c, int co, int n) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector broadcast = FloatVector.broadcast(F, g[go]);
        int upper = F.loopBound(n);
        int i = 0;
        for (; i < upper; i += F.length()) {
            FloatVector grad = gs == 0 ? broadcast : FloatVector.fromArray(F, g, go + i);
            FloatVector y = FloatVector.fromArray(F, r, ro + i);
            y.neg().fma(y, one).mul(grad).intoArray(c, co + i);
        }
        for (; i < n; i++) {
            c[co + i] = Kernels.tanhGrad(g[go + i * gs], r[ro + i]);
        }
    }
}
