package org.jhpc.profiler.agent;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * The {@code --exact} agent ({@code -javaagent:jhpc-app-*-agent.jar=CONFIG}). CONFIG is a file whose first line
 * is where to write the counts at exit and whose other lines are method patterns; methods annotated with
 * {@code @org.jhpc.profiler.Profile} are always instrumented. Classes of the JDK and of the boot loader are left
 * alone; a class that fails to transform is loaded unchanged, with one warning on stderr.
 */
public final class ExactAgent {
    private ExactAgent() {}

    public static void premain(String args, Instrumentation inst) throws IOException {
        List<String> conf = Files.readAllLines(Path.of(args), StandardCharsets.UTF_8);
        Path out = Path.of(conf.getFirst());
        Instrumenter instrumenter = new Instrumenter(conf.subList(1, conf.size()).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
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
