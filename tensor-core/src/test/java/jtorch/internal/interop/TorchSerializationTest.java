package jtorch.internal.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jtorch.testing.LivePyTorch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jtorch.DType;
import jtorch.OrderedDict;
import jtorch.Size;
import jtorch.Tensor;
import jtorch.torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * torch.save/torch.load in PyTorch's format, both ways with the installed PyTorch: what Java saves
 * PyTorch loads with identical values (every dtype), and what PyTorch saves (views, shared
 * storages, a checkpoint dict, nn state dicts) Java loads with identical values.
 */
class TorchSerializationTest {
    /** Prints each entry of a loaded dict: key, type of the container, dtype, shape, values (repr of floats). */
    private static final String DESCRIBE = String.join("\n",
            "import json, sys, torch",
            "def describe(key, v):",
            "    if isinstance(v, torch.Tensor):",
            "        return {'key': key, 'dtype': str(v.dtype), 'shape': list(v.shape),",
            "                'values': [repr(x) for x in v.reshape(-1).tolist()], 'requires_grad': v.requires_grad}",
            "    return {'key': key, 'repr': repr(v)}");

    @TempDir
    Path dir;

    @Test
    void javaSaved_loadsInPyTorchWithIdenticalValues() throws Exception {
        OrderedDict<String, Object> sd = new OrderedDict<>();
        torch.manualSeed(0);
        sd.put("weight", torch.randn(2, 3));
        sd.put("double", torch.randn(new int[] {3}, DType.FLOAT64));
        sd.put("half", torch.tensor(new double[] {0.1, 65504, -2.5e-5}, DType.FLOAT16));
        sd.put("bfloat", torch.tensor(new double[] {0.1, 3e38, -1}, DType.BFLOAT16));
        sd.put("long", torch.tensor(new long[] {Long.MAX_VALUE, -3}));
        sd.put("int", torch.tensor(new long[] {1 << 30, -7}, DType.INT32));
        sd.put("short", torch.tensor(new long[] {-32768, 5}, DType.INT16));
        sd.put("char", torch.tensor(new long[] {-128, 127}, DType.INT8));
        sd.put("byte", torch.tensor(new long[] {0, 255}, DType.UINT8));
        sd.put("bool", torch.tensor(new boolean[] {true, false, true}, DType.BOOL));
        sd.put("scalar", torch.tensor(7L));
        sd.put("empty", torch.zeros(0, 4));
        sd.put("transposed", torch.arange(6.0).reshape(2, 3).t());
        sd.put("grad", torch.ones(new int[] {2}, true));
        Path file = dir.resolve("model.pt");
        TorchSerialization.save(sd, file);

        List<JsonNode> lines = LivePyTorch.run(DESCRIBE + "\n"
                + "sd = torch.load(sys.argv[1])\n"
                + "print(json.dumps(type(sd).__name__))\n"
                + "for k, v in sd.items():\n"
                + "    print(json.dumps(describe(k, v)))\n", file.toString());
        assertEquals("OrderedDict", lines.get(0).asText());
        assertEquals(sd.size(), lines.size() - 1);
        int i = 1;
        for (Map.Entry<String, Object> e : sd.entrySet()) {
            assertSameTensor(e.getKey(), (Tensor) e.getValue(), lines.get(i++));
        }
    }

    @Test
    void pytorchSaved_loadsInJavaWithIdenticalValues() throws Exception {
        Path file = dir.resolve("checkpoint.pth");
        List<JsonNode> lines = LivePyTorch.run(DESCRIBE + "\n"
                + "torch.manual_seed(0)\n"
                + "model = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.BatchNorm1d(2))\n"
                + "base = torch.arange(12, dtype=torch.float64).reshape(3, 4)\n"
                + "tensors = {'t': base.t(), 'row': base[1], 'col': base[:, 2], 'half': torch.randn(3).half(),\n"
                + "           'bf': torch.randn(2, 2).bfloat16(), 'mask': torch.tensor([True, False]),\n"
                + "           'param': torch.nn.Parameter(torch.ones(2))}\n"
                + "ckpt = {'epoch': 3, 'loss': 0.25, 'name': 'net', 'size': torch.Size([2, 3]), 'dtype': torch.float16,\n"
                + "        'pair': (1, 2.5), 'model': model.state_dict(), 'tensors': tensors}\n"
                + "torch.save(ckpt, sys.argv[1])\n"
                + "for k, v in list(model.state_dict().items()) + list(tensors.items()):\n"
                + "    print(json.dumps(describe(k, v)))\n", file.toString());
        Map<?, ?> ckpt = (Map<?, ?>) TorchSerialization.load(file);
        assertEquals(List.of("epoch", "loss", "name", "size", "dtype", "pair", "model", "tensors"),
                new ArrayList<>(ckpt.keySet()));
        assertEquals(3L, ckpt.get("epoch"));
        assertEquals(0.25, ckpt.get("loss"));
        assertEquals("net", ckpt.get("name"));
        assertEquals(Size.of(2, 3), ckpt.get("size"));
        assertSame(DType.FLOAT16, ckpt.get("dtype"));
        assertEquals(List.of(1L, 2.5), ckpt.get("pair"));
        OrderedDict<?, ?> model = assertInstanceOf(OrderedDict.class, ckpt.get("model"));
        Map<?, ?> tensors = (Map<?, ?>) ckpt.get("tensors");
        int i = 0;
        for (Map<?, ?> part : List.of(model, tensors)) {
            for (Map.Entry<?, ?> e : part.entrySet()) {
                assertSameTensor((String) e.getKey(), (Tensor) e.getValue(), lines.get(i++));
            }
        }
        assertEquals(lines.size(), i);
    }

