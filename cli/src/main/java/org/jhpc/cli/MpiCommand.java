package org.jhpc.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jhpc.core.UserError;
import org.jhpc.mpi.Comm;
import org.jhpc.mpi.MPI;
import org.jhpc.mpi.MpiException;
import org.jhpc.mpi.Mpirun;
import org.jhpc.mpi.bench.MpiBench;
import org.jhpc.mpi.bench.PingPong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jhpc mpi}: MPI programs and diagnostics, run under {@code mpirun} like any MPI program, e.g.
 * {@code mpirun --oversubscribe --bind-to none -np 4 ./jhpc mpi rightrank} (as root add {@code --allow-run-as-root}).
 */
@Command(name = "mpi", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"MPI through Open MPI's or MPICH's libmpi (bound with Java's FFM API). Launch with mpirun, e.g.",
                "  mpirun --oversubscribe --bind-to none -np 4 ./jhpc mpi rightrank",
                "(as root add --allow-run-as-root). Without mpirun a command runs as one rank."},
        subcommands = {MpiCommand.RightRank.class, MpiCommand.Pingpong.class, MpiCommand.Bench.class, MpiCommand.Doctor.class})
public final class MpiCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The world communicator, or a one-line user error when there is no usable MPI. */
    static Comm world() {
        if (!MPI.available()) throw new UserError("MPI is not available: " + MPI.unavailableReason());
        try {
            MPI.init();
        } catch (MpiException e) {
            throw new UserError("MPI could not start: " + e.getMessage(), e);
        }
        return MPI.COMM_WORLD;
    }

    @Command(name = "rightrank", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = "The slides' first MPI program: every rank sends its rank to its left neighbour (tag 13, "
                    + "MPI_Sendrecv) and prints what its right neighbour sent.")
    static final class RightRank implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--objects", description = "use the object (serialising) sendrecv, as mpi4py's lowercase "
                + "sendrecv does, instead of an int buffer")
        boolean objects;

        @Override
        public Integer call() {
            Comm w = world();
            int rank = w.rank();
            int size = w.size();
            int right = (rank + 1) % size;
            int left = (rank + size - 1) % size;
            int rankr;
            if (objects) {
                rankr = w.<Integer>sendrecvObject(rank, left, 13, right, 13);
            } else {
                int[] got = new int[1];
                w.sendrecv(new int[] {rank}, left, 13, got, right, 13);
                rankr = got[0];
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("I am rank " + rank + "; my right neighbour is " + rankr);
            out.flush();
            return 0;
        }
    }

    @Command(name = "pingpong", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = {"Ping-pong between ranks 0 and 1: one-way latency of small messages and bandwidth of "
                    + "large ones (medians of --reps repetitions); rank 0 prints latency_us=<float> and "
                    + "bandwidth_gbs=<float> (GB = 1e9 bytes)."})
    static final class Pingpong implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--latency-bytes", paramLabel = "BYTES", description = "message size for the latency") int latencyBytes = 8;
        @Option(names = "--bandwidth-bytes", paramLabel = "BYTES", description = "message size for the bandwidth") int bandwidthBytes = 8 << 20;
        @Option(names = "--iters", paramLabel = "N", description = "round trips per latency repetition") int iters = 20000;
        @Option(names = "--bw-iters", paramLabel = "N", description = "round trips per bandwidth repetition") int bwIters = 20;
        @Option(names = "--reps", paramLabel = "N", description = "repetitions (the median is printed)") int reps = 5;
        @Option(names = "--native", description = "send from native memory segments instead of byte[]") boolean nat;

        @Override
        public Integer call() {
            if (latencyBytes < 0 || bandwidthBytes < 1 || iters < 1 || bwIters < 1 || reps < 1) {
                throw new UserError("sizes, --iters, --bw-iters and --reps must be positive");
            }
            Comm w = world();
            if (w.size() < 2) {
                throw new UserError("pingpong needs 2 ranks: mpirun -np 2 ./jhpc mpi pingpong (this job has "
                        + w.size() + ")");
            }
            double lat = PingPong.oneWaySeconds(w, latencyBytes, iters, reps, nat);
            double bw = PingPong.oneWaySeconds(w, bandwidthBytes, bwIters, reps, nat);
            if (w.rank() == 0) {
                PrintWriter out = spec.commandLine().getOut();
                out.println(String.format(Locale.ROOT, "latency_us=%.4f", lat * 1e6));
                out.println(String.format(Locale.ROOT, "bandwidth_gbs=%.4f", bandwidthBytes / bw * 1e-9));
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = {"The protocol of `jhpc bench mpi` (and of peers/mpi/mpibench.c and mpibench.py), on 2 or more ranks:",
                    "  latency BYTES ITERS REPS          ping-pong between ranks 0 and 1 from a byte[]; one-way us",
                    "  bandwidth FIG SIZES ITERS REPS    ping-pong at each size of the comma list SIZES; the figure at FIG bytes",
                    "  allreduce DOUBLES ITERS REPS      allreduce(SUM) of a double[] on every rank; us per call",
                    "Medians of REPS batches of ITERS operations between two MPI_Wtime reads. Rank 0 prints latency_us=,",
                    "check= (the byte sum of a verified round trip, or the sum of the allreduce's result) and, for",
                    "bandwidth, bandwidth_gbs= (at FIG), peak_gbs= and bw_<size>= (GB = 1e9 bytes)."})
    static final class Bench implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "MODE ARGS", arity = "1..*", description = "latency, bandwidth or allreduce, then its numbers")
        java.util.List<String> args;
        @Option(names = "--native", description = "native memory segments instead of Java arrays") boolean nat;

        @Override
        public Integer call() {
            String mode = args.get(0);
            int want = switch (mode) {
                case "latency", "allreduce" -> 4;
                case "bandwidth" -> 5;
                default -> throw new UserError("unknown mode '" + mode + "' (expected latency, bandwidth or allreduce)");
            };
            if (args.size() != want) throw new UserError(mode + " takes " + (want - 1) + " numbers, got " + (args.size() - 1));
            long[] n = new long[want - 1];
            java.util.List<Integer> sizes = new java.util.ArrayList<>();
            for (int i = 1; i < want; i++) {
                String a = args.get(i);
                try {
                    if (mode.equals("bandwidth") && i == 2) {
                        for (String s : a.split(",")) sizes.add(Integer.parseInt(s.strip()));
                        if (sizes.stream().anyMatch(x -> x < 1)) throw new NumberFormatException();
                    } else {
                        n[i - 1] = Long.parseLong(a);
                        if (n[i - 1] < (i == 1 && !mode.equals("bandwidth") ? 0 : 1) || n[i - 1] > Integer.MAX_VALUE) {
                            throw new NumberFormatException();
                        }
                    }
                } catch (NumberFormatException e) {
                    throw new UserError("not a valid count for " + mode + ": '" + a + "'");
                }
            }
            Comm w = world();
            if (w.size() < 2) {
                throw new UserError("mpi bench needs 2 ranks: mpirun -np 2 ./jhpc mpi bench ... (this job has " + w.size() + ")");
            }
            java.util.List<String> lines = new java.util.ArrayList<>();
            int reps = (int) n[want - 2];
            long iters = n[want - 3];
            switch (mode) {
                case "latency" -> {
                    MpiBench.Result r = MpiBench.pingpong(w, (int) n[0], iters, reps, nat);
                    lines.add(String.format(Locale.ROOT, "latency_us=%.4f", r.seconds() * 1e6));
                    lines.add(String.format(Locale.ROOT, "check=%.0f", r.check()));
                }
                case "allreduce" -> {
                    MpiBench.Result r = MpiBench.allreduce(w, (int) n[0], iters, reps, nat);
                    lines.add(String.format(Locale.ROOT, "latency_us=%.4f", r.seconds() * 1e6));
                    lines.add(String.format(Locale.ROOT, "check=%.0f", r.check()));
                }
                default -> {
                    int fig = (int) n[0];
                    double peak = 0, figt = 0, figcheck = 0;
                    for (int s : sizes) {
                        MpiBench.Result r = MpiBench.pingpong(w, s, MpiBench.itersFor(s, iters), reps, nat);
                        double gbs = s / r.seconds() * 1e-9;
                        peak = Math.max(peak, gbs);
                        if (s == fig) {
                            figt = r.seconds();
                            figcheck = r.check();
                        }
                        lines.add(String.format(Locale.ROOT, "bw_%d=%.4f", s, gbs));
                    }
                    lines.add(String.format(Locale.ROOT, "latency_us=%.4f", figt * 1e6));
                    lines.add(String.format(Locale.ROOT, "bandwidth_gbs=%.4f", figt > 0 ? fig / figt * 1e-9 : 0));
                    lines.add(String.format(Locale.ROOT, "peak_gbs=%.4f", peak));
                    lines.add(String.format(Locale.ROOT, "check=%.0f", figcheck));
                }
            }
            if (w.rank() == 0) {
                PrintWriter out = spec.commandLine().getOut();
                lines.forEach(out::println);
                out.flush();
            }
            return 0;
        }
    }

    /**
     * What {@code mpirun --version} says, e.g. " (Open MPI 4.1.4, same as the library)", " (MPICH Hydra 4.0.2, same
     * family as the library)", or a warning that the launcher belongs to the other family. Waits at most 10 s.
     */
    static String versionNote(java.nio.file.Path mpirun, String implementation, String libraryVersion) {
        try {
            Process p = new ProcessBuilder(mpirun.toString(), "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return " (mpirun --version did not answer within 10 s)";
            }
            String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String launcherFamily;
            String version = "";
            var ompi = java.util.regex.Pattern.compile("\\((?:Open MPI|OpenRTE)\\)\\s*(\\S+)").matcher(text);
            var hydra = java.util.regex.Pattern.compile("Version:\\s*(\\S+)").matcher(text);
            if (ompi.find()) {
                launcherFamily = "Open MPI";
                version = ompi.group(1);
            } else if (text.contains("HYDRA")) {
                launcherFamily = "MPICH";
                if (hydra.find()) version = hydra.group(1);
            } else {
                return " (" + text.lines().findFirst().orElse("").strip() + ")";
            }
            String name = launcherFamily.equals("MPICH") ? "MPICH Hydra " + version : "Open MPI " + version;
            if (!launcherFamily.equals(implementation)) {
                return " (" + name + ": a launcher of the other family than the library; use "
                        + (implementation.equals("MPICH") ? "mpirun.mpich" : "mpirun.openmpi") + " or set JHPC_LIBMPI)";
            }
            boolean sameVersion = launcherFamily.equals("MPICH") ? libraryVersion.contains("Version:") && libraryVersion
                    .replaceAll("\\s+", " ").contains("Version: " + version) : libraryVersion.contains("v" + version);
            return " (" + name + (sameVersion ? ", same version as the library)" : ", same family as the library)");
        } catch (java.io.IOException e) {
            return " (cannot run it: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Command(name = "doctor", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = "Reports the MPI library jhpc found, its implementation and version, the thread level, "
                    + "the launcher and whether launcher and library match. Exit 1 when MPI is unusable.")
    static final class Doctor implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String launcher = MPI.launcher();
            String mpirun = Mpirun.find().map(Object::toString).orElse("not found on PATH");
            if (!MPI.available()) {
                out.println("library: none");
                out.println("problem: " + MPI.unavailableReason());
                out.println("launcher: " + launcher);
                out.println("mpirun: " + mpirun);
                out.flush();
                return 1;
            }
            Comm w = world();
            if (w.rank() == 0) {
                out.println("library: " + MPI.libraryPath());
                out.println("implementation: " + MPI.implementation() + " (ABI bound: " + MPI.implementation() + ")");
                out.println("version: " + MPI.libraryVersion().lines().findFirst().orElse("?"));
                out.println("mpi_standard: " + MPI.standardVersion());
                out.println("thread_level: " + MPI.threadLevelName(MPI.threadLevel()));
                out.println("launcher: " + launcher);
                out.println("launcher_matches: " + (MPI.launcherMatches() ? "yes" : "NO (the job was started by "
                        + launcher + " but the library is " + MPI.implementation() + "'s: start jhpc with "
                        + (MPI.implementation().equals("MPICH") ? "mpirun.mpich" : "mpirun.openmpi")
                        + " or set JHPC_LIBMPI to the launcher's library)"));
                out.println("ranks: " + w.size());
                out.println("processor: " + MPI.processorName());
                out.println("mpirun: " + mpirun + Mpirun.find()
                        .map(m -> versionNote(m, MPI.implementation(), MPI.libraryVersion())).orElse(""));
                out.println("jvm_cpus: " + Runtime.getRuntime().availableProcessors()
                        + (Runtime.getRuntime().availableProcessors() == 1 ? " (pinned to one core? use mpirun "
                        + "--bind-to none)" : ""));
                out.flush();
            }
            w.barrier();
            return 0;
        }
    }
}
