package org.jhpc.cli;

import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jhpc.core.UserError;
import java.time.Duration;
import org.jhpc.profiler.InProcess;
import org.jhpc.profiler.ProfileOptions;
import org.jhpc.profiler.ProfilerConfig;
import org.jhpc.profiler.StackFilter;
import org.jhpc.profiler.Profiler;
import org.jhpc.profiler.SampleKind;
import org.jhpc.profiler.SortKey;
import org.jhpc.profiler.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jhpc profile}: cProfile, line_profiler and memory_profiler for any Java program, on JDK Flight Recorder. */
@Command(name = "profile", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Runs TARGET (a jhpc command in this JVM where it can, anything else in a child JVM) under JDK Flight Recorder and reports where its time and memory went:"
                + " by method (like python -m cProfile -s cumulative), by source line (like kernprof -l -v) and by"
                + " allocation site with heap use over time (like memory_profiler).",
                "TARGET (after --): -cp CLASSPATH MainClass [args] | -jar app.jar [args] | a jhpc command, e.g."
                        + " 'jhpc profile -- diff2d --set dx=0.5'. JVM options may precede -cp/-jar.",
                "The target's stdout, stderr and exit code are kept; the reports follow its output on stdout (or go to"
                        + " --out FILE). Ctrl-C or SIGTERM stops the target and still reports (exit 130 or 143)."})
