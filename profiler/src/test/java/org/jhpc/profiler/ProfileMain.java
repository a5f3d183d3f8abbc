package org.jhpc.profiler;

import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;

/**
 * A test-only command line over the profiler (default options, no agent): {@code --pid PID SECONDS} attaches;
 * {@code --in-process MainClass [args]} runs the main class in this JVM through {@link InProcess}, as an
 * application command would be; anything else is a child-JVM target. The signal tests run it as a process.
 */
public final class ProfileMain {
    private ProfileMain() {}

    public static void main(String[] args) {
        ProfileOptions o = ProfileOptions.defaults();
        ProfilerConfig config = ProfilerConfig.plain(null);
        PrintWriter out = new PrintWriter(System.out, true);
        if (args[0].equals("--in-process")) {
            ProfilerConfig here = InProcessTest.config(args[1]);
            Target t = new Target(List.of(), List.of(), "in-process " + args[1], List.of(args).subList(2, args.length));
            System.exit(InProcess.run(o, t, here, r -> {
                Profiler.report(r, o, out);
                return r.profilerExitCode();
            }));
        }
        Profiler.Run run = args[0].equals("--pid")
                ? Profiler.attach(o, Long.parseLong(args[1]), java.time.Duration.ofSeconds(Long.parseLong(args[2])), config)
                : Profiler.run(o, Target.parse(List.of(args), config), config, Redirect.INHERIT, Redirect.INHERIT);
        if (run.data() != null) Profiler.report(run, o, out);
        System.exit(run.profilerExitCode());
    }
}
