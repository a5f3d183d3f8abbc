package org.jhpc.profiler;

import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;

/** A test-only command line over the profiler (default options, no agent; {@code --pid PID SECONDS} attaches): the signal tests run it as a process. */
public final class ProfileMain {
    private ProfileMain() {}

    public static void main(String[] args) {
        ProfileOptions o = ProfileOptions.defaults();
        ProfilerConfig config = ProfilerConfig.plain(null);
        Profiler.Run run = args[0].equals("--pid")
                ? Profiler.attach(o, Long.parseLong(args[1]), java.time.Duration.ofSeconds(Long.parseLong(args[2])), config)
                : Profiler.run(o, Target.parse(List.of(args), config), config, Redirect.INHERIT, Redirect.INHERIT);
        if (run.data() != null) Profiler.report(run, o, new PrintWriter(System.out, true));
        System.exit(run.profilerExitCode());
    }
}
