package org.jhpc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParamFileTest {
    @Test
    void readsTheSlidesParameterFile() {
        String text = "D = 1.0; x1 = -10.0; x2 = 10.0; runtime = 15.0; dx = 0.1;\noutttime = 0.5; graphics = False;\n";
        Map<String, ParamFile.Value> m = ParamFile.parse(text, "diff2dparams.py");
        assertEquals(7, m.size());
        assertEquals(-10.0, m.get("x1").asDouble("x1"));
        assertEquals(0.1, m.get("dx").asDouble("dx"));
        assertEquals(false, m.get("graphics").asBool("graphics"));
        assertEquals(ParamFile.Value.Kind.FLOAT, m.get("D").kind());
    }

    @Test
    void commentsBlankStatementsAndLastAssignmentWins() {
        var m = ParamFile.parse("# header\n\n dx=0.5 # coarse\n;;\ndx = 0.25\r\ngraphics=True ; D=2", "f");
        assertEquals(0.25, m.get("dx").asDouble("dx"));
        assertTrue(m.get("graphics").asBool("graphics"));
        assertEquals(ParamFile.Value.Kind.INT, m.get("D").kind());
        assertEquals(2.0, m.get("D").asDouble("D"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0|1.0", ".5|0.5", "5.|5.0", "1e-3|0.001", "1E3|1000.0", "-10|-10.0", "+2.5|2.5", "1_000.5|1000.5",
        "0x10|16.0", "0o17|15.0", "0b101|5.0", "- 3|-3.0", "1_0e1_0|1.0E11", "007.5|7.5", "0|0.0", "00|0.0"})
    void pythonNumberLiterals(String text, double expected) {
        assertEquals(expected, ParamFile.literal(text, "x").asDouble("x"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"1..0", "abc", "1e", "true", "1_", "_1", "0x", "1.0.0", "01", "'0.1'", "1/2", "__import__('os')"})
    void rejectsWhatIsNotALiteral(String text) {
        UserError e = assertThrows(UserError.class, () -> ParamFile.literal(text, "f:1: dx"));
        assertTrue(e.getMessage().startsWith("f:1: dx: "), e.getMessage());
    }

    @Test
    void errorsNameTheLine() {
        UserError e = assertThrows(UserError.class, () -> ParamFile.parse("dx = 0.1\nimport os\n", "p.py"));
        assertEquals("p.py:2: expected 'name = value', got 'import os'", e.getMessage());
        e = assertThrows(UserError.class, () -> ParamFile.parse("dx = 0.1\n\n2x = 3\n", "p.py"));
        assertEquals("p.py:3: '2x' is not a valid name", e.getMessage());
        e = assertThrows(UserError.class, () -> ParamFile.parse("dx =\n", "p.py"));
        assertEquals("p.py:1: dx: missing value", e.getMessage());
    }
}
