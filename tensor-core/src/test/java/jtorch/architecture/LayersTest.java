package jtorch.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of tensor-core as packages (docs/architecture.md): from the bottom {@code dtype},
 * {@code storage}, {@code shape}, {@code kernels}, {@code tensor}, {@code autograd}, {@code ops},
 * {@code format}, {@code interop}, and the public facade package {@code jtorch} on top. A layer
 * may use the layers below it, never one above; the internal layers may use only the public value
 * types of {@code jtorch}, never its facades. Checked on the compiled classes, so the build fails
 * on an upward import or call.
 */
class LayersTest {
    private static final String INTERNAL = "jtorch.internal.";
    /** The public types of {@code jtorch} that are plain values and may be used by every layer. */
    private static final String[] VALUE_TYPES = {
        "jtorch.DType", "jtorch.DType$*", "jtorch.Size", "jtorch.PrintOptions", "jtorch.Slice", "jtorch.Slice$*",
        "jtorch.OrderedDict", "jtorch.Device",
    };
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jtorch");
    }

    @Test
    void layers_dependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("dtype").definedBy(INTERNAL + "dtype..")
                .layer("storage").definedBy(INTERNAL + "storage..")
                .layer("shape").definedBy(INTERNAL + "shape..")
                .layer("kernels").definedBy(INTERNAL + "kernels..")
                .layer("tensor").definedBy(INTERNAL + "tensor..")
                .layer("autograd").definedBy(INTERNAL + "autograd..")
                .layer("ops").definedBy(INTERNAL + "ops..")
                .layer("format").definedBy(INTERNAL + "format..")
                .layer("interop").definedBy(INTERNAL + "interop..")
                .whereLayer("interop").mayNotBeAccessedByAnyLayer()
                .whereLayer("format").mayOnlyBeAccessedByLayers("interop")
                .whereLayer("ops").mayOnlyBeAccessedByLayers("format", "interop")
                .whereLayer("autograd").mayOnlyBeAccessedByLayers("ops", "format", "interop")
                .whereLayer("tensor").mayOnlyBeAccessedByLayers("autograd", "ops", "format", "interop")
                .whereLayer("kernels").mayOnlyBeAccessedByLayers("tensor", "autograd", "ops", "format", "interop")
                .whereLayer("shape").mayOnlyBeAccessedByLayers("kernels", "tensor", "autograd", "ops", "format",
                        "interop")
                .whereLayer("storage").mayOnlyBeAccessedByLayers("kernels", "tensor", "autograd", "ops", "format",
                        "interop")
                .whereLayer("dtype").mayOnlyBeAccessedByLayers("storage", "shape", "kernels", "tensor", "autograd",
                        "ops", "format", "interop")
                .check(classes);
    }

    @Test
    void internalCode_usesNoFacade() {
        DescribedPredicate<JavaClass> facade = JavaClass.Predicates.resideInAPackage("jtorch")
                .and(DescribedPredicate.not(HasName.Predicates.nameMatching(valueTypePattern())))
                .as("a public class of jtorch other than its value types");
        noClasses().that().resideInAPackage("jtorch.internal..")
                .should().dependOnClassesThat(facade)
                .because("internal layers may use only jtorch's value types, never the facades")
                .check(classes);
    }

    /** The value types, also as array element types ({@code [Ljtorch.DType;}). */
    private static String valueTypePattern() {
        return "(\\[+L)?(" + patternOf(VALUE_TYPES) + ");?";
    }

    private static String patternOf(String[] names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "" : "|").append(n.replace(".", "\\.").replace("$", "\\$")
                    .replace("*", ".*"));
        }
        return sb.toString();
    }
}
