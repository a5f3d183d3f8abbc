package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Only an exact first-line notice is dropped; everything else passes byte for byte. */
class StderrFilterTest {
    private static String filtered(String in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StderrFilter.copy(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dropsTheNoticeOnlyWhenItIsTheWholeFirstLine() {
        String n = StderrFilter.NOTICE;
        assertEquals("error\n", filtered(n + "\nerror\n"));
        assertEquals("", filtered(n + "\n"));
        assertEquals(n, filtered(n));                               // no newline: not the notice line, kept
        assertEquals(n + "!\nx\n", filtered(n + "!\nx\n"));
        assertEquals("a\n" + n + "\n", filtered("a\n" + n + "\n"));  // not first: kept
        assertEquals("", filtered(""));
        assertEquals("\u00e9\u00e8 partial", filtered("\u00e9\u00e8 partial"));
    }
}
