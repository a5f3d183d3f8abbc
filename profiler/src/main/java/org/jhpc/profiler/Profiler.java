package org.jhpc.profiler;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.UserError;

/**
 * Runs a target under the profiler and turns the recording into reports: {@link #run} starts the child JVM, waits
 * for it and reads what it recorded; {@link #report} prints the terminal reports; {@link #writeFiles} writes the
 * requested files.
 */
public final class Profiler {
    private Profiler() {}

    /** The outcome of one profiled run; {@code data} is null when the child left no recording. */
    public record Run(int exitCode, Target target, ProfileData data, List<MethodLines> lines, SourceFinder sources,
                      Path recording) {}

    /** Runs the target; the recording and the counts live in a temporary directory removed before returning. */
    public static Run run(ProfileOptions o, Target target, Redirect stdout, Redirect stderr) {
        AtomicFiles.requireWritable(o.json());
        AtomicFiles.requireWritable(o.jfr());
        AtomicFiles.requireWritable(o.collapsed());
        ClassIndex classes = new ClassIndex(target.classpath());
        List<String> annotated = classes.annotatedMethods();
        Path tmp;
        try {
            tmp = Files.createTempDirectory("jhpc-profile");
        } catch (IOException e) {
            throw new UserError("cannot create a temporary directory: " + AtomicFiles.describe(e), e);
        }
        try {
            Path jfc = JfrSettings.write(tmp, 1, true, o.allocationRate());
            Path jfr = tmp.resolve("recording.jfr");
            Path counts = tmp.resolve("exact.tsv");
            List<String> agent = new ArrayList<>();
            if (o.exact()) {
                if (o.methods().isEmpty() && annotated.isEmpty()) {
                    throw new UserError("--exact needs --method NAME or methods annotated with @org.jhpc.profiler.Profile");
                }
                Path config = tmp.resolve("exact.conf");
                List<String> conf = new ArrayList<>();
                conf.add(counts.toString());
                conf.addAll(o.methods());
                Files.write(config, conf, StandardCharsets.UTF_8);
                agent.add("-javaagent:" + AgentJar.find() + "=" + config);
            }
            int code = ChildJvm.run(ChildJvm.command(target, jfc, jfr, agent), stdout, stderr);
            if (!Files.isRegularFile(jfr) || Files.size(jfr) == 0) {
                return new Run(code, target, null, List.of(), null, null);
            }
            if (o.jfr() != null) AtomicFiles.write(o.jfr(), (OutputStream out) -> Files.copy(jfr, out));
            Recording rec = JfrReader.read(jfr);
            ExactCounts exact = o.exact() ? ExactCounts.read(counts) : ExactCounts.NONE;
            ProfileData data = new ProfileData(rec, o.samples(), exact);
            SourceFinder sources = SourceFinder.withDefaults(o.sourcepath());
            List<MethodLines> lines = new ArrayList<>();
            for (String m : lineMethods(o, data, annotated)) lines.add(MethodLines.of(data, m, classes, sources));
            return new Run(code, target, data, lines, sources, o.jfr());
        } catch (IOException e) {
            throw new UserError("profiler I/O failed: " + AtomicFiles.describe(e), e);
        } finally {
            deleteTree(tmp);
        }
    }

    /** The by-line report's methods: those named and those annotated that ran, else the hottest. */
    static List<String> lineMethods(ProfileOptions o, ProfileData d, List<String> annotated) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : o.methods()) out.addAll(d.matching(p));
        for (String a : annotated) {
            if (d.method(a).total() > 0 || d.exact().calls(a) > 0) out.add(a);
        }
        if (out.isEmpty() && o.methods().isEmpty()) out.addAll(d.hottest(o.hottest()));
        return new ArrayList<>(out);
    }

    /** Prints the chosen terminal reports. */
    public static void report(Run r, ProfileOptions o, PrintWriter out) {
        ProfileData d = r.data();
        Recording rec = d.recording();
        out.println();
        out.printf(Locale.ROOT, "jhpc profile: %s (exit code %d)%n", r.target().label(), r.exitCode());
        out.printf(Locale.ROOT, "%d %s samples over %.2f s (%d execution samples every 1 ms, %d CPU-time samples, asked "
                        + "for every 1 ms of CPU%s), %d allocation samples%n", d.samples(), d.kind() == SampleKind.CPU ? "CPU-time"
                        : "execution", rec.seconds(), rec.executionSamples().size(), rec.cpuSamples().size(),
                rec.cpuSamplesLost() > 0 ? ", " + rec.cpuSamplesLost() + " lost" : "", rec.allocationSamples().size());
        if (d.samples() == 0) {
            out.println("No time samples: the target ran too briefly, or spent its time outside Java code "
                    + (d.kind() == SampleKind.EXECUTION ? "(try --samples cpu)." : "."));
        }
        if (o.reports().contains(ProfileOptions.Report.METHODS) && d.samples() > 0) {
            out.println();
            MethodReport.print(d, o.sort(), o.top(), out);
        }
        if (o.reports().contains(ProfileOptions.Report.LINES)) {
            out.println();
            if (r.lines().isEmpty()) {
                out.println("By line: no samples in " + (o.methods().isEmpty() ? "any method outside the JDK"
                        : "a method matching " + String.join(", ", o.methods())) + ".");
            } else {
                out.println("By line (" + (o.methods().isEmpty() ? "@Profile methods, or the hottest methods"
                        : "methods matching " + String.join(", ", o.methods())) + "):");
                out.println();
                for (MethodLines m : r.lines()) LineReport.print(d, m, out);
            }
        }
        if (o.reports().contains(ProfileOptions.Report.MEMORY)) {
            out.println();
            MemoryReport.print(d, Math.min(o.top(), 15), r.sources(), out);
        }
        out.flush();
    }

    /** Writes --json and --collapsed (the recording itself was copied by {@link #run}). */
    public static void writeFiles(Run r, ProfileOptions o) {
        if (o.json() != null) JsonReport.write(o.json(), r.data(), r.lines());
        if (o.collapsed() != null) CollapsedStacks.write(o.collapsed(), r.data().timeSamples());
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
