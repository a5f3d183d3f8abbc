package org.jhpc.auc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jhpc.core.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expr variant within 1e-13 (relative) of the exact left sum at awkward sizes, and independent of its thread count. */
class ExprIntegratorTest {
    @ParameterizedTest(name = "ntot={0} threads={1}")
    @CsvSource({"1, 1", "7, 2", "121, 3", "1023, 2", "1000003, 3", "2097153, 2"})
    void closeToTheExactLeftSum(long ntot, int threads) {
        try (Integrator in = Integrators.create(Variant.EXPR, threads)) {
            IntegratorsTest.assertNearExact(ntot, in.area(ntot), in.kernel());
        }
    }

    @ParameterizedTest(name = "ntot={0}")
    @CsvSource({"1000003", "2097153"})
    void sameResultOnOneAndThreeThreads(long ntot) {
        double one;
        try (Integrator in = Integrators.create(Variant.EXPR, 1)) {
            one = in.area(ntot);
        }
        try (Integrator in = Integrators.create(Variant.EXPR, 3)) {
            assertEquals(one, in.area(ntot), 0.0);
        }
    }
}
