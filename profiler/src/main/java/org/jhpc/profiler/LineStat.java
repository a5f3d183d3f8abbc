package org.jhpc.profiler;

/**
 * One source line of a profiled method: {@code samples} counts the samples in which this line was the method's
 * current line (time in callees included, as line_profiler does), {@code hits} the exact executions from
 * {@code --exact} (or -1).
 */
public record LineStat(String method, String file, int line, long samples, long hits, String source) {}
