package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhpc.benchmark.ExprData;
import org.jhpc.benchmark.Toolchain;
import org.jhpc.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jhpc bench expr} on its tiny cases, one run per row, in a child JVM with a deadline: there is a case per
 * dtype (float64, float32, int64, int32, bool) for the arithmetic and the comparison expression, jhpc's rows and
 * numpy's (and numexpr's at 1 thread, when python3-numexpr is installed) are measured on each, and every answer's
 * checksum equals the exact one. No timed assertions.
 */
class BenchExprTest {
    @Test
    void everyDtypeCaseIsMeasuredAndEveryAnswerAgrees(@TempDir Path tmp) throws IOException {
        Toolchain tools = Toolchain.probe();
        assumeTrue(tools.hasPython("numpy"), "SKIPPED: jhpc bench expr test needs python3-numpy (scripts/install-deps peers)");
        boolean numexpr = tools.hasPython("numexpr");
        if (!numexpr) System.err.println("BenchExprTest: python3-numexpr missing, numexpr rows not checked (scripts/install-deps peers)");
        List<String> rows = new ArrayList<>(List.of("numpy", "jhpc-expr-1"));
        if (numexpr) rows.add("numexpr-1");
        Path out = tmp.resolve("out");
        ChildProcess.Result r = ChildProcess.of(ChildProcess.java(List.of("-Djhpc.bench.launcher=self",
                        "-Djhpc.root=" + BenchCommandTest.ROOT, "-Djava.awt.headless=true"), "org.jhpc.cli.Main", "bench", "expr",
                        "--tiny", "--runs", "1", "--out", out.toString(), "--deadline", "120", "--only", String.join(",", rows)))
                .timeout(900).run();
        assertEquals(0, r.exit(), r.all());
        List<Map<String, String>> csv = BenchCommandTest.parseCsv(Files.readString(out.resolve("bench.csv")));
        for (String t : ExprData.DTYPES) {
            for (String expr : List.of(ExprData.arithmetic(t), ExprData.comparison(t))) {
                for (String id : rows) {
                    List<Map<String, String>> lines = csv.stream().filter(l -> l.get("row").equals(id)
                            && l.get("case").startsWith(t + " `" + expr + "` ")).toList();
                    assertFalse(lines.isEmpty(), "no CSV line for " + id + " on " + t + " " + expr);
                    for (Map<String, String> l : lines) {
                        assertEquals("true", l.get("agrees"), id + " " + t + " " + expr + ": " + l.get("detail"));
                        assertTrue(Double.parseDouble(l.get("compute_s")) > 0, l.toString());
                    }
                }
            }
        }
    }
}
