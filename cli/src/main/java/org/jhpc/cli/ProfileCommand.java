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
import org.jhpc.profiler.ProfileOptions;
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
        description = {"Runs TARGET in a child JVM under JDK Flight Recorder and reports where its time and memory went:"
                + " by method (like python -m cProfile -s cumulative), by source line (like kernprof -l -v) and by"
                + " allocation site with heap use over time (like memory_profiler).",
                "TARGET (after --): -cp CLASSPATH MainClass [args] | -jar app.jar [args] | a jhpc command, e.g."
                        + " 'jhpc profile -- diff2d --set dx=0.5'. JVM options may precede -cp/-jar.",
                "The target's stdout, stderr and exit code are kept; the reports follow its output on stdout."})
public final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sort", paramLabel = "KEY", description = "by-method order: cumulative, self, calls (with "
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

    @Option(names = "--samples", paramLabel = "KIND", description = "time samples: execution (jdk.ExecutionSample, "
            + "threads running Java code, every 1 ms) or cpu (jdk.CPUTimeSample, every 1 ms of a thread's CPU time, "
            + "native code included; JDK 25 on Linux)")
    String samples = "execution";

    @Option(names = "--report", paramLabel = "R", split = ",", description = "terminal reports: methods, lines, "
            + "memory, or none")
    List<String> reports = new ArrayList<>(List.of("methods", "lines", "memory"));

    @Option(names = "--exact", description = "also count calls, line hits and allocated bytes exactly, through a "
            + "java.lang.classfile agent, in the named or @Profile methods (slower)")
    boolean exact;

    @Option(names = "--json", paramLabel = "FILE", description = "write the data as JSON")
    Path json;

    @Option(names = "--jfr", paramLabel = "FILE", description = "keep the recording (for JDK Mission Control, jfr)")
    Path jfr;

    @Option(names = "--collapsed", paramLabel = "FILE", description = "write folded stacks (flamegraph.pl, "
            + "speedscope)")
    Path collapsed;

    @Option(names = "--alloc-rate", paramLabel = "N", description = "rate of JFR's throttled allocation samples "
            + "kept in the recording for Mission Control (the memory report uses TLAB events); 0 = no allocation events")
    int allocRate = 150;

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "after --: the program to profile")
    List<String> target = new ArrayList<>();

    @Override
    public Integer call() {
        if (top < 1) throw new UserError("--top must be at least 1, got " + top);
        if (hottest < 0) throw new UserError("--hottest must not be negative, got " + hottest);
        if (allocRate < 0) throw new UserError("--alloc-rate must not be negative, got " + allocRate);
        org.jhpc.core.AtomicFiles.requireDistinct("--json", json, "--jfr", jfr, "--collapsed", collapsed);   // faults
        EnumSet<ProfileOptions.Report> rs = EnumSet.noneOf(ProfileOptions.Report.class);
        for (String r : reports) {
            switch (r.strip().toLowerCase(Locale.ROOT)) {
                case "methods", "method" -> rs.add(ProfileOptions.Report.METHODS);
                case "lines", "line" -> rs.add(ProfileOptions.Report.LINES);
                case "memory", "mem" -> rs.add(ProfileOptions.Report.MEMORY);
                case "none" -> { }
                default -> throw new UserError("unknown report '" + r + "' (expected methods, lines, memory or none)");
            }
        }
        ProfileOptions o = new ProfileOptions(SampleKind.parse(samples), SortKey.parse(sort), top, hottest,
                List.copyOf(methods), List.copyOf(sourcepath), json, jfr, collapsed, exact, rs, allocRate);
        Target t = Target.parse(target);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.flush();
        Profiler.Run run = Profiler.run(o, t, Redirect.INHERIT, Redirect.INHERIT);
        if (run.data() == null) {
            err.println("jhpc profile: the target (exit code " + run.exitCode() + ") left no recording; no reports");
            return run.exitCode() == 0 ? 1 : run.exitCode();
        }
        Profiler.writeFiles(run, o);
        if (!rs.isEmpty()) Profiler.report(run, o, out);
        return run.exitCode();
    }
}
