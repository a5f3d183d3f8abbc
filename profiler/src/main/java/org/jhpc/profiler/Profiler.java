package org.jhpc.profiler;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * The outcome of one profiled run; {@code data} is null when the child left no recording. {@code stoppedBy}
     * says why the profiler stopped the target ("SIGINT", "SIGTERM", "deadline"), or is null.
     */
    public record Run(int exitCode, String stoppedBy, Target target, ProfileData data, List<MethodLines> lines,
                      SourceFinder sources, Path recording) {
        /** The profiler's exit code: 130 after SIGINT, 143 after SIGTERM, else the target's. */
        public int profilerExitCode() {
            return new ChildJvm.Outcome(exitCode, stoppedBy).profilerExitCode();
        }
    }

    /** Runs the target; the recording and the counts live in a temporary directory removed before returning. */
    public static Run run(ProfileOptions o, Target target, ProfilerConfig config, Redirect stdout, Redirect stderr) {
        AtomicFiles.requireWritable(o.json());
        AtomicFiles.requireWritable(o.jfr());
        AtomicFiles.requireWritable(o.collapsed());
        AtomicFiles.requireWritable(o.out());
        ClassIndex classes = new ClassIndex(target.classpath());
        // --exact must know before the run which methods to count; otherwise the @Profile methods are found among
        // those that ran, once the run is over (see analyse)
        List<String> annotated = null;
        if (o.exact() && o.methods().isEmpty()) {
            annotated = classes.annotatedMethods();
            if (annotated.isEmpty()) {
                throw new UserError("--exact needs --method NAME or methods annotated with @org.jhpc.profiler.Profile");
            }
        }
        boolean wall = o.samples() == SampleKind.WALL;
        boolean agentNeeded = o.exact() || wall;
        Path agentJar = agentNeeded ? config.requireAgent(o.exact() ? "--exact" : "--mode wall")
                : config.agentJar() != null && Files.isRegularFile(config.agentJar()) ? config.agentJar() : null;
        boolean heapSampler = agentJar != null && o.heapInterval() > 0;
        Path tmp = tempDir();
        try {
            Path jfc = JfrSettings.write(tmp, JfrSettings.jfc(o.periodMillis(), !wall && o.recordsCpu(),
                    !wall && o.recordsExecution(), !heapSampler && o.allocationRate() > 0, o.allocationRate()));
            Path jfr = tmp.resolve("recording.jfr");
            Path counts = tmp.resolve("exact.tsv");
            List<String> agent = new ArrayList<>();
            if (agentJar != null && (heapSampler || agentNeeded)) {
                Path conf = tmp.resolve("agent.conf");
                List<String> lines = new ArrayList<>();
                if (heapSampler) lines.add("heap-interval\t" + o.heapInterval());
                if (wall) {
                    lines.add("wall-period-us\t" + Math.max(100, Math.round(o.periodMillis() * 1000)));
                    lines.add("stack-depth\t" + o.stackDepth());
                }
                if (o.exact()) {
                    lines.add("exact-out\t" + counts);
                    for (String m : o.methods()) lines.add("method\t" + m);
                }
                Files.write(conf, lines, StandardCharsets.UTF_8);
                agent.add("-javaagent:" + agentJar + "=" + conf);
                if (heapSampler && target.javaArgs().stream().noneMatch(a -> a.startsWith("--enable-native-access"))) {
                    agent.add("--enable-native-access=ALL-UNNAMED");   // the heap sampler reaches JVMTI through FFM
                }
            }
            ChildJvm.Outcome outcome = ChildJvm.run(ChildJvm.command(target, jfc, jfr, o.stackDepth(), agent), stdout,
                    stderr, o.duration());
            if (!Files.isRegularFile(jfr) || Files.size(jfr) == 0) {
                return new Run(outcome.exitCode(), outcome.stoppedBy(), target, null, List.of(), null, null);
            }
            if (o.jfr() != null) AtomicFiles.write(o.jfr(), (OutputStream out) -> Files.copy(jfr, out));
            Recording rec = JfrReader.read(jfr, o.stackDepth());
            ExactCounts exact = o.exact() ? ExactCounts.read(counts) : ExactCounts.NONE;
            return analyse(o, config, outcome.exitCode(), outcome.stoppedBy(), target, rec, exact, classes, annotated);
        } catch (IOException e) {
            throw new UserError("profiler I/O failed: " + AtomicFiles.describe(e), e);
        } finally {
            deleteTree(tmp);
        }
    }

    /** {@code --load FILE}: the reports of a saved recording (classes and sources looked up on {@code classpath}). */
    public static Run load(ProfileOptions o, Path recording, List<Path> classpath, ProfilerConfig config) {
        AtomicFiles.requireWritable(o.json());
        AtomicFiles.requireWritable(o.collapsed());
        AtomicFiles.requireWritable(o.out());
        if (!Files.isRegularFile(recording)) throw new UserError("--load: no such file: " + recording);
        if (o.exact()) throw new UserError("--exact counts while the target runs; it cannot be added to a saved recording");
        Recording rec = JfrReader.read(recording, o.stackDepth());
        ClassIndex classes = new ClassIndex(classpath);
        Target t = new Target(List.of(), classpath, recording.getFileName().toString());
        return analyse(o, config, 0, null, t, rec, ExactCounts.NONE, classes, null);
    }

    /** {@code --pid PID}: records the running JVM for {@code duration} (or until SIGINT/SIGTERM), see {@link Attach}. */
    public static Run attach(ProfileOptions o, long pid, Duration duration, ProfilerConfig config) {
        AtomicFiles.requireWritable(o.json());
        AtomicFiles.requireWritable(o.jfr());
        AtomicFiles.requireWritable(o.collapsed());
        AtomicFiles.requireWritable(o.out());
        if (o.exact() || o.samples() == SampleKind.WALL) {
            throw new UserError((o.exact() ? "--exact" : "--mode wall") + " needs the agent from the target's start; "
                    + "it cannot be used with --pid");
        }
        Path tmp = tempDir();
        try {
            Attach.Result a = Attach.record(pid, duration, o, tmp);
            if (o.jfr() != null) {
                Path f = tmp.resolve("attached.jfr");
                AtomicFiles.write(o.jfr(), (OutputStream out) -> Files.copy(f, out));
            }
            ClassIndex classes = new ClassIndex(a.classpath());
            Target t = new Target(List.of(), a.classpath(), "pid " + pid);
            return analyse(o, config, 0, a.interrupted() ? "signal (the target keeps running)" : null, t,
                    a.recording(), ExactCounts.NONE, classes, null);
        } catch (IOException e) {
            throw new UserError("profiler I/O failed: " + AtomicFiles.describe(e), e);
        } finally {
            deleteTree(tmp);
        }
    }

    /** The run's data and by-line methods; {@code annotated}: the @Profile methods, or null to look among those that ran. */
    static Run analyse(ProfileOptions o, ProfilerConfig config, int code, String stoppedBy, Target target,
                       Recording rec, ExactCounts exact, ClassIndex classes, List<String> annotated) {
        ProfileData data = new ProfileData(rec, o.kindFor(rec), exact, o.filter());
        if (annotated == null) annotated = classes.annotatedAmong(data.methods(SortKey.NAME).stream()
                .filter(m -> m.total() > 0).map(MethodStat::method).toList());
        SourceFinder sources = SourceFinder.withDefaults(o.sourcepath(), config.sourceRoots()).withClasses(classes);
        List<MethodLines> lines = new ArrayList<>();
        for (String m : lineMethods(o, data, annotated)) lines.add(MethodLines.of(data, m, classes, sources));
        return new Run(code, stoppedBy, target, data, lines, sources, o.jfr());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("jhpc-profile");
        } catch (IOException e) {
            throw new UserError("cannot create a temporary directory: " + AtomicFiles.describe(e), e);
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
        out.printf(Locale.ROOT, "jhpc profile: %s (%s)%n", r.target().label(), r.stoppedBy() == null
                ? "exit code " + r.exitCode() : "stopped by " + r.stoppedBy() + ", exit code " + r.exitCode());
        header(d, rec, o, out);
        if (!o.filter().isEmpty()) {
            out.printf(Locale.ROOT, "Filter: %s%s; percentages are of the samples kept.%n",
                    o.filter().include().isEmpty() ? "" : "stacks through " + String.join(" or ", o.filter().include()),
                    o.filter().exclude().isEmpty() ? "" : (o.filter().include().isEmpty() ? "" : ", ")
                            + "none through " + String.join(" or ", o.filter().exclude()));
        }
        if (rec.truncated() > 0) {
            out.printf(Locale.ROOT, "WARNING: %d of the samples had stacks deeper than %d frames and were truncated "
                    + "(their outermost frames are missing, so callers' totals are too low): try --stack-depth %d.%n",
                    rec.truncated(), rec.stackDepth(), Math.max(rec.stackDepth(), 1) * 4);
        }
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
        if (o.reports().contains(ProfileOptions.Report.THREADS) && d.samples() > 0) {
            out.println();
            ThreadReport.print(d, o.top(), out);
        }
        if (o.reports().contains(ProfileOptions.Report.MEMORY)) {
            out.println();
            MemoryReport.print(d, Math.min(o.top(), 15), r.sources(), out);
        }
        out.flush();
    }

    /** The samples behind the report: how many, of which kind, at what rate, over how many threads. */
    static void header(ProfileData d, Recording rec, ProfileOptions o, PrintWriter out) {
        long n = d.timeSamples().size();
        long threads = d.timeSamples().stream().map(StackSample::thread).distinct().count();
        double secs = Math.max(rec.seconds(), 1e-9);
        String period = TablePrinter.number(o.periodMillis()) + " ms";
        String what = switch (d.kind()) {
            case CPU -> "CPU-time samples (one per " + period + " of each thread's CPU time, every thread)";
            case EXECUTION -> "execution samples (every " + period + ", some of the threads running Java code)";
            case WALL -> "wall-clock samples (every " + period + ", every thread whatever its state; times in ms)";
        };
        out.printf(Locale.ROOT, "%d %s over %.2f s: %.2f samples/ms from %d thread%s%s; %d allocation samples%n", n,
                what, rec.seconds(), n / secs / 1000, threads, threads == 1 ? "" : "s",
                rec.cpuSamplesLost() > 0 && d.kind() == SampleKind.CPU ? ", " + rec.cpuSamplesLost()
                        + " more lost by the JVM (dropped at random: shares stay right)" : "",
                d.allocationSamples().size());
    }

    /** Writes --json, --collapsed and --out (the recording itself was copied by {@link #run}). */
    public static void writeFiles(Run r, ProfileOptions o) {
        if (o.json() != null) JsonReport.write(o.json(), r.data(), r.lines());
        if (o.out() != null) {
            java.io.StringWriter sw = new java.io.StringWriter();
            report(r, o, new PrintWriter(sw));
            byte[] b = sw.toString().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(o.out(), (OutputStream os) -> os.write(b));
        }
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
