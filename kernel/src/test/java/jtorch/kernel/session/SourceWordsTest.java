package jtorch.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceWordsTest {
    @Test
    void of_isEveryIdentifierLikeWord() {
        assertEquals(Optional.of(Set.of("var", "y", "x1", "add", "torch", "mul", "x2")),
                SourceWords.of("var y = x1.add(torch.mul(2, x2));"));
    }

    @Test
    void of_cannotJudgeTemporariesOrUnicodeEscapes() {
        assertTrue(SourceWords.of("$3 * 2").isEmpty());
        assertTrue(SourceWords.of("int \\u0061 = 1;").isEmpty());
    }
}
