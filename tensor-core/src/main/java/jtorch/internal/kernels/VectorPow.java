package jtorch.internal.kernels;

import static jtorch.internal.kernels.VectorKernels.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link FloatPow#pow}'s steps lane by lane over whole vectors, in {@link VectorKernels}' species:
 * tensor to tensor, and tensor to a scalar through the same loop with the exponent in a block
 * (one loop body without calls, as a vector passed across one would be boxed).
 * Masks are combined with {@code and}, {@code or} and {@code not} only: the body is large enough
 * that C2 reaches its inlining node cutoff, and {@code VectorMask.andNot}, not forced inline as
 * those are, was then left a call (the mask boxed; 4M tensor^tensor 36 ms against 16 ms without).
 */
final class VectorPow {
    /** Elements of a scalar exponent per call of the tensor-exponent loop (a multiple of every species' length). */
    private static final int EXPONENT_BLOCK = 1024;

    private VectorPow() {}

    /**
     * {@code c[i] = pow(a[i], b[i])} as {@link FloatPow#pow}, the same float operations in the same
     * order; returns how many were done.
     */
    static int powFloat(float[] a, int ao, float[] b, int bo, float[] c, int co, int n) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector minusOne = FloatVector.broadcast(F, -1f);
        FloatVector infinity = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        FloatVector allOnes = FloatVector.broadcast(F, FloatLog1p.ALL_ONES);
        FloatVector ln2Hi = FloatVector.broadcast(F, FloatLog.LN2_HI);
        FloatVector ln2Lo = FloatVector.broadcast(F, FloatLog.LN2_LO);
        FloatVector t0 = FloatVector.broadcast(F, FloatPow.LOG_T0);
        FloatVector t1 = FloatVector.broadcast(F, FloatPow.LOG_T1);
        FloatVector t2 = FloatVector.broadcast(F, FloatPow.LOG_T2);
        FloatVector cHi = FloatVector.broadcast(F, FloatPow.LOG_C_HI);
        FloatVector cLo = FloatVector.broadcast(F, FloatPow.LOG_C_LO);
        FloatVector negLn2Hi = FloatVector.broadcast(F, -FloatExp.LN2_HI);
        FloatVector negLn2Lo = FloatVector.broadcast(F, -FloatExp.LN2_LO);
        FloatVector u0 = FloatVector.broadcast(F, FloatPow.EXP_U0);
        FloatVector u1 = FloatVector.broadcast(F, FloatPow.EXP_U1);
        FloatVector u2 = FloatVector.broadcast(F, FloatPow.EXP_U2);
        FloatVector u3 = FloatVector.broadcast(F, FloatPow.EXP_U3);
        FloatVector u4 = FloatVector.broadcast(F, FloatPow.EXP_U4);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, ao + i);
            FloatVector y = FloatVector.fromArray(F, b, bo + i);
            FloatVector ax = x.abs();
            VectorMask<Float> subnormal = ax.compare(VectorOperators.LT, Float.MIN_NORMAL);
            FloatVector av = ax.blend(ax.mul(FloatLog.SUBNORMAL_SCALE), subnormal);
            IntVector e = av.mul(FloatLog.THIRD_UP).reinterpretAsInts().lanewise(VectorOperators.LSHR, 23)
                    .lanewise(VectorOperators.AND, 0xff).sub(0x7f);
            FloatVector m = av.reinterpretAsInts().add(e.neg().lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
            FloatVector fe = (FloatVector) e.convert(VectorOperators.I2F, 0);
            fe = fe.blend(fe.sub(64f), subnormal);
            FloatVector sx = ln2Hi.mul(fe);
            FloatVector sy = ln2Lo.fma(fe, ln2Hi.fma(fe, sx.neg()));
            FloatVector nx = m.sub(1f);
            FloatVector nv = nx.add(1f);
            FloatVector ny = minusOne.sub(nx.sub(nv)).add(m.sub(nv));
            FloatVector dx = m.add(1f);
            FloatVector dv = dx.sub(1f);
            FloatVector dy = one.sub(dx.sub(dv)).add(m.sub(dv));
            FloatVector t = one.div(dx);
            FloatVector zx = nx.mul(t);
            FloatVector u = t.fma(nx, zx.neg());
            FloatVector v = dy.neg().fma(t, dx.neg().fma(t, one));
            FloatVector zy = zx.fma(v, ny.fma(t, u));
            FloatVector z2x = zx.mul(zx);
            FloatVector z2y = zx.add(zx).fma(zy, zx.fma(zx, z2x.neg()));
            FloatVector p = t0.fma(z2x, t1).fma(z2x, t2);
            FloatVector hx = zx.mul(2f);
            FloatVector hy = zy.mul(2f);
            FloatVector s2x = sx.add(hx);
            FloatVector s2y = sx.sub(s2x).add(hx).add(sy).add(hy);
            FloatVector z3x = z2x.mul(zx);
            FloatVector z3y = z2x.fma(zy, z2y.fma(zx, z2x.fma(zx, z3x.neg())));
            FloatVector bx = z2x.mul(p);
            FloatVector by = z2y.fma(p, z2x.fma(p, bx.neg()));
            FloatVector cx = bx.add(cHi);
            v = cx.sub(bx);
            FloatVector cy = bx.sub(cx.sub(v)).add(cHi.sub(v)).add(by.add(cLo));
            FloatVector wx = z3x.mul(cx);
            FloatVector wy = z3x.fma(cy, z3y.fma(cx, z3x.fma(cx, wx.neg())));
            FloatVector lx = s2x.add(wx);
            FloatVector ly = s2x.sub(lx).add(wx).add(s2y).add(wy);
            FloatVector ex = lx.mul(y);
            FloatVector ey = ly.fma(y, lx.fma(y, ex.neg()));
            FloatVector qu = ex.add(ey).mul(FloatExp.LOG2E);
            qu = qu.blend(FloatPow.Q_LIMIT, qu.compare(VectorOperators.GT, FloatPow.Q_LIMIT));
            qu = qu.blend(-FloatPow.Q_LIMIT, qu.compare(VectorOperators.LT, -FloatPow.Q_LIMIT));
            FloatVector shifted = qu.add(FloatExp.SHIFTER);
            FloatVector qf = shifted.sub(FloatExp.SHIFTER);
            IntVector q = shifted.reinterpretAsInts().sub(FloatExp.SHIFTER_BITS);
            FloatVector pr = qf.mul(negLn2Hi);
            FloatVector rx = ex.add(pr);
            v = rx.sub(ex);
            FloatVector ry = ex.sub(rx.sub(v)).add(pr.sub(v)).add(ey);
            pr = qf.mul(negLn2Lo);
            FloatVector r2x = rx.add(pr);
            v = r2x.sub(rx);
            FloatVector r2y = rx.sub(r2x.sub(v)).add(pr.sub(v)).add(ry);
            FloatVector gx = r2x.add(r2y);
            FloatVector gy = r2x.sub(gx).add(r2y);
            FloatVector w = u0.fma(gx, u1).fma(gx, u2).fma(gx, u3).fma(gx, u4);
            FloatVector sqx = gx.mul(gx);
            FloatVector sqy = gx.add(gx).fma(gy, gx.fma(gx, sqx.neg()));
            FloatVector kx = sqx.mul(w);
            FloatVector ky = sqy.fma(w, sqx.fma(w, kx.neg()));
            FloatVector tx = gx.add(kx);
            FloatVector ty = gx.sub(tx).add(kx).add(gy).add(ky);
            FloatVector onex = one.add(tx);
            FloatVector oney = one.sub(onex).add(tx).add(ty);
            FloatVector f = onex.add(oney);
            IntVector sign = q.lanewise(VectorOperators.ASHR, 31);
            IntVector mq = sign.add(q).lanewise(VectorOperators.ASHR, 6).sub(sign).lanewise(VectorOperators.LSHL, 4);
            IntVector rest = q.sub(mq.lanewise(VectorOperators.LSHL, 2));
            FloatVector scale = mq.add(0x7f).max(0).min(0xff).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            f = f.mul(scale).mul(scale).mul(scale).mul(scale)
                    .mul(rest.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
            FloatVector r = f.blend(0f, ex.compare(VectorOperators.LT, FloatPow.EXP_LOW));
            r = r.blend(Float.POSITIVE_INFINITY, r.compare(VectorOperators.NE, r));
            FloatVector ay = y.abs();
            VectorMask<Float> yInt = ay.compare(VectorOperators.GE, FloatPow.WHOLE)
                    .or(ay.add(FloatPow.WHOLE).sub(FloatPow.WHOLE).compare(VectorOperators.EQ, ay));
            FloatVector half = ay.mul(0.5f);
            VectorMask<Float> yOdd = ay.compare(VectorOperators.LT, FloatPow.EVEN).and(yInt)
                    .and(half.add(FloatPow.WHOLE).sub(FloatPow.WHOLE).compare(VectorOperators.NE, half));
            VectorMask<Float> notPositive = x.compare(VectorOperators.GT, 0f).not();
            r = r.blend(r.neg(), notPositive.and(yOdd));
            r = r.blend(Float.NaN, notPositive.and(yInt.not()));
            FloatVector efx = ax.sub(1f).reinterpretAsInts()
                    .lanewise(VectorOperators.XOR, y.reinterpretAsInts().and(Integer.MIN_VALUE)).reinterpretAsFloats();
            FloatVector infiniteY = infinity.blend(1f, efx.compare(VectorOperators.EQ, 0f))
                    .blend(0f, efx.compare(VectorOperators.LT, 0f));
            r = r.blend(infiniteY, ay.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
            VectorMask<Float> xZero = x.compare(VectorOperators.EQ, 0f);
            FloatVector magnitude = infinity.blend(0f, y.blend(y.neg(), xZero).compare(VectorOperators.LT, 0f));
            magnitude = magnitude.blend(magnitude.reinterpretAsInts().or(x.reinterpretAsInts().and(Integer.MIN_VALUE))
                    .reinterpretAsFloats(), yOdd);
            r = r.blend(magnitude, ax.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY).or(xZero));
            r = r.blend(allOnes, x.compare(VectorOperators.NE, x).or(y.compare(VectorOperators.NE, y)));
            r.blend(1f, y.compare(VectorOperators.EQ, 0f).or(x.compare(VectorOperators.EQ, 1f))).intoArray(c, co + i);
        }
        return upper;
    }

    /**
     * {@code c[i] = pow(a[i], exponent)} as {@link FloatPow#pow}: {@link #powFloat}'s loop over a
     * block of the exponent at a time (an array in L1; its loads cost nothing measurable); returns
     * how many were done.
     */
    static int powScalarFloat(float[] a, int ao, float exponent, float[] c, int co, int n) {
        float[] exponents = new float[Math.min(n, EXPONENT_BLOCK)];
        java.util.Arrays.fill(exponents, exponent);
        int done = 0;
        while (done < n) {
            int len = Math.min(exponents.length, n - done);
            int k = powFloat(a, ao + done, exponents, 0, c, co + done, len);
            done += k;
            if (k < len) {
                break;
            }
        }
        return done;
    }
}
