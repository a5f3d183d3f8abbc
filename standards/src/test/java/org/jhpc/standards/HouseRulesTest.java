package org.jhpc.standards;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** House rules on the main classes of every module (the test sources may do as they like). */
class HouseRulesTest {
    static JavaClasses main;

    @BeforeAll
    static void load() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.jhpc");
    }

    /**
     * Numbers that scripts read ({@code gflops=24.494}, CSV, JSON) must not follow the user's locale: under
     * {@code LANG=de_DE} a locale-sensitive format writes {@code 24,494}. So the overloads that take the default
     * locale are not used at all: {@code String.format(Locale.ROOT, ...)} and friends instead.
     */
    @Test
    void numbersAreFormattedWithAnExplicitLocale() {
        noClasses().should().callMethod(String.class, "format", String.class, Object[].class)
                .orShould().callMethod(String.class, "formatted", Object[].class)
                .orShould().callMethod(PrintStream.class, "printf", String.class, Object[].class)
                .orShould().callMethod(PrintStream.class, "format", String.class, Object[].class)
                .orShould().callMethod(PrintWriter.class, "printf", String.class, Object[].class)
                .orShould().callMethod(PrintWriter.class, "format", String.class, Object[].class)
                .because("machine-read output must not depend on the user's locale (use Locale.ROOT)")
                .check(main);
    }

    /**
     * The test hooks (the {@code Config.TESTING_*} properties) are read by {@code org.jhpc.core.Testing} alone, so that the one
     * test SPI in src/main is the whole list of them.
     */
    @Test
    void testHooksAreReadOnlyThroughTheTestingSpi() {
        noClasses().that().doNotHaveFullyQualifiedName("org.jhpc.core.Testing")
                .and().doNotHaveFullyQualifiedName("org.jhpc.core.Config")
                .should().accessFieldWhere(com.tngtech.archunit.core.domain.JavaFieldAccess.Predicates.target(
                        com.tngtech.archunit.base.DescribedPredicate.describe("a Config.TESTING_* entry",
                                t -> t.getOwner().getFullName().equals("org.jhpc.core.Config")
                                        && t.getName().startsWith("TESTING_"))))
                .check(main);
    }

    /** Test oracles, fakes and the test frameworks stay in src/test. */
    @Test
    void noTestCodeInTheProduct() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..",
                        "org.jhpc.testing..", "net.jqwik..")
                .orShould().haveSimpleNameEndingWith("Test")
                .orShould().haveSimpleNameEndingWith("Tests")
                .orShould().haveSimpleNameStartingWith("Fake")
                .orShould().haveSimpleNameStartingWith("Mock")
                .check(main);
    }
}
