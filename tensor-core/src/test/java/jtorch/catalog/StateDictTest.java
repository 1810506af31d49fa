package jtorch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jtorch.OrderedDict;
import jtorch.Tensor;
import jtorch.nn;
import jtorch.testing.LivePyTorch;
import jtorch.torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Module state: stateDict/loadStateDict with PyTorch's keys, order and errors, nn.Parameter, and
 * torch.save/torch.load of a model's weights both ways with the installed PyTorch.
 */
class StateDictTest {
    @TempDir
    Path dir;

    /** {@code Linear -> ReLU -> Linear} with a buffer, as a user's subclass. */
    static final class Net extends nn.Module {
        final nn.Sequential layers = new nn.Sequential(new nn.Linear(3, 4), new nn.ReLU(), new nn.Linear(4, 2));
        final Tensor scale = nn.Parameter(torch.ones(2));

        Net() {
            registerBuffer("steps", torch.zeros(new int[0], torch.int64));
        }

        @Override
        public Tensor forward(Tensor x) {
            return layers.forward(x).mul(scale);
        }
    }

    @Test
    void stateDict_hasPyTorchsKeysInOrder() {
        torch.manualSeed(0);
        OrderedDict<String, Tensor> sd = new Net().stateDict();
        assertEquals(List.of("scale", "steps", "layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"),
                List.copyOf(sd.keySet()));
        assertTrue(sd.values().stream().noneMatch(Tensor::requiresGrad));
    }

    @Test
    void parameter_printsAndRegistersAsPyTorchs() {
        Tensor p = nn.Parameter(torch.ones(2));
        assertEquals("Parameter containing:\ntensor([1., 1.], requires_grad=True)", p.toString());
        assertEquals("Parameter containing:\ntensor([1., 1.])", nn.Parameter(torch.ones(2), false).toString());
        assertTrue(new nn.Linear(2, 1).weight().toString().startsWith("Parameter containing:\ntensor([["));
        assertEquals(List.of("scale", "layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"),
                List.copyOf(new Net().namedParameters().keySet()));
    }

    @Test
    void loadStateDict_copiesAndReportsAsPyTorch() {
        nn.Linear m = new nn.Linear(2, 2);
        OrderedDict<String, Tensor> sd = new OrderedDict<>();
        sd.put("weight", torch.ones(2, 2));
        sd.put("bias", torch.ones(2));
        assertEquals("<All keys matched successfully>", m.loadStateDict(sd).toString());
        assertEquals("tensor([1., 1.])", m.bias().detach().toString());
        assertEquals("_IncompatibleKeys(missing_keys=['bias'], unexpected_keys=[])",
                m.loadStateDict(Map.of("weight", torch.ones(2, 2)), false).toString());
        Map<String, Object> bad = new OrderedDict<>();
        bad.put("weight", torch.ones(3, 2));
        bad.put("extra", torch.ones(1));
        assertEquals("Error(s) in loading state_dict for Linear:\n\tMissing key(s) in state_dict: \"bias\". \n\t"
                + "Unexpected key(s) in state_dict: \"extra\". \n\tsize mismatch for weight: copying a param with shape"
                + " torch.Size([3, 2]) from checkpoint, the shape in current model is torch.Size([2, 2]).",
                assertThrows(IllegalStateException.class, () -> m.loadStateDict(bad)).getMessage());
    }

    @Test
    void savedWeights_roundTripWithPyTorch() throws Exception {
        torch.manualSeed(0);
        Net net = new Net();
        Path ours = dir.resolve("net.pth");
        torch.save(net.stateDict(), ours.toString());
        Path theirs = dir.resolve("back.pth");
        List<JsonNode> keys = LivePyTorch.run(String.join("\n",
                "import json, sys, torch",
                "sd = torch.load(sys.argv[1])",
                "net = torch.nn.Module()",
                "net.scale = torch.nn.Parameter(torch.ones(2))",
                "net.register_buffer('steps', torch.zeros((), dtype=torch.int64))",
                "net.layers = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))",
                "print(json.dumps(str(net.load_state_dict(sd))))",
                "with torch.no_grad():",
                "    net.layers[0].bias.add_(1)",
                "torch.save(net.state_dict(), sys.argv[2])"), ours.toString(), theirs.toString());
        assertEquals("<All keys matched successfully>", keys.get(0).asText());
        OrderedDict<String, Tensor> back = assertInstanceOf(OrderedDict.class, torch.load(theirs));
        Net loaded = new Net();
        assertEquals("<All keys matched successfully>", loaded.loadStateDict(back).toString());
        assertTrue(torch.equal(loaded.layers.<nn.Linear>get(0).bias(), net.layers.<nn.Linear>get(0).bias().add(1)));
        assertTrue(torch.equal(loaded.layers.<nn.Linear>get(2).weight(), net.layers.<nn.Linear>get(2).weight()));
    }
}
