package jtorch.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompilerMessageTest {
    @Test
    void of_cannotFindSymbolNamesTheSymbolAndWhereItWasLookedFor() {
        CompilerMessage m = CompilerMessage.of(
                "cannot find symbol\n  symbol:   method nope()\n  location: variable s of type java.lang.String");
        assertEquals("cannot find symbol: method nope() in variable s of type java.lang.String", m.summary());
        assertEquals(List.of(), m.details());
    }

    @Test
    void of_leavesOutJShellsWrapperClass() {
        assertEquals("cannot find symbol: variable undefinedVar",
                CompilerMessage.of("cannot find symbol\n  symbol:   variable undefinedVar\n  location: class ").summary());
        assertEquals("method sq cannot be applied to given types (required: int; found: int,int; "
                        + "reason: actual and formal argument lists differ in length)",
                CompilerMessage.of("method sq in class  cannot be applied to given types;\n  required: int\n"
                        + "  found:    int,int\n  reason: actual and formal argument lists differ in length").summary());
    }

    @Test
    void of_keepsCandidateListsAsDetails() {
        CompilerMessage m = CompilerMessage.of("no suitable method found for add(java.lang.String)\n"
                + "    method jtorch.Tensor.add(jtorch.Tensor) is not applicable\n"
                + "      (argument mismatch; java.lang.String cannot be converted to jtorch.Tensor)");
        assertEquals("no suitable method found for add(java.lang.String)", m.summary());
        assertEquals(List.of("    method jtorch.Tensor.add(jtorch.Tensor) is not applicable",
                "      (argument mismatch; java.lang.String cannot be converted to jtorch.Tensor)"), m.details());
    }

    @Test
    void of_oneLineMessagesStayAsTheyAre() {
        assertEquals("incompatible types: java.lang.String cannot be converted to int",
                CompilerMessage.of("incompatible types: java.lang.String cannot be converted to int").summary());
    }
}
