package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.jhpc.profiler.workloads.TimeSplit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application command profiled in the profiler's own JVM ({@link InProcess}: a RecordingStream read while the
 * command runs): the same known answers as {@link TimeSplitProfileTest} (heavy() 75% of heavy+light within 15
 * points; about 2 s of CPU, 300+ samples even on a loaded machine), the @Profile method found among those that ran,
 * the exit code kept, and no frame of the profiler or of this test in any stack (they are cut below the
 * command's entry).
 */
class InProcessTest {
    static final String P = "org.jhpc.profiler.workloads.TimeSplit.";
    static Profiler.Run run;
    static int code;

    /** A config whose application commands are {@code mainClass.main(words)} run in this JVM. */
    static ProfilerConfig config(String mainClass) {
        return new ProfilerConfig("unused", "", List.of(), "app", ProfilerConfig.workingDirectoryRoots(),
                Workloads.agentJar(), words -> {
                    try {
                        Class.forName(mainClass).getMethod("main", String[].class)
                                .invoke(null, (Object) words.toArray(String[]::new));
                        return 0;
                    } catch (InvocationTargetException e) {
                        throw new IllegalStateException(e.getCause());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @BeforeAll
    static void profile() {
        ProfileOptions o = ProfileOptions.defaults();
        Target t = new Target(List.of(), Target.entries(Workloads.classpath()), "app TimeSplit",
                List.of("100", "2000000"));
        code = InProcess.run(o, t, config(TimeSplit.class.getName()), r -> {
            run = r;
            return 7;
        });
    }

    @Test
    void finishGetsTheRunAndItsCodeIsReturned() {
        assertEquals(7, code);
        assertEquals(0, run.exitCode());
        assertTrue(run.data().samples() >= 300, "samples: " + run.data().samples());
    }

    @Test
    void heavyGetsThreeQuartersOfHeavyPlusLight() {
        long heavy = run.data().method(P + "heavy").total();
        long light = run.data().method(P + "light").total();
        assertEquals(0.75, (double) heavy / (heavy + light), TimeSplitProfileTest.TOLERANCE,
                "heavy " + heavy + " light " + light);
    }

    @Test
    void stacksStartAtTheCommandAndHoldNoProfilerFrames() {
        for (StackSample s : run.data().timeSamples()) {
            for (Frame f : s.frames()) {
                assertFalse(f.method().startsWith("org.jhpc.profiler.InProcess.")
                        || f.method().startsWith("org.jhpc.profiler.Profiler.")
                        || f.method().contains("junit") || f.method().startsWith("jdk.jfr."), f.method());
            }
        }
        long main = run.data().method(P + "main").total();
        assertTrue(main >= 0.9 * run.data().samples(), "main " + main + " of " + run.data().samples());
    }

    @Test
    void theAnnotatedMethodThatRanGetsItsLines() {
        assertTrue(run.lines().stream().anyMatch(m -> m.method().equals(P + "twoLines")),
                run.lines().stream().map(MethodLines::method).toList().toString());
    }

    @Test
    void usedOnlyForApplicationCommandsInAJvmWithTheChildsFlags() {
        Target app = new Target(List.of(), List.of(), "app", List.of("x"));
        ProfilerConfig c = config(TimeSplit.class.getName());
        boolean flags = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:+DebugNonSafepoints");
        assertEquals(flags && InProcess.jfrStackDepth(java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments()) == ProfileOptions.DEFAULT_STACK_DEPTH, InProcess.usable(ProfileOptions.defaults(), app, c));
        assertFalse(InProcess.usable(ProfileOptions.defaults(), Workloads.target("TimeSplit", "1", "1"), c), "-cp target");
        assertFalse(InProcess.usable(ProfileOptions.defaults().withExact(true), app, c), "--exact");
        assertEquals(2048, InProcess.jfrStackDepth(List.of("-XX:FlightRecorderOptions:stackdepth=2048")));
        assertEquals(512, InProcess.jfrStackDepth(List.of("-XX:FlightRecorderOptions=repository=/tmp,stackdepth=512")));
        assertEquals(64, InProcess.jfrStackDepth(List.of("-Xmx1g")));
    }
}
