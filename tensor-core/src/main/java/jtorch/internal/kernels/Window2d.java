package jtorch.internal.kernels;

/**
 * The walk of a 2-d window over an {@code (inH, inW)} plane, as convolution and pooling do it:
 * output position {@code (oh, ow)} reads input rows {@code oh * sh - ph + i * dh} and columns
 * {@code ow * sw - pw + j * dw} for kernel offsets {@code i < kh}, {@code j < kw}; positions
 * outside the plane are padding.
 *
 * @param inH input height
 * @param inW input width
 * @param kh kernel height
 * @param kw kernel width
 * @param sh vertical stride (positive)
 * @param sw horizontal stride (positive)
 * @param ph padding above (rows before the first input row)
 * @param pw padding to the left
 * @param dh vertical dilation (positive)
 * @param dw horizontal dilation (positive)
 * @param outH output height
 * @param outW output width
 */
public record Window2d(int inH, int inW, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int outH,
                       int outW) {
    /** Elements of one input plane. */
    public int inPlane() {
        return inH * inW;
    }

    /** Elements of one output plane. */
    public int outPlane() {
        return outH * outW;
    }

    /** Whether every output position reads exactly the input element at the same place (a 1x1 kernel, no stride or padding). */
    public boolean isIdentity() {
        return kh == 1 && kw == 1 && sh == 1 && sw == 1 && ph == 0 && pw == 0 && outH == inH && outW == inW;
    }
}
