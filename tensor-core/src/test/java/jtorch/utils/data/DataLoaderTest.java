package jtorch.utils.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.TensorList;
import jtorch.testing.LivePyTorch;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/**
 * DataLoader against the installed PyTorch: the same batches in the same order after
 * torch.manual_seed (two shuffled epochs, a loader generator, drop_last), and the default
 * generator left where PyTorch leaves it.
 */
class DataLoaderTest {
    @Test
    void shuffledBatches_arePyTorchs() throws Exception {
        List<JsonNode> expected = LivePyTorch.run(String.join("\n",
                "import json, torch",
                "from torch.utils.data import DataLoader, TensorDataset",
                "ds = TensorDataset(torch.arange(10) * 10, torch.arange(10))",
                "torch.manual_seed(0)",
                "out = [[b[1].tolist() for b in DataLoader(ds, batch_size=3, shuffle=True)] for epoch in range(2)]",
                "out.append(torch.rand(2).tolist())",
                "torch.manual_seed(1)",
                "out.append([b[1].tolist() for b in DataLoader(ds, batch_size=4, shuffle=True, drop_last=True,",
                "                                              generator=torch.Generator().manual_seed(5))])",
                "out.append([b.tolist() for b in DataLoader(torch.arange(5), batch_size=2)])",
                "out.append(torch.rand(1).tolist())",
                "torch.manual_seed(0)",
                "out.append([torch.empty((), dtype=d).random_().item() for d in (torch.int64, torch.int32, torch.uint8, torch.float32, torch.float64)])",
                "print(json.dumps(out))"));
        TensorDataset ds = new TensorDataset(torch.arange(10).mul(10), torch.arange(10));
        List<Object> ours = new ArrayList<>();
        torch.manualSeed(0);
        for (int epoch = 0; epoch < 2; epoch++) {
            ours.add(labels(new DataLoader<>(ds, 3, true)));
        }
        ours.add(torch.rand(2).tolist());
        torch.manualSeed(1);
        ours.add(labels(new DataLoader<>(ds, 4, true, true, torch.Generator().manualSeed(5))));
        List<Object> plain = new ArrayList<>();
        for (Tensor b : new DataLoader<>(new TensorsOf(torch.arange(5)), 2)) {
            plain.add(b.tolist());
        }
        ours.add(plain);
        ours.add(torch.rand(1).tolist());
        torch.manualSeed(0);
        List<Object> draws = new ArrayList<>();
        for (var d : List.of(torch.int64, torch.int32, torch.uint8, torch.float32, torch.float64)) {
            draws.add(torch.empty(new int[0], d).random_().item());
        }
        ours.add(draws);
        assertEquals(expected.get(0).toString(), json(ours));
    }

    @Test
    void len_andBadBatchSize_areAsPyTorch() {
        TensorDataset ds = new TensorDataset(torch.arange(10));
        assertEquals(4, new DataLoader<>(ds, 3).len());
        assertEquals(3, new DataLoader<>(ds, 3, false, true).len());
        assertEquals("batch_size should be a positive integer value, but got batch_size=0",
                assertThrows(IllegalArgumentException.class, () -> new DataLoader<>(ds, 0)).getMessage());
    }

    @Test
    void batchOfTuples_isAListOfStackedTensors() {
        TensorList batch = new DataLoader<>(new TensorDataset(torch.arange(4).reshape(2, 2), torch.arange(2)), 2)
                .iterator().next();
        assertEquals("[tensor([[0, 1],\n        [2, 3]]), tensor([0, 1])]", batch.toString());
    }

    private static List<Object> labels(DataLoader<TensorList> loader) {
        List<Object> out = new ArrayList<>();
        for (TensorList batch : loader) {
            out.add(batch.get(1).tolist());
        }
        return out;
    }

    /** Python's json.dumps of nested lists of numbers. */
    private static String json(Object v) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(v)).toString();
    }

    /** A dataset of single tensors: the rows of one tensor. */
    private record TensorsOf(Tensor t) implements Dataset<Tensor> {
        @Override
        public Tensor get(int index) {
            return t.index(index);
        }

        @Override
        public int len() {
            return t.size(0);
        }
    }
}
