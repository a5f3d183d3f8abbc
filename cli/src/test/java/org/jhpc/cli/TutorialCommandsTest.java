package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jhpc.auc.ExactLeftSum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jhpc race} and {@code jhpc map} in-process: their lines, exact counts, bad input. */
class TutorialCommandsTest {
    static final Pattern COUNTER = Pattern.compile(
            "fix=(\\w+) +count=(\\d+) +expected=(\\d+) +lost=(\\d+) +time=[0-9.]+ s");

    @Test
    void raceShowsEveryFixThenTheArrayAndFalseSharing() {
        AucCommandTest.Run r = AucCommandTest.run("race", "--workers", "7", "--increments", "1001", "--length", "121");
        assertEquals(0, r.code(), String.valueOf(r.err()));
        List<String> lines = r.out().lines().toList();
        assertEquals("shared counter: 7 workers x 1001 increments", lines.get(0));
        for (int k = 1; k <= 5; k++) {
            Matcher m = COUNTER.matcher(lines.get(k));
            assertTrue(m.matches(), lines.get(k));
            long count = Long.parseLong(m.group(2)), expected = Long.parseLong(m.group(3));
            assertEquals(7007, expected);
            assertEquals(expected - count, Long.parseLong(m.group(4)));
            if (m.group(1).equals("none")) assertTrue(count <= expected, lines.get(k));
            else assertEquals(expected, count, lines.get(k));
        }
        assertEquals("shared array: 7 workers write disjoint parts of 121 cells", lines.get(6));
        assertTrue(lines.get(7).startsWith("wrong=0 of 121 "), lines.get(7));
        assertTrue(lines.get(9).matches("layout=adjacent +total=7007 +expected=7007 .*8 bytes apart\\)"), lines.get(9));
        assertTrue(lines.get(10).matches("layout=padded +total=7007 +expected=7007 .*128 bytes apart\\)"), lines.get(10));
        assertEquals(11, lines.size());
    }

    @Test
    void oneFixOnly() {
        AucCommandTest.Run r = AucCommandTest.run("race", "--fix", "adder", "--increments", "0");
        assertEquals(0, r.code());
        assertEquals(2, r.out().lines().count());
        assertTrue(r.out().lines().toList().get(1).matches("fix=adder +count=0 +expected=0 +lost=0 .*"), r.out());
    }

    @Test
    void mapGivesTheExactSumForEveryStrategyAndChunkCount() {
        AucCommandTest.Run r = AucCommandTest.run("map", "1023", "--workers", "3", "--chunks", "7", "--sweep", "1,121",
                "--repeat", "1");
        assertEquals(0, r.code(), String.valueOf(r.err()));
        List<String> lines = r.out().lines().toList();
        assertEquals("Pool.map(f, [1, 2, 3]) with f(x) = x*x: [1, 4, 9]", lines.get(0));
        Pattern area = Pattern.compile("area=(\\S+)");
        int seen = 0;
        for (String l : lines) {
            Matcher m = area.matcher(l);
            if (!m.find()) continue;
            double a = Double.parseDouble(m.group(1));
            assertTrue(Math.abs(a - ExactLeftSum.value(1023)) <= 1e-13 * a, l);
            seen++;
        }
        assertEquals(4 + 2, seen, r.out());
    }

    @Test
    void arraysPrintsNumpysLinesThenTheTimings() {
        AucCommandTest.Run r = AucCommandTest.run("arrays", "--grid", "7", "--elements", "121", "--n", "7",
                "--repeat", "1");
        assertEquals(0, r.code(), String.valueOf(r.err()));
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("  P @ P = [[9.0, 8.0], [16.0, 17.0]]"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("nested double[][] vs flat") && l.endsWith("same sum: yes")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("boxed List<Double>") && l.endsWith("same sum: yes")));
        assertTrue(lines.getLast().matches("matrix product 7x7 @ 7x7: .* max \\|difference\\| [0-9.]+e[-+][0-9]+"),
                lines.getLast());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "race --workers 0|jhpc race: error: --workers must be from 1 to 1024, got 0",
        "race --increments -5|jhpc race: error: --increments must be >= 0, got -5",
        "race --fix mutex|jhpc race: error: unknown fix 'mutex'; choose one of none, lock, synchronized, atomic, adder",
        "map --workers -1|jhpc map: error: --workers must be from 1 to 1024, got -1",
        "map --chunks 0|jhpc map: error: --chunks must be from 1 to 1048576, got 0",
        "map --strategy pool|jhpc map: error: unknown strategy 'pool'; choose one of fixed, stealing, stream, virtual",
        "map 0|jhpc map: error: NTOT must be at least 1, got 0",
        "arrays --n 0|jhpc arrays: error: --n must be from 1 to 4096, got 0"})
    void badInputIsOneLineAndExitTwo(String args, String message) {
        AucCommandTest.Run r = AucCommandTest.run(args.split(" "));
        assertEquals(2, r.code());
        assertEquals(List.of(message), r.err());
        assertEquals("", r.out());
    }
}
