package org.jhpc.profiler;

import java.util.List;

/**
 * {@code --include}/{@code --exclude}: keeps the samples with at least one frame matching an include pattern (all
 * samples when there is none) and none matching an exclude pattern. A pattern matches a frame whose
 * {@code pkg.Class.method} name starts with it: a package ({@code org.jhpc.diffusion}), a class
 * ({@code org.jhpc.diffusion.Stencil}) or a method ({@code org.jhpc.diffusion.Stencil.laplacian}). Percentages are
 * then of the kept samples.
 */
public record StackFilter(List<String> include, List<String> exclude) {
    public static final StackFilter NONE = new StackFilter(List.of(), List.of());

    public StackFilter {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }

    public boolean keeps(StackSample s) {
        boolean in = include.isEmpty();
        for (Frame f : s.frames()) {
            for (String p : exclude) if (matches(f, p)) return false;
            if (!in) for (String p : include) if (matches(f, p)) in = true;
        }
        return in;
    }

    private static boolean matches(Frame f, String pattern) {
        return f.method().startsWith(pattern)
                && (f.method().length() == pattern.length() || "$.".indexOf(f.method().charAt(pattern.length())) >= 0
                || pattern.endsWith("."));
    }

    public List<StackSample> apply(List<StackSample> samples) {
        return isEmpty() ? samples : samples.stream().filter(this::keeps).toList();
    }
}
