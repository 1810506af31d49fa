package jtorch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jtorch.DType;
import jtorch.Device;
import jtorch.Size;
import jtorch.Tensor;
import jtorch.nn;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/** torch.device's parsing, str/repr and PyTorch's CPU-only errors. */
class DeviceTest {
    @Test
    void of_parsesPyTorchsDeviceStrings() {
        assertSame(Device.CPU, Device.of("cpu"));
        assertEquals("cpu", Device.of("cpu").type());
        assertNull(Device.of("cpu").index());
        assertEquals("device(type='cpu')", Device.of("cpu").repr());
        assertEquals("device(type='cuda', index=1)", Device.of("cuda:1").repr());
        assertEquals("cuda:1", Device.of("cuda", 1).toString());
        assertEquals("cpu:0", Device.of("cpu", 0).toString());
    }

    @Test
    void badStrings_getPyTorchsMessages() {
        assertEquals("Device string must not be empty",
                assertThrows(IllegalArgumentException.class, () -> Device.of("")).getMessage());
        assertEquals("Invalid device string: 'cpu:x'",
                assertThrows(IllegalArgumentException.class, () -> Device.of("cpu:x")).getMessage());
        assertEquals("Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, ort, xla,"
                + " lazy, vulkan, mps, meta, hpu, privateuseone device type at start of device string: gpu",
                assertThrows(IllegalArgumentException.class, () -> Device.of("gpu")).getMessage());
    }

    @Test
    void tensorsAndModules_liveOnTheCpu() {
        Tensor x = torch.ones(2);
        assertEquals(Device.CPU, x.device());
        assertEquals("device(type='cpu')", x.device().repr());
        assertTrue(x.isCpu());
        assertSame(x, x.cpu());
        assertSame(x, x.to("cpu"));
        assertSame(x, x.to(torch.device("cpu")));
        assertEquals(DType.FLOAT64, x.to(torch.device("cpu"), torch.float64).dtype());
        assertEquals("cuda:0", torch.device("cuda", 0).toString());
        assertFalse(torch.cuda.isAvailable());
        assertEquals(0, torch.cuda.deviceCount());
        assertFalse(torch.backends.mps.isAvailable());
        assertFalse(torch.backends.mps.isBuilt());
        nn.Linear model = new nn.Linear(2, 1).to("cpu");
        assertEquals(1, model.outFeatures());
        assertEquals("Torch not compiled with CUDA enabled",
                assertThrows(IllegalStateException.class, () -> x.to("cuda")).getMessage());
        assertEquals("Torch not compiled with CUDA enabled",
                assertThrows(IllegalStateException.class, () -> model.to("cuda:0")).getMessage());
    }

    @Test
    void creationFunctions_takeADevice() {
        assertEquals("tensor([0., 0.])", torch.zeros(new int[] {2}, "cpu").toString());
        assertEquals("tensor([1., 1.])", torch.ones(new int[] {2}, torch.device("cpu")).toString());
        assertEquals(Size.of(1, 2), torch.rand(new int[] {1, 2}, "cpu").shape());
        assertEquals(Size.of(3), torch.randn(new int[] {3}, Device.CPU).shape());
        assertEquals(Size.of(2), torch.empty(new int[] {2}, "cpu").shape());
        assertEquals("tensor([1, 2])", torch.tensor(new long[] {1, 2}, Device.CPU).toString());
        assertEquals("Torch not compiled with CUDA enabled",
                assertThrows(IllegalStateException.class, () -> torch.zeros(new int[] {2}, "cuda")).getMessage());
        assertEquals("tensor([[1., 0., 0.],\n        [0., 1., 0.]], requires_grad=True)", torch.eye(2, 3, true).toString());
        assertTrue(torch.eye(2, 2, torch.float64, true).requiresGrad());
    }

    @Test
    void requireAvailable_failsForAcceleratorsAsPyTorchsCpuBuild() {
        assertSame(Device.CPU, Device.CPU.requireAvailable());
        assertEquals("Torch not compiled with CUDA enabled",
                assertThrows(IllegalStateException.class, () -> Device.of("cuda").requireAvailable()).getMessage());
        assertEquals("PyTorch is not linked with support for mps devices",
                assertThrows(IllegalStateException.class, () -> Device.of("mps").requireAvailable()).getMessage());
    }
}
