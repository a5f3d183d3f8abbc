package org.jhpc.tutorial.exercise;

import java.util.List;

/** What an exercise's program must print, checked against an oracle independent of the student's code. */
public interface AnswerCheck {
    /** Checks the standard output of a run with arguments {@code args}. */
    Verdict check(List<String> args, String stdout);
}
