package org.jhpc.profiler.agent;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;

/**
 * The profiler's agent ({@code -javaagent:jhpc-profiler-agent-VERSION.jar=CONFIG}). CONFIG is a file of
 * tab-separated {@code key value} lines:
 * <ul>
 *   <li>{@code heap-interval N}: start the unbiased heap sampler ({@link HeapSampler}), one sample every N bytes
 *       on average;</li>
 *   <li>{@code wall-period-us N} (and {@code stack-depth D}): start the wall-clock sampler ({@link WallSampler});</li>
 *   <li>{@code exact-out FILE}: count calls, line hits and allocations ({@code --exact}) and write them to FILE at
 *       exit; {@code method PATTERN} lines choose the methods, and methods annotated with
 *       {@code @org.jhpc.profiler.Profile} are always instrumented. Classes of the JDK and of the boot loader are
 *       left alone; a class that fails to transform is loaded unchanged, with one warning on stderr.</li>
 * </ul>
 */
public final class ExactAgent {
    private ExactAgent() {}

    public static void premain(String args, Instrumentation inst) throws IOException {
        Path out = null;
        long heapInterval = 0;
        long wallMicros = 0;
        int depth = 2048;
        List<String> methods = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab < 0) continue;
            String value = line.substring(tab + 1).strip();
            switch (line.substring(0, tab)) {
                case "exact-out" -> out = Path.of(value);
                case "method" -> methods.add(value);
                case "heap-interval" -> heapInterval = Long.parseLong(value);
                case "wall-period-us" -> wallMicros = Long.parseLong(value);
                case "stack-depth" -> depth = Integer.parseInt(value);
                default -> { }
            }
        }
        if (heapInterval > 0) HeapSampler.start(heapInterval);
        if (wallMicros > 0) WallSampler.start(wallMicros * 1000, depth);
        if (out != null) exact(out, methods, inst);
    }

    /**
     * The heap sampler ({@code heapInterval} bytes, 0: none) and the wall-clock sampler ({@code wallNanos}, 0: none)
     * started in a JVM that is already running, for the profiler's runs in its own JVM; the heap sampler is
     * installed before this returns, and records no exact total (this JVM allocated before the run). Returns what
     * stops both. A heap sampler that cannot be installed is one line on stderr, and no allocation samples.
     */
    public static Runnable startInProcess(long heapInterval, long wallNanos, int depth) {
        if (heapInterval > 0) {
            try {
                HeapSampler.install(heapInterval, false);
            } catch (Throwable t) {
                System.err.println("jhpc profile: no heap sampling (" + t + ")");
            }
        }
        Thread wall = wallNanos > 0 ? WallSampler.start(wallNanos, depth) : null;
        return () -> {
            HeapSampler.pause();
            if (wall != null) {
                wall.interrupt();
                try {
                    wall.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private static void exact(Path out, List<String> methods, Instrumentation inst) {
        Instrumenter instrumenter = new Instrumenter(methods);
        Counters.init(inst);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Counters.dump(out);
            } catch (IOException e) {
                System.err.println("jhpc profile agent: cannot write " + out + ": " + e.getMessage());
            }
        }, "jhpc-exact-dump"));
        inst.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain pd,
                                    byte[] bytes) {
                if (loader == null || name == null || redefined != null || skipped(name)) return null;
                try {
                    return instrumenter.transform(bytes, loader);
                } catch (Throwable t) {
                    System.err.println("jhpc profile agent: left " + name + " uninstrumented: " + t);
                    return null;
                }
            }
        });
    }

    static boolean skipped(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/") || internalName.startsWith("com/sun/")
                || internalName.startsWith("org/jhpc/profiler/agent/");
    }
}
