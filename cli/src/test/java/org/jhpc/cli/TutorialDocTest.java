package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jhpc.testing.ChildProcess;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/tutorial.md stays true: every command of its {@code console} blocks is run again (in a child process with a
 * deadline, {@code ./jhpc} standing for this build's classes) and must exit 0 and print what the document shows,
 * up to {@link #normalise}: timings, rates and machine descriptions are masked, the racy counter's count is
 * masked, runs of spaces are one, and decimals agree to 1e-12 (relative). A block after
 * {@code <!-- check: runs -->} (a profile: its sample counts vary) must only exit 0 and print something.
 * stdout and stderr are matched as an interleaving of the documented lines (their order in a terminal varies).
 */
class TutorialDocTest {
    static final Path ROOT = Path.of(java.util.Objects.requireNonNullElse(org.jhpc.core.Config.ROOT.given(), "..")).toAbsolutePath().normalize();
    static final Path DOC = ROOT.resolve("docs/tutorial.md");

    /** One documented command, its documented output, and whether only its exit code is checked. */
    record Example(String command, List<String> output, boolean runsOnly, int line) {}

    static List<Example> examples() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        List<Example> out = new ArrayList<>();
        boolean runsOnly = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.strip().equals("<!-- check: runs -->")) runsOnly = true;
            if (!l.startsWith("```console")) continue;
            i++;
            String cmd = null;
            int at = 0;
            List<String> outLines = new ArrayList<>();
            for (; !lines.get(i).startsWith("```"); i++) {
                if (lines.get(i).startsWith("$ ")) {
                    if (cmd != null) out.add(new Example(cmd, outLines, runsOnly, at));
                    cmd = lines.get(i).substring(2);
                    at = i + 1;
                    outLines = new ArrayList<>();
                } else {
                    outLines.add(lines.get(i));
                }
            }
            if (cmd != null) out.add(new Example(cmd, outLines, runsOnly, at));
            runsOnly = false;
        }
        return out;
    }

    private static final List<String[]> MASKS = List.of(
            new String[] {"\\b\\d+(\\.\\d+)?( s)\\b", "<t>$2"},
            new String[] {"\\b([a-z_]*seconds[a-z_]*=)\\S+", "$1<t>"},
            new String[] {"\\b(gflops|gbytes_per_second|points_per_second)=\\S+", "$1<t>"},
            new String[] {"[0-9.]+ GFlop/s", "<t> GFlop/s"},
            new String[] {"^first_call: .*", "first_call: <t>"},
            new String[] {"speed-up: \\S+x", "speed-up: <t>x"},
            new String[] {"\\b(kernel|java)=.*", "$1=<machine>"},
            new String[] {"^(interpreter|fused)\\s.*", "$1 <t>"},
            new String[] {"max \\|difference\\| \\S+", "max |difference| <small>"},
            new String[] {"^(fix=none\\s+count=)\\d+(.*lost=)\\d+", "$1<racy>$2<racy>"},
            new String[] {"\\s+", " "});

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+(e[-+]?\\d+)?");

    /** The line with timings and machine-dependent parts masked. */
    static String normalise(String line) {
        String s = line.strip();
        for (String[] m : MASKS) s = Pattern.compile(m[0]).matcher(s).replaceAll(m[1]);
        return s;
    }

    /** Same text once decimals are set aside, and each pair of decimals within 1e-12 (relative). */
    static boolean same(String documented, String actual) {
        String a = normalise(documented), b = normalise(actual);
        if (a.equals(b)) return true;
        if (!DECIMAL.matcher(a).replaceAll("#").equals(DECIMAL.matcher(b).replaceAll("#"))) return false;
        Matcher x = DECIMAL.matcher(a), y = DECIMAL.matcher(b);
        while (x.find() && y.find()) {
            double u = Double.parseDouble(x.group()), v = Double.parseDouble(y.group());
            if (Math.abs(u - v) > 1e-12 * Math.max(Math.abs(u), Math.abs(v))) return false;
        }
        return true;
    }

    @Test
    void theMaskingKeepsWhatMatters() {
        assertTrue(same("fix=none          count=902047     expected=1000000    lost=97953      time=0.0125 s",
                "fix=none count=999 expected=1000000 lost=999001 time=1.5 s"));
        assertFalse(same("fix=lock count=1000000 expected=1000000", "fix=lock count=999999 expected=1000000"));
        assertTrue(same("area=8.174999955000004   time=0.0043 s", "area=8.174999955000002 time=0.1 s"));
        assertFalse(same("The area is 8.175000", "The area is 8.175001"));
        assertFalse(same("0.4975000000000004", "0.5"));
        assertTrue(same("compute_seconds=0.63", "compute_seconds=1.2e-05"));
    }

    static Path wrapper() throws IOException {
        Path dir = Files.createTempDirectory("jhpc-doc-");
        Path w = dir.resolve("jhpc");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(w, "#!/usr/bin/env bash\n"
                + "exec '" + java + "' --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED "
                + "-XX:+UseParallelGC -Djhpc.root='" + ROOT + "' -Djhpc.stderr.tty=0 -cp '"
                + System.getProperty("java.class.path") + "' org.jhpc.cli.Main \"$@\" "
                + "2> >(sed -u '1{/^WARNING: Using incubator modules: jdk\\.incubator\\.vector$/d;}' >&2)\n");
        Files.setPosixFilePermissions(w, PosixFilePermissions.fromString("rwx------"));
        dir.toFile().deleteOnExit();
        w.toFile().deleteOnExit();
        return w;
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandStillPrintsWhatTheTutorialShows() throws IOException {
        List<Example> examples = examples();
        assertTrue(examples.size() >= 20, "found only " + examples.size() + " commands in " + DOC);
        Path jhpc = wrapper();
        return examples.stream().map(ex -> DynamicTest.dynamicTest("line " + ex.line() + ": " + ex.command(), () -> {
            if (ex.command().contains("mpirun")) {
                assumeTrue(ExerciseCommandTest.hasMpirun(), "SKIPPED: mpirun is not on PATH "
                        + "(scripts/install-deps installs Open MPI): " + ex.command());
            }
            String cmd = ex.command().replace("./jhpc", "'" + jhpc + "'");
            ChildProcess.Result r = ChildProcess.of("bash", "-c", cmd).dir(ROOT).timeout(300).run();
            assertEquals(0, r.exit(), ex.command() + " failed:\n" + r.all());
            if (ex.runsOnly()) {
                assertFalse(r.out().isBlank(), ex.command() + " printed nothing");
                return;
            }
            List<String> out = strip(r.out()), err = strip(r.err());
            int o = 0, e = 0;
            for (String want : strip(String.join("\n", ex.output()))) {
                if (o < out.size() && same(want, out.get(o))) o++;
                else if (e < err.size() && same(want, err.get(e))) e++;
                else fail("docs/tutorial.md line " + ex.line() + ", '" + ex.command() + "': the document shows\n  "
                        + want + "\nbut the command printed\n" + r.all());
            }
            assertEquals(out.size(), o, "more stdout than documented:\n" + r.all());
            assertEquals(err.size(), e, "more stderr than documented:\n" + r.all());
        }));
    }

    /** The lines of a text without trailing spaces or trailing empty lines (as docs/build writes them). */
    static List<String> strip(String text) {
        List<String> l = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        while (!l.isEmpty() && l.getLast().isEmpty()) l.removeLast();
        return l;
    }
}
