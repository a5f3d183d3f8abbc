package org.jhpc.expr;

/** A complex128 value (used for scalars, constants and the reference evaluator). */
public record Complex(double re, double im) {
    @Override
    public String toString() {
        return "(" + re + (im >= 0 || Double.isNaN(im) ? "+" : "") + im + "j)";
    }
}
