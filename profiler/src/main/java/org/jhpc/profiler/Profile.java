package org.jhpc.profiler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method for {@code jhpc profile}'s line-by-line report, like line_profiler's {@code @profile}: the
 * profiler shows every source line of each annotated method that ran, and {@code --exact} counts its calls and
 * line hits. The annotation has no effect on a program run without the profiler.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface Profile {}
