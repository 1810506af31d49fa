package jtorch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jtorch.DType;
import jtorch.Device;
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
    void requireAvailable_failsForAcceleratorsAsPyTorchsCpuBuild() {
        assertSame(Device.CPU, Device.CPU.requireAvailable());
        assertEquals("Torch not compiled with CUDA enabled",
                assertThrows(IllegalStateException.class, () -> Device.of("cuda").requireAvailable()).getMessage());
        assertEquals("PyTorch is not linked with support for mps devices",
                assertThrows(IllegalStateException.class, () -> Device.of("mps").requireAvailable()).getMessage());
    }
}
