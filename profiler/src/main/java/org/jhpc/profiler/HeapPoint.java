package org.jhpc.profiler;

/**
 * Heap occupancy at one moment: {@code seconds} since the recording started, bytes used, and when it was taken
 * ({@link Kind#BEFORE_GC} and {@link Kind#AFTER_GC} from each collection, {@link Kind#PERIODIC} every 100 ms).
 */
public record HeapPoint(double seconds, Kind kind, long used) {
    public enum Kind { BEFORE_GC, AFTER_GC, PERIODIC }
}
