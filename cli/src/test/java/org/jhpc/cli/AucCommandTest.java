package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.jhpc.auc.ExactLeftSum;
import org.jhpc.core.PyFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jhpc auc} in-process: output format, timing lines, bad input. */
class AucCommandTest {
    record Run(int code, String out, List<String> err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        String e = err.toString().strip();
        return new Run(code, out.toString(), e.isEmpty() ? List.of() : List.of(e.split("\\R")));
    }

    @Test
    void defaultPrintsTheSlidesLine() {
        Run r = run("auc");
        assertEquals(0, r.code(), String.valueOf(r.err()));
        assertEquals("The area is 8.175000" + System.lineSeparator(), r.out());
        assertEquals(List.of(), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"loops", "simd", "threads"})
    void digitsFollowPythonPercentF(String variant) {
        Run r = run("auc", "7", "--variant", variant, "--threads", "3", "--digits", "12");
        assertEquals(0, r.code());
        assertEquals("The area is " + PyFormat.fixed(ExactLeftSum.value(7), 12) + System.lineSeparator(), r.out());
        assertEquals("The area is 8.087755102041" + System.lineSeparator(), r.out());
    }

    @Test
    void loopsShowsTheDriftWithEnoughDigits() {
        Run r = run("auc", "30000000", "--variant", "loops", "--digits", "14");
        assertEquals("The area is 8.17499995268473" + System.lineSeparator(), r.out());
        Run s = run("auc", "30000000", "--variant", "simd", "--digits", "14");
        assertEquals("The area is 8.17499995500000" + System.lineSeparator(), s.out());
        assertEquals("The area is 12" + System.lineSeparator(), run("auc", "1", "--digits", "0").out());
    }

    @Test
    void timingEndsWithComputeSeconds() {
        Run r = run("auc", "1023", "--variant", "threads", "--threads", "2", "--timing", "--repeat", "2");
        assertEquals(0, r.code());
        assertTrue(r.err().contains("variant=threads"), String.valueOf(r.err()));
        assertTrue(r.err().stream().anyMatch(l -> l.startsWith("points_per_second=")), String.valueOf(r.err()));
        assertTrue(r.err().stream().anyMatch(l -> l.startsWith("gflops=") && l.contains("10 flops per point")));
        String last = r.err().get(r.err().size() - 1);
        assertTrue(last.startsWith("compute_seconds="), last);
        assertTrue(Double.parseDouble(last.substring("compute_seconds=".length())) >= 0);
    }

    @Test
    void helpIsCleanAndNamesTheVariants() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream traced = new java.io.ByteArrayOutputStream();
        Run r;
        try {
            System.setErr(new java.io.PrintStream(traced, true, java.nio.charset.StandardCharsets.UTF_8));
            r = run("auc", "--help");
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, r.code());
        assertEquals(List.of(), r.err());
        assertEquals("", traced.toString(java.nio.charset.StandardCharsets.UTF_8));   // no picocli format warnings
        assertTrue(r.out().contains("'The area is %f'"), r.out());
        assertTrue(r.out().contains("loops, simd, threads"), r.out());
    }

    /** Bad counts and options: exactly one line on stderr naming the problem, nothing on stdout, exit 2. */
    @Test
    void badCountsGiveOneLineAndExitTwo() {
        String[][] cases = {
            {"0", "NTOT must be at least 1, got 0"},
            {"-5", "NTOT must be at least 1, got -5"},
            {"abc", "NTOT must be a whole number of points, got 'abc'"},
            {"1.5", "NTOT must be a whole number of points, got '1.5'"},
            {"3e7", "NTOT must be a whole number of points, got '3e7'"},
            {"", "NTOT is empty; give the number of points, e.g. 30000000"},
            {"9223372036854775808", "NTOT 9223372036854775808 is too large (the most is 9223372036854775807)"},
            {"-99999999999999999999", "NTOT must be at least 1, got -99999999999999999999"},
        };
        for (String[] c : cases) {
            Run r = run("auc", c[0]);
            assertEquals(2, r.code(), c[0]);
            assertEquals("", r.out(), c[0]);
            assertEquals(List.of("jhpc auc: error: " + c[1]), r.err(), c[0]);
        }
    }

    @Test
    void badOptionsGiveExitTwo() {
        assertEquals(List.of("jhpc auc: error: --threads must be at least 1, got 0"), run("auc", "--threads", "0").err());
        assertEquals(List.of("jhpc auc: error: --threads must be at most 4096, got 100000"),
                run("auc", "--threads", "100000").err());
        assertEquals(List.of("jhpc auc: error: --digits must be from 0 to 100, got -1"), run("auc", "--digits", "-1").err());
        assertEquals(List.of("jhpc auc: error: auc has no 'lists' variant in this build (available: loops, simd, "
                + "threads, expr, mpi)"), run("auc", "--variant", "lists").err());
        for (String[] args : new String[][] {{"auc", "--threads", "x"}, {"auc", "1", "2"}, {"auc", "--repeat", "0"},
                {"auc", "--variant", "nope"}}) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals("", r.out());
            assertTrue(r.err().get(0).startsWith("jhpc auc: error: "), String.valueOf(r.err()));
        }
    }
}
