package org.jhpc.profiler.agent;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;

/**
 * An unbiased allocation sampler: the JVM's own JVMTI heap sampler (JEP 331), reached through the FFM API, no
 * native code of ours. The JVM picks the allocation that crosses a random byte offset, the offsets a Poisson
 * process with mean spacing {@code interval} bytes over each thread's allocations, so an object of {@code s}
 * bytes is picked with probability {@code 1 - exp(-s / interval)} whatever its neighbours, the loop's period or
 * the TLAB sizes (JFR's TLAB-refill events, which sample at buffer boundaries, alias with allocation patterns
 * and were off by -55% to +319% per line). Each picked object becomes an {@link AllocationSampleEvent}.
 *
 * <p>Steps: {@code JNI_GetCreatedJavaVMs} from libjvm, {@code JavaVM->GetEnv(JVMTI_VERSION)}, then
 * {@code AddCapabilities(can_generate_sampled_object_alloc_events)}, {@code SetEventCallbacks} with an upcall
 * stub, {@code SetEventNotificationMode(ENABLE, SampledObjectAlloc)}, {@code SetHeapSamplingInterval}.
 */
final class HeapSampler {
    private static final int JVMTI_VERSION = 0x30150000;          // JVMTI 21, all that is needed here
    private static final int EVENT_SAMPLED_OBJECT_ALLOC = 86;
    private static final int MIN_EVENT = 50;
    private static final int ENABLE = 1;
    private static final int CAPABILITY_BIT = 43;                  // can_generate_sampled_object_alloc_events
    private static final long GET_ENV = 6 * 8L;                    // JNIInvokeInterface_ slot
    // jvmtiInterface_1_ slots: the spec's function number minus one, times the pointer size
    private static final long SET_EVENT_NOTIFICATION_MODE = (2 - 1) * 8L;
    private static final long SET_EVENT_CALLBACKS = (122 - 1) * 8L;
    private static final long ADD_CAPABILITIES = (142 - 1) * 8L;
    private static final long SET_HEAP_SAMPLING_INTERVAL = (156 - 1) * 8L;

    private static volatile long interval;
    private static final ThreadLocal<Boolean> IN_CALLBACK = new ThreadLocal<>();

    private HeapSampler() {}

    /**
     * Starts sampling every {@code bytes} bytes on average; a failure is one line on stderr, and no samples. The JVM
     * is listed by {@code JNI_GetCreatedJavaVMs} only once its creation has returned, which is after the agents'
     * premain, so a daemon thread installs the sampler as soon as it is (in practice before the main class runs
     * much: a millisecond or so of allocations may go unsampled).
     */
    static void start(long bytes) {
        Thread.ofPlatform().daemon().name("jhpc-heap-sampler-setup").start(() -> {
            try {
                install(bytes, true);
            } catch (Throwable t) {
                System.err.println("jhpc profile agent: no heap sampling (" + t + ")");
            }
        });
    }

    /** Stops committing samples (the JVM still picks them; they are dropped). */
    static void pause() {
        paused = true;
    }

    private static volatile boolean paused;
    private static boolean installed;

    /**
     * Installs the sampler now; {@code total}: also record the JVM's exact allocated bytes at each chunk's end. A
     * second call only resumes (at the first call's interval, which the weights then use).
     */
    static synchronized void install(long bytes, boolean total) throws Throwable {
        paused = false;
        if (installed) return;
        Linker linker = Linker.nativeLinker();
        Arena arena = Arena.global();
        Path libjvm = Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so");
        SymbolLookup jvm = SymbolLookup.libraryLookup(libjvm, arena);
        MethodHandle created = linker.downcallHandle(jvm.findOrThrow("JNI_GetCreatedJavaVMs"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                        ValueLayout.ADDRESS));
        MemorySegment vms = arena.allocate(ValueLayout.ADDRESS);
        MemorySegment count = arena.allocate(ValueLayout.JAVA_INT);
        for (int tries = 0; ; tries++) {
            check("JNI_GetCreatedJavaVMs", (int) created.invokeExact(vms, 1, count));
            if (count.get(ValueLayout.JAVA_INT, 0) > 0) break;
            if (tries > 20_000) throw new IllegalStateException("the JVM was not listed by JNI_GetCreatedJavaVMs");
            Thread.onSpinWait();
            if (tries > 1000) Thread.sleep(1);
        }
        MemorySegment vm = vms.get(ValueLayout.ADDRESS, 0).reinterpret(8);
        MemorySegment env = arena.allocate(ValueLayout.ADDRESS);
        check("GetEnv", (int) call(vm, GET_ENV, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                ValueLayout.ADDRESS, ValueLayout.JAVA_INT)).invokeExact(vm, env, JVMTI_VERSION));
        MemorySegment jvmti = env.get(ValueLayout.ADDRESS, 0).reinterpret(8);