public final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sort", paramLabel = "KEY", description = "by-method order: cumulative, self, calls (needs "
            + "--exact) or name")
    String sort = "cumulative";

    @Option(names = "--top", paramLabel = "N", description = "rows in the by-method and memory tables")
    int top = 25;

    @Option(names = "--method", paramLabel = "NAME", description = "method for the by-line report and --exact "
            + "(repeatable): pkg.Class.name, Class.name or name; default: methods annotated with "
            + "@org.jhpc.profiler.Profile, else the hottest")
    List<String> methods = new ArrayList<>();

    @Option(names = "--hottest", paramLabel = "N", description = "methods in the by-line report when none is named "
            + "or annotated")
    int hottest = 3;

    @Option(names = "--sourcepath", paramLabel = "DIRS", split = ":", description = "source roots for the line "
            + "texts (':'-separated), searched before jhpc's own sources and ./src/main/java, ./src")
    List<Path> sourcepath = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "M", description = "cpu: where the CPU time went; wall: where the wall "
            + "time went, sleeping, waiting and blocked threads included (the agent's wall-clock sampler)")
    String mode = "cpu";

    @Option(names = "--samples", paramLabel = "KIND", description = "CPU samples: auto (cpu where the JVM has it), "
            + "cpu (jdk.CPUTimeSample: one per interval of each thread's CPU time, every thread; JDK 25 on Linux) or "
            + "execution (jdk.ExecutionSample: some of the threads running Java code, each interval)")
    String samples = "auto";

    @Option(names = "--interval", paramLabel = "MS", description = "sampling interval in milliseconds (per thread's "
            + "CPU time, or of the wall clock)")
    double interval = 1;

    @Option(names = "--stack-depth", paramLabel = "N", description = "deepest stack recorded; deeper ones are "
            + "truncated, and the report says how many")
    int stackDepth = ProfileOptions.DEFAULT_STACK_DEPTH;

    @Option(names = "--report", paramLabel = "R", split = ",", description = "terminal reports: methods, lines, "
            + "memory, threads, or none")
    List<String> reports = new ArrayList<>(List.of("methods", "lines", "memory"));

    @Option(names = "--include", paramLabel = "PREFIX", description = "keep only stacks through a frame in this "
            + "package, class or method (repeatable)")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "PREFIX", description = "drop stacks through a frame in this package, "
            + "class or method (repeatable)")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--exact", description = "also count calls, line hits and allocated bytes exactly, through a "
            + "java.lang.classfile agent, in the named or @Profile methods (slower)")
    boolean exact;

    @Option(names = "--out", paramLabel = "FILE", description = "write the reports to FILE instead of stdout")
    Path outFile;

    @Option(names = "--json", paramLabel = "FILE", description = "write the data as JSON")
    Path json;

    @Option(names = "--jfr", paramLabel = "FILE", description = "keep the recording (for --load, JDK Mission "
            + "Control, jfr)")
    Path jfr;

    @Option(names = "--collapsed", paramLabel = "FILE", description = "write folded stacks (flamegraph.pl, "
            + "speedscope)")
    Path collapsed;

    @Option(names = "--load", paramLabel = "FILE", description = "report on a saved recording (--jfr, or any "
            + "JFR file) instead of running a target; the words after -- (optional) are a classpath for sources")
    Path load;

    @Option(names = "--duration", paramLabel = "S", description = "stop the target after S seconds (SIGTERM) and "
            + "report what ran; with --pid: how long to record (default 10)")
    Double duration;

    @Option(names = "--pid", paramLabel = "PID", description = "profile a running JVM (JFR.start through jcmd) for "
            + "--duration seconds or until Ctrl-C; it keeps running")
    Long pid;

    @Option(names = "--alloc-interval", paramLabel = "BYTES", description = "mean bytes between heap samples (the "
            + "agent's unbiased sampler; smaller: more samples, more overhead)")
    long allocInterval = ProfileOptions.DEFAULT_HEAP_INTERVAL;

    @Option(names = "--alloc-rate", paramLabel = "N", description = "without the agent: rate of JFR's throttled "
            + "allocation samples; 0 = no allocation events")
    int allocRate = 150;

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "after --: the program to profile")
    List<String> target = new ArrayList<>();

    @Override
    public Integer call() {
        if (top < 1) throw new UserError("--top must be at least 1, got " + top);
        if (hottest < 0) throw new UserError("--hottest must not be negative, got " + hottest);
        if (allocRate < 0) throw new UserError("--alloc-rate must not be negative, got " + allocRate);
        org.jhpc.core.AtomicFiles.requireDistinct("--json", json, "--jfr", jfr, "--collapsed", collapsed);   // faults
        if (allocInterval < 0 || allocInterval > Integer.MAX_VALUE) {
            throw new UserError("--alloc-interval must be between 0 and " + Integer.MAX_VALUE + ", got " + allocInterval);
        }
        if (!(interval >= 0.1 && interval <= 10_000)) throw new UserError("--interval must be 0.1 to 10000 ms, got " + interval);
        if (stackDepth < 1 || stackDepth > 65_535) throw new UserError("--stack-depth must be 1 to 65535, got " + stackDepth);
        if (duration != null && !(duration > 0)) throw new UserError("--duration must be positive, got " + duration);
        EnumSet<ProfileOptions.Report> rs = EnumSet.noneOf(ProfileOptions.Report.class);
        for (String r : reports) {
            switch (r.strip().toLowerCase(Locale.ROOT)) {
                case "methods", "method" -> rs.add(ProfileOptions.Report.METHODS);
                case "lines", "line" -> rs.add(ProfileOptions.Report.LINES);
                case "memory", "mem" -> rs.add(ProfileOptions.Report.MEMORY);
                case "threads", "thread" -> rs.add(ProfileOptions.Report.THREADS);
                case "none" -> { }
                default -> throw new UserError("unknown report '" + r + "' (expected methods, lines, memory, threads or none)");
            }
        }
        SortKey key = SortKey.parse(sort);
        if (key == SortKey.CALLS && !exact) {
            throw new UserError("--sort calls needs --exact (calls are counted only by the --exact agent)");
        }
        SampleKind kind = switch (mode.toLowerCase(Locale.ROOT)) {
            case "cpu" -> samples.equalsIgnoreCase("auto") ? null : SampleKind.parse(samples);
            case "wall" -> SampleKind.WALL;
            default -> throw new UserError("unknown mode '" + mode + "' (expected cpu or wall)");
        };
        if (kind == SampleKind.WALL && !samples.equalsIgnoreCase("auto")) {
            throw new UserError("--samples applies to --mode cpu only");
        }
        ProfileOptions o = new ProfileOptions(kind, key, top, hottest, List.copyOf(methods), List.copyOf(sourcepath),
                json, jfr, collapsed, outFile, exact, rs, allocRate, allocInterval, interval, stackDepth,
                new StackFilter(include, exclude), duration == null || pid != null ? null
                        : Duration.ofMillis(Math.round(duration * 1000)));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProfilerConfig config = JhpcProfilerConfig.get();
        Profiler.Run run;
        if (pid != null) {
            if (load != null || !target.isEmpty()) throw new UserError("--pid takes no target and no --load");
            run = Profiler.attach(o, pid, Duration.ofMillis(Math.round((duration == null ? 10 : duration) * 1000)),
                    config);
        } else if (load != null) {
            if (jfr != null) throw new UserError("--jfr keeps a new recording; with --load the recording is " + load);
            run = Profiler.load(o, load, target.isEmpty() ? List.of() : classpathOf(target), config);
        } else {
            Target t = Target.parse(target, config);
            out.flush();
            if (InProcess.usable(o, t, config)) return InProcess.run(o, t, config, r -> finish(r, o, out, err));
            run = Profiler.run(o, t, config, Redirect.INHERIT, Redirect.INHERIT);
        }
        return finish(run, o, out, err);
    }

    /** The files and the terminal reports of a run; returns the exit code. */
    private static int finish(Profiler.Run run, ProfileOptions o, PrintWriter out, PrintWriter err) {
        if (run.data() == null) {
            err.println("jhpc profile: the target (exit code " + run.exitCode() + ") left no recording; no reports");
            return run.stoppedBy() != null ? run.profilerExitCode() : run.exitCode() == 0 ? 1 : run.exitCode();
        }
        Profiler.writeFiles(run, o);
        if (!o.reports().isEmpty() && o.out() == null) Profiler.report(run, o, out);
        out.flush();
        return run.profilerExitCode();
    }

    /** {@code --load FILE -- -cp CP} or {@code -- CP}: where the classes are, for line ranges and sources. */
    private static List<Path> classpathOf(List<String> words) {
        String cp = words.size() >= 2 && words.getFirst().matches("-cp|-classpath|--class-path") ? words.get(1)
                : words.getFirst();
        List<Path> out = new ArrayList<>();
        for (String s : cp.split(java.io.File.pathSeparator)) {
            if (!s.isEmpty()) out.add(Path.of(s));
        }
        return out;
    }
}
