package org.jhpc.profiler.workloads;

/** A file whose second top-level class has another name: its source is found through the SourceFile attribute. */
public final class Helpers {
    private Helpers() {}

    public static int answer() {
        return NamedElsewhere.answer();
    }
}

/** Defined in Helpers.java. */
final class NamedElsewhere {
    private NamedElsewhere() {}

    static int answer() {
        return 42;
    }
}
