package org.jhpc.profiler;

/**
 * One method's time samples: {@code self} counts samples whose innermost frame is the method, {@code total} those
 * with the method anywhere on the stack (once per sample, however deep the recursion). {@code calls} is the exact
 * call count from {@code --exact}, or -1.
 */
public record MethodStat(String method, long self, long total, long calls) {}
