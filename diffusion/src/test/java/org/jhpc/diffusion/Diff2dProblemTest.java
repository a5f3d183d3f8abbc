package org.jhpc.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jhpc.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Diff2dProblemTest {
    @Test
    void slidesDefaultCase() {
        Diff2dProblem p = new Diff2dProblem(Diff2dParams.defaults());
        assertEquals(200, p.nrows);
        assertEquals(202, p.npnts);
        assertEquals(0.1, p.dx);
        assertEquals(0.25 * 0.1 * 0.1, p.dt);
        assertEquals(5999, p.nsteps);          // int(15.0/0.0025000000000000005) in Python
        assertEquals(199, p.nper);
        assertEquals(-10.0, p.x(1));
        assertEquals(10.0, p.x(201));
        assertEquals(0.0, p.initial(0, 5));
        assertEquals(0.0, p.initial(101, 201));
    }

    @Test
    void nperIsAtLeastOne() {
        Diff2dProblem p = new Diff2dProblem(Diff2dTesting.params("outtime=1e-9"));
        assertEquals(1, p.nper);
    }

    @Test
    void outtimeZeroPrintsEveryStepAsDiff2dPyDoes() {
        // diff2d.py: nper = max(1, int(outtime/dt)) = 1 for outtime = 0
        Diff2dProblem p = new Diff2dProblem(Diff2dTesting.params("outtime=0"));
        assertEquals(1, p.nper);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dx=0|dx must be > 0, got 0.0",
        "dx=-0.1|dx must be > 0, got -0.1",
        "x2=-10|x2 must be > x1, got x1=-10.0 x2=-10.0",
        "dx=25|dx=25.0 is larger than the domain width 20.0",
        "D=0|D must be > 0, got 0.0",
        "runtime=-1|runtime must be >= 0, got -1.0",
        "outtime=-1|outtime must be >= 0, got -1.0",
        "dx=1e400|dx must be a finite number, got Infinity",
        "D=1e300|step count runtime/dt = 6.0E303 overflows a 64-bit integer",
        "dx=1e-300|grid too large: (x2-x1)/dx = 1.9999999999999999E301 rows; dx=1.0E-300 is too small",
        "runtime=1e30|step count runtime/dt = 3.9999999999999995E32 overflows a 64-bit integer",
        "x1=-1e308 x2=1e308|x2-x1 overflows: x1=-1.0E308 x2=1.0E308"})
    void badInputIsNamed(String sets, String message) {
        UserError e = assertThrows(UserError.class, () -> new Diff2dProblem(Diff2dTesting.params(sets.split(" "))));
        assertEquals(message, e.getMessage());
    }

    @Test
    void unknownNamesAndTypes() {
        UserError e = assertThrows(UserError.class, () -> Diff2dTesting.params("dy=0.1"));
        assertEquals("unknown parameter 'dy' (known: D, x1, x2, runtime, dx, outtime, graphics)", e.getMessage());
        e = assertThrows(UserError.class, () -> Diff2dTesting.params("graphics=0.5"));
        assertEquals("graphics must be True or False, got 0.5", e.getMessage());
        e = assertThrows(UserError.class, () -> Diff2dTesting.params("dx=True"));
        assertEquals("dx must be a number, got True", e.getMessage());
    }
}
