package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Open MPI's odls_base_sigkill_timeout as the ranks see it: the variable's integer, or Open MPI's default 1. */
class MpiStopNoteTest {
    @Test
    void graceSecondsReadsTheVariableOrOpenMpisDefault() {
        assertEquals(1, MpiStopNote.graceSeconds(null));
        assertEquals(10, MpiStopNote.graceSeconds("10"));
        assertEquals(30, MpiStopNote.graceSeconds(" 30 "));
        assertEquals(1, MpiStopNote.graceSeconds("ten"));
    }
}
