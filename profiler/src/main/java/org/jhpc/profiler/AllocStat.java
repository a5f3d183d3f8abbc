package org.jhpc.profiler;

/**
 * Bytes allocated at one place (a method, or a line of it when {@code line >= 0}): {@code bytes} is the sampled
 * estimate, {@code stderr} its standard error from the sampling model (see {@link ProfileData}), {@code samples}
 * the number of allocation samples behind it, {@code exactBytes} the agent's exact count of bytes (or -1).
 */
public record AllocStat(String method, int line, long bytes, double stderr, long samples, long exactBytes) {}
