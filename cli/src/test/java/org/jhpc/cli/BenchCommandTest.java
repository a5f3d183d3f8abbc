package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jhpc.benchmark.Toolchain;
import org.jhpc.testing.ChildProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jhpc bench} end to end on tiny cases, one run per row, in a child JVM with a deadline: the table, the CSV
 * and the charts exist and say what was measured; the ratios are the measured numbers' ratios; every honest row
 * agrees; a peer that gives a wrong answer (a copy of the C++ peer with a wrong stencil weight) is flagged, and one
 * that does not compile (a Fortran peer with a syntax error) is reported as a failed build. No timed assertions.
 */
class BenchCommandTest {
    static final Path ROOT = Path.of(java.util.Objects.requireNonNullElse(org.jhpc.core.Config.ROOT.given(), "..")).toAbsolutePath().normalize();
    /**
     * One or two rows of every kind: jhpc, jhpc extrapolated, C++, C++ made wrong, Fortran (diff2d's builds and must
     * agree; auc's is made not to compile), Python.
     */
    static final List<String> ROWS = List.of("cpp-two", "cpp-one", "numpy", "py-pure", "jhpc-simd", "jhpc-lists", "cpp", "f90");

    static Path out;
    static ChildProcess.Result result;
    static List<Map<String, String>> csv;
    static String md;

    @BeforeAll
    static void runTheHarnessOnce(@TempDir Path tmp) throws IOException {
        Toolchain tools = Toolchain.probe();
        assumeTrue(tools.gxx.isPresent() && tools.gfortran.isPresent() && tools.hasPython("numpy"),
                "SKIPPED: jhpc bench end-to-end test needs g++, gfortran and python3-numpy (scripts/install-deps peers)");
        Path peers = tmp.resolve("peers");
        copyTree(ROOT.resolve("peers"), peers);
        Path cpp = peers.resolve("cpp/diff2d.cpp");
        String src = Files.readString(cpp);
        String wrong = src.replace("c[j + 1] + c[j - 1] - 4 * c[j]", "c[j + 1] + c[j - 1] - 3.999 * c[j]");
        assertFalse(wrong.equals(src), "the fake peer's edit must apply to peers/cpp/diff2d.cpp");
        Files.writeString(cpp, wrong);   // the one-sweep kernel now computes a wrong answer
        Files.writeString(peers.resolve("fortran/auc_serial.f90"), "program broken\n  this is not fortran\nend program\n");
        out = tmp.resolve("out");
        List<String> rows = new ArrayList<>(ROWS);
        result = ChildProcess.of(ChildProcess.java(List.of("-Djhpc.bench.launcher=self", "-Djhpc.root=" + ROOT,
                        "-Djava.awt.headless=true"), "org.jhpc.cli.Main", "bench", "all", "--tiny", "--runs", "1",
                        "--out", out.toString(), "--peers", peers.toString(), "--deadline", "120",
                        "--only", String.join(",", rows)))
                .timeout(900).run();
        assertEquals(0, result.exit(), result.all());
        md = Files.readString(out.resolve("bench.md"));
        csv = parseCsv(Files.readString(out.resolve("bench.csv")));
    }

    @Test
    void everyRequestedRowIsMeasuredOrReported() {
        for (String id : List.of("cpp-two", "cpp-one", "numpy", "py-pure", "jhpc-simd", "jhpc-lists", "cpp", "f90")) {
            List<Map<String, String>> lines = lines(id);
            assertFalse(lines.isEmpty(), "no CSV line for " + id);
            for (Map<String, String> l : lines) {
                assertTrue(Double.parseDouble(l.get("process_s")) > 0, id + " process_s " + l);
                assertTrue(Double.parseDouble(l.get("compute_s")) > 0, id + " compute_s " + l);
                assertTrue(Stream.of("0", "1").anyMatch(r -> r.equals(l.get("run"))), l.toString());
            }
        }
        assertTrue(md.contains("- `f90`: build failed"), "the broken Fortran peer is reported as a failed build:\n" + md);
        assertTrue(lines("f90").stream().noneMatch(l -> l.get("workload").equals("auc")), "auc's f90 did not build");
        assertFalse(lines("f90").isEmpty(), "diff2d's Fortran peer (peers/fortran/diff2d.f90) ran");
        assertTrue(md.contains("Python lists and loops (slides' diff2d.py) (extrapolated)"), md);
        assertTrue(lines("py-pure").stream().allMatch(l -> l.get("extrapolated").equals("true")));
        for (String col : List.of("git_sha", "jdk", "cpu", "cores", "caches", "g++", "numpy", "date", "load1")) {
            assertFalse(csv.get(0).getOrDefault(col, "").isEmpty(), "provenance column " + col + " is empty");
        }
    }

