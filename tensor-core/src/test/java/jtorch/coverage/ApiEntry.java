package jtorch.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One public name of PyTorch, as listed by {@code tools/coverage/list_pytorch_api.py}: its
 * family (namespace such as {@code torch.nn.functional}), name and kind ({@code function},
 * {@code class}, {@code method}, {@code attribute}, {@code dtype}, {@code constant}).
 */
record ApiEntry(String family, String name, String kind) {

    /** The entries of a {@code pytorch-api.tsv} file; {@code #} lines are comments. */
    static List<ApiEntry> load(Path tsv) throws IOException {
        return Files.readAllLines(tsv).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> {
                    String[] f = line.split("\t", -1);
                    if (f.length != 3) {
                        throw new IllegalArgumentException(tsv + ": expected family, name, kind in: " + line);
                    }
                    return new ApiEntry(f[0], f[1], f[2]);
                })
                .toList();
    }

    /** {@code torch.nn.functional.relu}. */
    String qualifiedName() {
        return family + "." + name;
    }
}
