package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jhpc.testing.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Machine-read lines keep a decimal point under a locale whose decimal separator is a comma (before the fix,
 * {@code gflops=24,494} under {@code LANG=de_DE}). The standards module forbids the locale-taking overloads
 * everywhere; this test shows the symptom end to end.
 */
class LocaleTest {
    private Locale saved;

    @BeforeEach
    void german() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    static final Pattern NUMBER_WITH_COMMA = Pattern.compile("=\\S*\\d,\\d");

    @Test
    void diff2dTimingLinesUseADecimalPoint() {
        Cli.Result r = Cli.run("diff2d", "--set", "dx=0.5", "--timing");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("gflops="), r.err());
        assertTrue(r.errLines().stream().noneMatch(l -> NUMBER_WITH_COMMA.matcher(l).find()), r.err());
        assertTrue(Pattern.compile("(?m)^gflops=\\d+\\.\\d{3} ").matcher(r.err()).find(), r.err());
    }

    @Test
    void aucTimingLinesUseADecimalPoint() {
        Cli.Result r = Cli.run("auc", "1000", "--timing");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.errLines().stream().noneMatch(l -> NUMBER_WITH_COMMA.matcher(l).find()), r.err());
        assertEquals("The area is 8.173655" + System.lineSeparator(), r.out());   // a decimal point in %f too
    }
}
