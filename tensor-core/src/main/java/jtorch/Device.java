package jtorch;

import java.util.List;
import java.util.Objects;

/**
 * {@code torch.device}: where a tensor lives. JTorch computes on the CPU only; a CUDA or MPS
 * device can be named (as in PyTorch's CPU build) but putting data there fails with PyTorch's
 * message. {@link #toString()} is Python's {@code str} ({@code cpu}, {@code cuda:1}),
 * {@link #repr()} its {@code repr} ({@code device(type='cpu')}).
 */
public final class Device {
    /** The CPU, where every JTorch tensor is. */
    public static final Device CPU = new Device("cpu", null);

    private static final List<String> TYPES = List.of("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl",
            "ideep", "hip", "ve", "fpga", "ort", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "privateuseone");

    private final String type;
    private final Integer index;

    private Device(String type, Integer index) {
        this.type = type;
        this.index = index;
    }

    /** {@code torch.device("cpu")}, {@code torch.device("cuda:1")}: parses PyTorch's device strings. */
    public static Device of(String spec) {
        if (spec == null || spec.isEmpty()) {
            throw new IllegalArgumentException("Device string must not be empty");
        }
        int colon = spec.indexOf(':');
        String type = colon < 0 ? spec : spec.substring(0, colon);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Expected one of " + String.join(", ", TYPES)
                    + " device type at start of device string: " + spec);
        }
        if (colon < 0) {
            return type.equals("cpu") ? CPU : new Device(type, null);
        }
        String digits = spec.substring(colon + 1);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 1 && digits.startsWith("0")) {
            throw new IllegalArgumentException("Invalid device string: '" + spec + "'");
        }
        return of(type, Integer.parseInt(digits));
    }

    /** {@code torch.device(type, index)}. */
    public static Device of(String type, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Device index must not be negative");
        }
        Device d = of(type);
        if (d.index != null) {
            throw new IllegalArgumentException("type (string) must not include an index because index was passed"
                    + " explicitly: " + type);
        }
        return new Device(d.type, index);
    }

    /** The {@code type} attribute: {@code "cpu"}, {@code "cuda"}, ... */
    public String type() {
        return type;
    }

    /** The {@code index} attribute, null when none was given (Python's None). */
    public Integer index() {
        return index;
    }

    /** {@code value} (a tensor or module moved here) if data can live on this device, else PyTorch's error. */
    <T> T holding(T value) {
        requireAvailable();
        return value;
    }

    /** This device if data can live there (the CPU), else PyTorch's error of its CPU-only build. */
    public Device requireAvailable() {
        switch (type) {
            case "cpu" -> {
                return this;
            }
            case "cuda" -> throw new IllegalStateException("Torch not compiled with CUDA enabled");
            case "mps" -> throw new IllegalStateException("PyTorch is not linked with support for mps devices");
            default -> throw new IllegalStateException("JTorch computes on the CPU only; there is no " + type
                    + " device");
        }
    }

    /** Python's {@code repr}: {@code device(type='cpu')}, {@code device(type='cuda', index=1)}. */
    public String repr() {
        return "device(type='" + type + "'" + (index == null ? "" : ", index=" + index) + ")";
    }

    /** Python's {@code str}: {@code cpu}, {@code cuda:1}. */
    @Override
    public String toString() {
        return index == null ? type : type + ":" + index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device d && d.type.equals(type) && Objects.equals(d.index, index);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, index);
    }
}
