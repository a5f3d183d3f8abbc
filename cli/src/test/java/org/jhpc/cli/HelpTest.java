package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jhpc.testing.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's --help: its defaults shown, the shared options worded for it, and no test hook advertised. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"diff2d", "auc", "expr", "mpi pingpong", "profile"})
    void helpShowsDefaultsAndNoTestHooks(String command) {
        Cli.Result r = Cli.run((command + " --help").split(" "));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Default: "), command + " --help shows no defaults:\n" + r.out());
        for (String hook : new String[] {"fail-rank", "fail-at-step", "jhpc.testing", "snapshot"}) {
            assertFalse(r.out().contains(hook), command + " --help advertises the test hook " + hook + ":\n" + r.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"diff2d", "auc"})
    void theSharedOptionsNameTheirCommand(String command) {
        String help = Cli.run(command, "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("-np 4 ./jhpc " + command + " --variant mpi"), help);
        for (String opt : new String[] {"--variant=V", "--threads=N", "--no-simd", "--timing"}) {
            assertTrue(help.contains(opt), command + " --help lacks " + opt);
        }
    }
}
