package org.jhpc.standards;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The walls of jhpc's architecture (README, "Layout"), checked on the main classes of every module:
 * <ul>
 *   <li>libraries ({@code core, expr, mpi, plot, profiler}) use only themselves, {@code core} and non-jhpc code:
 *       never a workload, never the CLI;</li>
 *   <li>nothing outside {@code org.jhpc.cli} uses the CLI, and jhpc's packages form no cycle;</li>
 *   <li>the profiler's agent, loaded into arbitrary JVMs, uses nothing of jhpc but itself;</li>
 *   <li>kernels (how a range is computed) never import threads, executors, streams or MPI: which rows, which
 *       thread and which rank is the schedule's business.</li>
 * </ul>
 * The house rules ({@link HouseRulesTest}) live beside it.
 */
class ArchitectureTest {
    static JavaClasses main;

    @BeforeAll
    static void load() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.jhpc");
    }

    @ParameterizedTest(name = "{0} uses only itself, core and non-jhpc code")
    @ValueSource(strings = {"core", "expr", "mpi", "plot", "profiler"})
    void librariesNeverImportWorkloadsOrTheCli(String lib) {
        ArchRule r = classes().that().resideInAPackage("org.jhpc." + lib + "..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.jhpc..")
                        .or(resideInAnyPackage("org.jhpc." + lib + "..", "org.jhpc.core..")));
        r.check(main);
    }

    @Test
    void nothingImportsTheCli() {
        noClasses().that().resideOutsideOfPackage("org.jhpc.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.jhpc.cli..").check(main);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.jhpc.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void theAgentStandsAlone() {
        classes().that().resideInAPackage("org.jhpc.profiler.agent..")
                .should().onlyDependOnClassesThat(not(resideInAnyPackage("org.jhpc..")).or(
                        resideInAnyPackage("org.jhpc.profiler.agent..")))
                .check(main);
    }

    /**
     * The kernels, by name: diffusion's stencils, row kernels and wavefront; auc's integrand and partial sums;
     * expr's typed scalar and vector kernels. (The rule fails when it matches no class, so a rename that hides a
     * kernel from it is noticed.)
     */
    static final String KERNELS = "org\\.jhpc\\.(diffusion\\.(\\w*Stencil|RowKernel|Wavefront)"
            + "|auc\\.(Integrand|\\w*PartialSum|ExactLeftSum)"
            + "|expr\\.(F32\\w*|F64\\w*|I32\\w*|I64\\w*|\\w*Kernels|Scalars))(\\$.*)?";

    @Test
    void kernelsNeverScheduleWork() {
        noClasses().that().haveNameMatching(KERNELS)
                .should().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..", "java.util.stream..",
                        "org.jhpc.mpi..")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(Runnable.class)
                .check(main);
    }
}
