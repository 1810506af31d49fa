package jtorch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jtorch.Device;
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
    void requireAvailable_failsForAcceleratorsAsPyTorchsCpuBuild() {
        assertSame(Device.CPU, Device.CPU.requireAvailable());
        assertEquals("Torch not compiled with CUDA enabled",
                assertThrows(IllegalStateException.class, () -> Device.of("cuda").requireAvailable()).getMessage());
        assertEquals("PyTorch is not linked with support for mps devices",
                assertThrows(IllegalStateException.class, () -> Device.of("mps").requireAvailable()).getMessage());
    }
}