        MemorySegment caps = arena.allocate(16);     // jvmtiCapabilities: 128 bits, little-endian bit fields
        caps.set(ValueLayout.JAVA_BYTE, CAPABILITY_BIT / 8, (byte) (1 << (CAPABILITY_BIT % 8)));
        check("AddCapabilities", (int) call(jvmti, ADD_CAPABILITIES, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.ADDRESS)).invokeExact(jvmti, caps));

        MethodHandle target = MethodHandles.lookup().findStatic(HeapSampler.class, "onSample",
                MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class, MemorySegment.class,
                        MemorySegment.class, MemorySegment.class, long.class));
        MemorySegment stub = linker.upcallStub(target, FunctionDescriptor.ofVoid(ValueLayout.ADDRESS,
                ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG), arena);
        int slots = EVENT_SAMPLED_OBJECT_ALLOC - MIN_EVENT + 1;
        MemorySegment callbacks = arena.allocate(slots * 8L);
        callbacks.set(ValueLayout.ADDRESS, (EVENT_SAMPLED_OBJECT_ALLOC - MIN_EVENT) * 8L, stub);
        check("SetEventCallbacks", (int) call(jvmti, SET_EVENT_CALLBACKS, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT))
                .invokeExact(jvmti, callbacks, (int) (slots * 8)));

        interval = bytes;
        check("SetHeapSamplingInterval", (int) call(jvmti, SET_HEAP_SAMPLING_INTERVAL, FunctionDescriptor.of(
                ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT)).invokeExact(jvmti, (int) bytes));
        MethodHandle mode = linker.downcallHandle(function(jvmti, SET_EVENT_NOTIFICATION_MODE), FunctionDescriptor.of(
                ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS), Linker.Option.firstVariadicArg(4));
        check("SetEventNotificationMode", (int) mode.invokeExact(jvmti, ENABLE, EVENT_SAMPLED_OBJECT_ALLOC,
                MemorySegment.NULL));
        installed = true;
        if (!total) return;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        jdk.jfr.FlightRecorder.addPeriodicEvent(AllocationTotalEvent.class, () -> {
            AllocationTotalEvent e = new AllocationTotalEvent();
            e.bytes = threads.getTotalThreadAllocatedBytes();
            e.commit();
        });
    }

    /** The JVMTI callback, on the allocating thread: one event, whose stack is the allocation's. */
    @SuppressWarnings("unused")
    private static void onSample(MemorySegment jvmti, MemorySegment jni, MemorySegment thread, MemorySegment object,
                                 MemorySegment klass, long size) {
        if (paused || IN_CALLBACK.get() != null) return;
        IN_CALLBACK.set(Boolean.TRUE);
        try {
            AllocationSampleEvent e = new AllocationSampleEvent();
            long lambda = interval;
            e.size = size;
            e.interval = lambda;
            e.weight = weight(size, lambda);
            e.commit();
        } catch (Throwable t) {
            // an exception must not cross the upcall: the sample is dropped
        } finally {
            IN_CALLBACK.remove();
        }
    }

    /** The Horvitz-Thompson weight of a picked object: {@code size / P(picked) = size / (1 - exp(-size/interval))}. */
    static long weight(long size, long interval) {
        return Math.round(size / -Math.expm1(-(double) size / interval));
    }

    private static MemorySegment function(MemorySegment table, long slot) {
        MemorySegment functions = table.get(ValueLayout.ADDRESS, 0).reinterpret(slot + 8);
        return functions.get(ValueLayout.ADDRESS, slot);
    }

    private static MethodHandle call(MemorySegment table, long slot, FunctionDescriptor d) {
        return Linker.nativeLinker().downcallHandle(function(table, slot), d);
    }

    private static void check(String what, int err) {
        if (err != 0) throw new IllegalStateException(what + " failed with error " + err);
    }
}
