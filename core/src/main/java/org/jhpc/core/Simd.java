package org.jhpc.core;

/**
 * Whether the SIMD kernels may run. The Vector API is still incubating, so it stays optional: SIMD is used only when
 * the {@code jdk.incubator.vector} module is loaded, a JIT compiles it (not {@code -Xint}), the preferred double
 * vector holds at least two lanes, and
 * neither {@code -Djhpc.simd=false} nor {@code JHPC_SIMD=off} turned it off. Otherwise the scalar kernels run and
 * {@link #describe()} says why. Classes that touch {@code jdk.incubator.vector} are loaded only after this check.
 */
public final class Simd {
    private Simd() {}

    private static volatile Boolean forced;

    /** Overrides the environment for this JVM (the CLI's {@code --no-simd}); null restores the default. */
    public static void force(Boolean enabled) {
        forced = enabled;
    }

    public static boolean moduleLoaded() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    public static boolean switchedOn() {
        if (forced != null) return forced;
        return Config.SIMD.isOn();
    }

    /** True when the SIMD kernels should run. */
    public static boolean enabled() {
        return switchedOn() && moduleLoaded() && !interpreted() && SimdInfo.doubleLanes() >= 2;
    }

    /** Without a JIT (-Xint) the Vector API runs as plain Java objects, far slower than scalar loops. */
    static boolean interpreted() {
        return System.getProperty("java.vm.info", "").contains("interpreted mode");
    }

    /** Lanes of the preferred double vector, or 1 when SIMD is off. */
    public static int doubleLanes() {
        return enabled() ? SimdInfo.doubleLanes() : 1;
    }

    /** A one-line description of the kernel family that will run, e.g. {@code simd 512-bit (8 doubles)}. */
    public static String describe() {
        if (!switchedOn()) return "scalar (simd switched off)";
        if (!moduleLoaded()) return "scalar (jdk.incubator.vector not loaded; add --add-modules jdk.incubator.vector)";
        if (interpreted()) return "scalar (no JIT compiler: vectors would be slower than scalar code)";
        int lanes = SimdInfo.doubleLanes();
        if (lanes < 2) return "scalar (no SIMD lanes for double on this CPU)";
        return "simd " + (lanes * 64) + "-bit (" + lanes + " doubles)";
    }

    /** Isolates the reference to the incubator module. */
    private static final class SimdInfo {
        static int doubleLanes() {
            return jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
        }
    }
}
