package org.jhpc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jhpc.auc.ExactLeftSum;
import org.jhpc.core.Cpus;
import org.jhpc.tutorial.map.MapStrategy;
import org.jhpc.tutorial.map.MappedAuc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jhpc map}: Python's Pool.map, done with the JDK's executors (org.jhpc.tutorial.map). */
@Command(name = "map", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Pool.map for Java: the slides' p.map(f, [1, 2, 3]), then auc of NTOT points split into "
                + "CHUNKS chunks, each chunk's sum mapped over a fixed thread pool, a work-stealing pool, a parallel "
                + "stream and virtual threads, with the area and time of each; then what the chunk count does to "
                + "the fixed pool's time.",
                "Source: tutorial/src/main/java/org/jhpc/tutorial/map/."})
public final class MapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NTOT", defaultValue = "30000000",
            description = "number of points")
    String ntotText;

    @Option(names = "--workers", paramLabel = "N", description = "pool threads (default: available processors)")
    int workers = Cpus.defaultThreads();

    @Option(names = "--chunks", paramLabel = "N", description = "chunks the points are split into")
    int chunks = 64;

    @Option(names = "--strategy", paramLabel = "S", description = "fixed, stealing, stream or virtual (default: all)")
    String strategy;

    @Option(names = "--sweep", paramLabel = "LIST", split = ",", description = "chunk counts for the fixed pool's "
            + "chunk-size table (empty: none)")
    List<Integer> sweep = new ArrayList<>(List.of(1, 2, 64, 4096, 262144));

    @Option(names = "--repeat", paramLabel = "R", description = "runs of each; the time is the fastest (the first "
            + "run includes the JIT's warm-up)")
    int repeat = 3;

    @Override
    public Integer call() {
        long ntot = AucCommand.parseCount(ntotText);
        List<MapStrategy> strategies = strategy == null ? List.of(MapStrategy.values())
                : List.of(MapStrategy.parse(strategy));
        for (int c : sweep) MappedAuc.check(c, workers, repeat);   // bad input fails before any output
        MappedAuc.check(chunks, workers, repeat);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Pool.map(f, [1, 2, 3]) with f(x) = x*x: " + MappedAuc.squares(List.of(1, 2, 3), workers));
        out.printf(Locale.ROOT, "auc of %d points in %d chunks on %d workers, best of %d (exact left sum %s)%n",
                ntot, chunks, workers, repeat, ExactLeftSum.value(ntot));
        for (MapStrategy s : strategies) {
            MappedAuc.Result r = MappedAuc.run(s, ntot, chunks, workers, repeat);
            out.printf(Locale.ROOT, "strategy=%-9s area=%-19s time=%.4f s%n", s.label(), r.area(), r.seconds());
            out.flush();
        }
        if (strategy != null || sweep.isEmpty()) return 0;
        out.println("chunk count on the fixed pool (more chunks: better balance, more overhead per point):");
        for (int c : sweep) {
            MappedAuc.Result r = MappedAuc.run(MapStrategy.FIXED, ntot, c, workers, repeat);
            out.printf(Locale.ROOT, "chunks=%-8d points_per_chunk=%-10d area=%-19s time=%.4f s%n",
                    c, Math.ceilDiv(ntot, c), r.area(), r.seconds());
            out.flush();
        }
        return 0;
    }
}
