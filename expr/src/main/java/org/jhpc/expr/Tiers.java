package org.jhpc.expr;

/** Chooses between the block interpreter and the fused tier (placeholder until the fused tier exists). */
final class Tiers {
    private Tiers() {}

    private static volatile boolean fusion = true;

    static boolean setFusion(boolean on) {
        boolean old = fusion;
        fusion = on;
        return old;
    }

    static boolean fusion() {
        return fusion;
    }

    static boolean tryFused(Engine.Compiled c, NdArray[] inputs, NdArray out, long size) {
        return false;
    }
}
