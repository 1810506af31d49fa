package jtorch.kernel.session;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;

/**
 * A cell used a method, class or variable whose declaration JShell accepted although its body does
 * not compile yet: it refers to something not declared (a forward reference), or to something
 * that does not fit (a missing overload). The message names the declaration and what is missing,
 * with the cell line of the offending code.
 */
public final class UnresolvedReference extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnresolvedReference(String message) {
        super(message);
    }

    /** The error for a use of {@code declaration}, naming what it still lacks and where. */
    static UnresolvedReference of(JShell shell, DeclarationSnippet declaration, SnippetOrigins origins) {
        String what = describe(declaration);
        List<String> missing = shell.unresolvedDependencies(declaration).toList();
        if (!missing.isEmpty()) {
            return new UnresolvedReference(what + " cannot be used until " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " declared");
        }
        Optional<Diag> error = shell.diagnostics(declaration).filter(Diag::isError).findFirst();
        if (error.isEmpty()) {
            return new UnresolvedReference(what + " cannot be used until its dependencies are declared");
        }
        String place = origins.locate(declaration, (int) error.get().getPosition())
                .map(at -> " (Cell In[" + at.cell() + "], line " + at.line() + ")").orElse("");
        return new UnresolvedReference(what + " cannot be used: "
                + CompilerMessage.of(error.get().getMessage(Locale.ROOT)).summary() + place);
    }

    /** {@code method h(int)}, {@code record Point}, {@code variable x}. */
    static String describe(DeclarationSnippet declaration) {
        switch (declaration.kind()) {
            case METHOD:
                return "method " + declaration.name() + "(" + ((MethodSnippet) declaration).parameterTypes() + ")";
            case VAR:
                return "variable " + declaration.name();
            default:
                return typeKind(declaration) + " " + declaration.name();
        }
    }

    private static String typeKind(DeclarationSnippet type) {
        switch (type.subKind()) {
            case INTERFACE_SUBKIND:
                return "interface";
            case ENUM_SUBKIND:
                return "enum";
            case RECORD_SUBKIND:
                return "record";
            case ANNOTATION_TYPE_SUBKIND:
                return "@interface";
            default:
                return "class";
        }
    }
}
