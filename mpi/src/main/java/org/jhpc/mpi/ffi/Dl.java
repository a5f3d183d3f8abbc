package org.jhpc.mpi.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The C library's dynamic loader ({@code dlopen}, {@code dlsym}, {@code dlerror}) called through FFM.
 * {@link SymbolLookup#libraryLookup} opens libraries with {@code RTLD_LOCAL}, which hides libmpi's symbols from the
 * plugins Open MPI itself loads later ({@code mca_*.so}); opening with {@code RTLD_NOW | RTLD_GLOBAL} here avoids that.
 */
public final class Dl {
    private Dl() {}

    /** {@code RTLD_NOW | RTLD_GLOBAL} on Linux (glibc and musl). */
    public static final int RTLD_NOW_GLOBAL = 0x2 | 0x100;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle DLOPEN = libc("dlopen", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle DLSYM = libc("dlsym", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle DLERROR = libc("dlerror", FunctionDescriptor.of(ADDRESS));

    private static MethodHandle libc(String name, FunctionDescriptor fd) {
        MemorySegment f = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("the C library has no " + name));
        return LINKER.downcallHandle(f, fd);
    }

    /** An open library: its {@code dlopen} handle, the name it was opened by, and a lookup of its symbols. */
    public record Library(String name, MemorySegment handle) implements SymbolLookup {
        @Override
        public Optional<MemorySegment> find(String symbol) {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment s = (MemorySegment) DLSYM.invokeExact(handle, a.allocateFrom(symbol));
                return s.equals(MemorySegment.NULL) ? Optional.empty() : Optional.of(s);
            } catch (Throwable t) {
                throw new IllegalStateException("dlsym(" + symbol + ") failed", t);
            }
        }
    }

    /** Opens {@code name} (a path, or a soname searched as the dynamic loader does) globally; empty with the reason. */
    public static Library open(String name, StringBuilder whyNot) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment h = (MemorySegment) DLOPEN.invokeExact(a.allocateFrom(name), RTLD_NOW_GLOBAL);
            if (h.equals(MemorySegment.NULL)) {
                MemorySegment e = (MemorySegment) DLERROR.invokeExact();
                if (whyNot != null) {
                    whyNot.append(e.equals(MemorySegment.NULL) ? name + ": dlopen failed"
                            : e.reinterpret(4096).getString(0));
                }
                return null;
            }
            return new Library(name, h);
        } catch (Throwable t) {
            throw new IllegalStateException("dlopen(" + name + ") failed", t);
        }
    }
}
