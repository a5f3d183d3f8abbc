package org.jhpc.tutorial.exercise;

/**
 * The outcome of checking one program's output.
 *
 * @param passed whether the answer is right
 * @param answer the line(s) the check read, as printed (for the report)
 * @param detail why it passed or failed, one line
 */
public record Verdict(boolean passed, String answer, String detail) {
    public static Verdict pass(String answer, String detail) {
        return new Verdict(true, answer, detail);
    }

    public static Verdict fail(String answer, String detail) {
        return new Verdict(false, answer, detail);
    }
}