    @Test
    void roundTrip_keepsValuesOrderAndTypes() {
        OrderedDict<String, Tensor> sd = new OrderedDict<>();
        sd.put("b", torch.arange(4).reshape(2, 2));
        sd.put("a", torch.tensor(new double[] {1.5, -2}));
        Path file = dir.resolve("sd.pt");
        TorchSerialization.save(sd, file);
        OrderedDict<?, ?> back = assertInstanceOf(OrderedDict.class, TorchSerialization.load(file));
        assertEquals(sd.toString(), back.toString());
        assertEquals("OrderedDict([('b', tensor([[0, 1],\n        [2, 3]])), ('a', tensor([ 1.5000, -2.0000]))])",
                back.toString());
    }

    @Test
    void storages_startAtMultiplesOf64() throws Exception {
        Path file = dir.resolve("aligned.pt");
        TorchSerialization.save(List.of(torch.ones(3), torch.zeros(5)), file);
        List<JsonNode> offsets = LivePyTorch.run("import json, sys, zipfile\n"
                + "z = zipfile.ZipFile(sys.argv[1])\n"
                + "for i in z.infolist():\n"
                + "    print(json.dumps([i.filename, i.header_offset + 30 + len(i.filename) + len(i.extra)]))\n"
                + "", file.toString());
        for (JsonNode record : offsets) {
            if (record.get(0).asText().contains("/data/")) {
                assertEquals(0, record.get(1).asLong() % 64, record.toString());
            }
        }
    }

    @Test
    void load_refusesLegacyAndForeignFiles() throws Exception {
        Path legacy = dir.resolve("legacy.pt");
        LivePyTorch.run("import sys, torch\n"
                + "torch.save({'w': torch.ones(2)}, sys.argv[1], _use_new_zipfile_serialization=False)\n",
                legacy.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TorchSerialization.load(legacy));
        assertTrue(e.getMessage().contains("is not a zip archive"), e.getMessage());
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThrows(IllegalArgumentException.class, () -> TorchSerialization.load(text));
    }

    @Test
    void save_refusesValuesPyTorchCouldNotLoad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchSerialization.save(Map.of("x", new Object()), dir.resolve("x.pt")));
        assertTrue(e.getMessage().startsWith("torch.save cannot store a java.lang.Object"), e.getMessage());
    }

    /** The loaded tensor has PyTorch's dtype, shape and exact values. */
    private static void assertSameTensor(String key, Tensor t, JsonNode python) {
        assertEquals(key, python.get("key").asText());
        assertEquals(t.dtype().toString(), python.get("dtype").asText(), key + ": dtype");
        List<Integer> shape = new ArrayList<>();
        python.get("shape").forEach(n -> shape.add(n.asInt()));
        assertEquals(shape, t.shape().toList(), key + ": shape");
        List<?> values = (List<?>) t.detach().reshape(-1).tolist();
        assertEquals(python.get("values").size(), values.size(), key + ": numel");
        for (int i = 0; i < values.size(); i++) {
            assertEquals(python.get("values").get(i).asText(), pythonRepr(values.get(i)), key + ": element " + i);
        }
        assertEquals(python.get("requires_grad").asBoolean(), t.requiresGrad(), key + ": requires_grad");
    }

    /** Python's repr of an element as tolist() gives it: shortest round-trip floats, ints, True/False. */
    private static String pythonRepr(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return pythonFloat(d);
        }
        return String.valueOf(v);
    }

    private static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        // Python and Java agree on the shortest round-trip digits for these values; only the spelling differs
        java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(d));
        double abs = Math.abs(d);
        if (abs != 0 && (abs >= 1e16 || abs < 1e-4)) {
            String s = String.format(java.util.Locale.ROOT, "%s", Double.toString(d)).toLowerCase(java.util.Locale.ROOT);
            int e = s.indexOf('e');
            String mantissa = s.substring(0, e).replaceAll("\\.0$", "");
            int exp = Integer.parseInt(s.substring(e + 1));
            return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp));
        }
        String plain = exact.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
