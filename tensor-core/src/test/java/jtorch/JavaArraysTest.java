package jtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.ShortBuffer;
import org.junit.jupiter.api.Test;

/** Tensors over caller-owned Java arrays and NIO buffers, and copies back out. */
class JavaArraysTest {

    @Test
    void fromArray_sharesTheArray() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = torch.fromArray(data, 2, 3);
        assertEquals("tensor([[1., 2., 3.],\n        [4., 5., 6.]])", t.toString());
        data[0] = 10;
        t.mul_(2);
        assertArrayEquals(new float[] {20, 4, 6, 8, 10, 12}, data);
    }

    @Test
    void fromArray_defaultShapeIsOneDimAndMinusOneInfers() {
        assertEquals(Size.of(3), torch.fromArray(new double[] {1, 2, 3}).shape());
        assertEquals(Size.of(2, 2), torch.fromArray(new long[] {1, 2, 3, 4}, -1, 2).shape());
        assertEquals(torch.int32, torch.fromArray(new int[] {1}).dtype());
        assertEquals(torch.int16, torch.fromArray(new short[] {1}).dtype());
        assertEquals(torch.int8, torch.fromArray(new byte[] {1}).dtype());
    }

    @Test
    void fromArray_wrongShape_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> torch.fromArray(new float[5], 2, 3));
        assertEquals("shape '[2, 3]' is invalid for input of size 5", e.getMessage());
    }

    @Test
    void fromArray_bytesAsUint8AndBool() {
        byte[] pixels = {0, (byte) 200, (byte) 255};
        assertEquals("tensor([  0, 200, 255], dtype=torch.uint8)", torch.fromArray(pixels, torch.uint8).toString());
        assertEquals("tensor([False,  True,  True])", torch.fromArray(pixels, torch.bool).toString());
        assertThrows(IllegalArgumentException.class, () -> torch.fromArray(pixels, torch.float32));
    }

    @Test
    void fromArray_shortBitsAsHalf() {
        short[] bits = {0x3c00, 0x3800};
        assertEquals("tensor([1.0000, 0.5000], dtype=torch.float16)", torch.fromArray(bits, torch.float16).toString());
    }

    @Test
    void fromBuffer_heapBufferStartsAtPosition() {
        float[] backing = {9, 1, 2, 3, 4};
        FloatBuffer buf = FloatBuffer.wrap(backing);
        buf.position(1);
        Tensor t = torch.fromBuffer(buf, 2, 2);
        assertEquals("tensor([[1., 2.],\n        [3., 4.]])", t.toString());
        t.add_(1);
        assertArrayEquals(new float[] {9, 2, 3, 4, 5}, backing);
    }

    @Test
    void fromBuffer_directBufferIsShared() {
        DoubleBuffer buf = ByteBuffer.allocateDirect(3 * 8).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        buf.put(new double[] {1.5, 2.5, 3.5}).flip();
        Tensor t = torch.fromBuffer(buf);
        assertNull(t.impl.storage().array());
        assertEquals("tensor([1.5000, 2.5000, 3.5000], dtype=torch.float64)", t.toString());
        t.fill_(7);
        assertEquals(7.0, buf.get(2));
        assertArrayEquals(new double[] {7, 7, 7}, t.toDoubleArray());
        assertEquals("tensor([14., 14., 14.], dtype=torch.float64)", t.add(t).toString());
    }

    @Test
    void fromBuffer_integerBuffers() {
        assertEquals("tensor([1, 2])", torch.fromBuffer(LongBuffer.wrap(new long[] {1, 2})).toString());
        assertEquals("tensor([1, 2], dtype=torch.int32)", torch.fromBuffer(IntBuffer.wrap(new int[] {1, 2})).toString());
        assertEquals("tensor([1, 2], dtype=torch.int16)",
                torch.fromBuffer(ShortBuffer.wrap(new short[] {1, 2})).toString());
        ByteBuffer direct = ByteBuffer.allocateDirect(2);
        direct.put(0, (byte) 255);
        assertEquals("tensor([255,   0], dtype=torch.uint8)", torch.fromBuffer(direct).toString());
    }

    @Test
    void fromBuffer_bytesReadAsFloats() {
        ByteBuffer bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putFloat(0, 1.5f).putFloat(4, -2f);
        assertEquals("tensor([ 1.5000, -2.0000])", torch.fromBuffer(bytes, torch.float32).toString());
    }

    @Test
    void fromBuffer_readOnlyRejectsWrites() {
        Tensor t = torch.fromBuffer(FloatBuffer.wrap(new float[] {1, 2}).asReadOnlyBuffer());
        assertEquals("tensor([1., 2.])", t.toString());
        assertThrows(ReadOnlyBufferException.class, () -> t.fill_(0));
    }

    @Test
    void exports_convertAndCopy() {
        Tensor t = torch.tensor(new double[][] {{1.5, -2.5}, {3, 4}});
        assertArrayEquals(new float[] {1.5f, -2.5f, 3, 4}, t.toFloatArray());
        assertArrayEquals(new double[] {3, 4}, t.index(1).toDoubleArray());
        assertArrayEquals(new long[] {1, -2, 3, 4}, t.toLongArray());
        assertArrayEquals(new int[] {1, 3, -2, 4}, t.t().toIntArray());
    }

    @Test
    void toArray_nestedOfDtypeType() {
        float[][] f = (float[][]) torch.tensor(new double[][] {{1, 2}, {3, 4}}).toArray();
        assertArrayEquals(new float[] {3, 4}, f[1]);
        long[][][] l = (long[][][]) torch.arange(8).view(2, 2, 2).toArray();
        assertEquals(7L, l[1][1][1]);
        boolean[] b = (boolean[]) torch.tensor(new boolean[] {true, false}).toArray();
        assertArrayEquals(new boolean[] {true, false}, b);
        short[] u = (short[]) torch.tensor(new long[] {200}, torch.uint8).toArray();
        assertEquals(200, u[0]);
        assertEquals(2.5f, torch.tensor(2.5).toArray());
    }
}
