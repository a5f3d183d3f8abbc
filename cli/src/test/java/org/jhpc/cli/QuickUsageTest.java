package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.jhpc.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The top-level answers printed without picocli (QuickUsage) are byte for byte what picocli prints for the same
 * command line, and the build's renderings (plain and styled) are those of the commands as they are now.
 */
class QuickUsageTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "-h", "help", "--version", "-V"})
    void theQuickAnswerIsPicoclis(String arg) {
        String[] args = arg.isEmpty() ? new String[0] : new String[] {arg};
        StringWriter quick = new StringWriter();
        assertTrue(QuickUsage.answer(args, new PrintWriter(quick)), "no quick answer for '" + arg + "'");
        Cli.Result picocli = Cli.run(args);
        assertEquals(0, picocli.code(), picocli.err());
        assertEquals(picocli.out(), quick.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"diff2d", "--help diff2d", "-hV", "--nosuch", "help auc"})
    void anythingElseIsLeftToPicocli(String line) {
        StringWriter quick = new StringWriter();
        assertFalse(QuickUsage.answer(line.split(" "), new PrintWriter(quick)));
        assertEquals("", quick.toString());
    }

    @Test
    void theBuildsRenderingsAreCurrent() throws IOException {
        assertEquals(QuickUsage.render(false), resource(QuickUsage.PLAIN), "stale: rebuild (mvn process-classes)");
        String styled = resource(QuickUsage.STYLED);
        assertEquals(QuickUsage.render(true), styled);
        assertTrue(styled.contains("\u001b["), "the styled usage has ANSI escapes");
        assertTrue(resource(QuickUsage.PLAIN).contains("  dist "), "every command is listed");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = QuickUsage.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " was not rendered by the build (exec-maven-plugin, process-classes)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