    @Test
    void honestRowsAgreeAndTheWrongPeerIsFlagged() {
        for (String id : List.of("cpp-two", "numpy", "py-pure", "jhpc-simd", "jhpc-lists", "cpp", "f90")) {
            for (Map<String, String> l : lines(id)) assertEquals("true", l.get("agrees"), id + ": " + l.get("detail"));
        }
        for (Map<String, String> l : lines("f90")) {
            assertTrue(l.get("detail").startsWith("times identical, field max |diff|"), "Fortran diff2d: " + l.get("detail"));
        }
        assertTrue(tableRow("| Fortran two sweeps |").contains("| yes |"), tableRow("| Fortran two sweeps |"));
        List<Map<String, String>> bad = lines("cpp-one");
        assertTrue(bad.stream().allMatch(l -> l.get("agrees").equals("false")), String.valueOf(bad));
        assertTrue(bad.get(0).get("detail").contains("field max |diff|"), bad.get(0).get("detail"));
        String row = tableRow("| C++ one sweep |");
        assertTrue(row.contains("**NO**"), row);
        assertTrue(tableRow("| jhpc simd |").contains("| yes |"), tableRow("| jhpc simd |"));
    }

    @Test
    void ratiosAreTheMeasuredNumbersRatios() {
        double base = warm("cpp-two", "32² x50 steps", "process_s");
        double baseC = warm("cpp-two", "32² x50 steps", "compute_s");
        for (String id : List.of("jhpc-simd", "numpy")) {
            double p = warm(id, "32² x50 steps", "process_s") / base;
            double c = warm(id, "32² x50 steps", "compute_s") / baseC;
            String row = tableRow("| " + (id.equals("numpy") ? "numpy slices" : "jhpc simd") + " |");
            assertTrue(row.contains(ratio(p) + " / " + ratio(c)), "expected " + ratio(p) + " / " + ratio(c) + " in " + row);
        }
    }

    @Test
    void chartsArePngsWithSomethingDrawn() throws IOException {
        for (String name : List.of("diff2d-rows.png", "diff2d-sizes.png", "auc-rows.png", "auc-sizes.png")) {
            BufferedImage img = ImageIO.read(out.resolve(name).toFile());
            assertNotNull(img, name + " is not a readable PNG");
            assertTrue(img.getWidth() >= 600 && img.getHeight() >= 400, name);
            assertTrue(md.contains("](" + name + ")"), "bench.md links " + name);
            int first = img.getRGB(0, 0);
            boolean varied = false;
            for (int y = 0; y < img.getHeight() && !varied; y += 7) {
                for (int x = 0; x < img.getWidth() && !varied; x += 7) varied = img.getRGB(x, y) != first;
            }
            assertTrue(varied, name + " is blank");
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        List<String[]> cases = List.of(new String[] {"bench", "nosuch"}, new String[] {"bench", "diff2d", "--runs", "0"},
                new String[] {"bench", "diff2d", "--out", file.resolve("sub").toString()},
                new String[] {"bench", "auc", "--only", "nosuchrow", "--out", tmp.resolve("o").toString()});
        for (String[] args : cases) {
            StringWriter o = new StringWriter(), e = new StringWriter();
            int code = Main.execute(new PrintWriter(o), new PrintWriter(e), args);
            List<String> err = e.toString().strip().lines().filter(l -> !l.startsWith("bench: ")).toList();
            assertEquals(2, code, String.join(" ", args) + ": " + e);
            assertEquals(1, err.size(), String.join(" ", args) + ": " + e);
            assertTrue(err.get(0).startsWith("jhpc bench: error: "), err.get(0));
        }
        assertFalse(Files.exists(tmp.resolve("o").resolve("bench.md")), "no output for a refused run");
    }

    static String ratio(double x) {
        return String.format(Locale.ROOT, x >= 10 ? "%.0f×" : x >= 0.1 ? "%.2f×" : "%.3f×", x);
    }

    static double warm(String id, String caseLabel, String col) {
        return lines(id).stream().filter(l -> l.get("case").equals(caseLabel) && l.get("run").equals("1"))
                .mapToDouble(l -> Double.parseDouble(l.get(col))).findFirst().orElseThrow();
    }

    static String tableRow(String start) {
        return md.lines().filter(l -> l.startsWith(start)).findFirst().orElse("(no table row " + start + ")");
    }

    /** The CSV lines of row {@code id} in diff2d and auc (expr has rows of the same names, with no answers to check). */
    static List<Map<String, String>> lines(String id) {
        return csv.stream().filter(l -> l.get("row").equals(id) && !l.get("workload").equals("expr")).toList();
    }

    static List<Map<String, String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            List<String> f = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean q = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (q && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    q = !q;
                } else if (ch == ',' && !q) {
                    f.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
            f.add(cur.toString());
            rows.add(f);
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < rows.get(0).size(); i++) m.put(rows.get(0).get(i), i < r.size() ? r.get(i) : "");
            out.add(m);
        }
        return out;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else if (!Files.isExecutable(p) || p.toString().endsWith(".sh") || p.toString().endsWith(".py")) Files.copy(p, t);
            }
        }
    }
}
