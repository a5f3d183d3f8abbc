package org.jhpc.diffusion.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jhpc.core.UserError;
import org.junit.jupiter.api.Test;

/** The decomposition tabulated per rank count, and its invariants at awkward sizes. */
class DecompositionTest {

    static String table(Decomposition d) {
        List<String> cells = new ArrayList<>();
        for (int r = 0; r < d.size(); r++) {
            Decomposition.Block b = d.block(r);
            cells.add(r + ":rows " + b.row0() + "+" + b.height() + " cols " + b.col0() + "+" + b.width());
        }
        return d.py() + "x" + d.px() + " " + String.join(", ", cells);
    }

    @Test
    void sevenInteriorRowsOverOneToSixRanks() {
        assertEquals("1x1 0:rows 1+7 cols 1+7", table(Decomposition.of(7, 7, 1)));
        assertEquals("2x1 0:rows 1+4 cols 1+7, 1:rows 5+3 cols 1+7", table(Decomposition.of(7, 7, 2)));
        assertEquals("3x1 0:rows 1+3 cols 1+7, 1:rows 4+2 cols 1+7, 2:rows 6+2 cols 1+7",
                table(Decomposition.of(7, 7, 3)));
        assertEquals("2x2 0:rows 1+4 cols 1+4, 1:rows 1+4 cols 5+3, 2:rows 5+3 cols 1+4, 3:rows 5+3 cols 5+3",
                table(Decomposition.of(7, 7, 4)));
        assertEquals("3x2 0:rows 1+3 cols 1+4, 1:rows 1+3 cols 5+3, 2:rows 4+2 cols 1+4, 3:rows 4+2 cols 5+3, "
                + "4:rows 6+2 cols 1+4, 5:rows 6+2 cols 5+3", table(Decomposition.of(7, 7, 6)));
    }

    @Test
    void gridsFollowMpiDimsCreate() {
        int[][] want = {{1, 1}, {2, 1}, {3, 1}, {2, 2}, {5, 1}, {3, 2}, {7, 1}, {4, 2}, {3, 3}, {5, 2}, {11, 1}, {4, 3}};
        for (int n = 1; n <= want.length; n++) {
            Decomposition d = Decomposition.of(1023, 1023, n);
            assertEquals(want[n - 1][0] + "x" + want[n - 1][1], d.py() + "x" + d.px(), "ranks " + n);
        }
    }

    @Test
    void blocksTileTheInteriorExactlyOnce() {
        for (int rows : new int[] {1, 2, 7, 121, 1023}) {
            for (int n = 1; n <= 12; n++) {
                Decomposition d;
                try {
                    d = Decomposition.of(rows, rows, n);
                } catch (UserError e) {
                    continue;   // more ranks than the grid can take: checked below
                }
                int[][] owner = new int[rows + 2][rows + 2];
                for (int r = 0; r < n; r++) {
                    Decomposition.Block b = d.block(r);
                    for (int i = b.row0(); i < b.row0() + b.height(); i++) {
                        for (int j = b.col0(); j < b.col0() + b.width(); j++) owner[i][j]++;
                    }
                    assertEquals(rows / d.py() + (b.cy() < rows % d.py() ? 1 : 0), b.height());
                }
                for (int i = 0; i < rows + 2; i++) {
                    for (int j = 0; j < rows + 2; j++) {
                        boolean interior = i >= 1 && i <= rows && j >= 1 && j <= rows;
                        assertEquals(interior ? 1 : 0, owner[i][j], "rows " + rows + " ranks " + n + " at " + i + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void tooManyRanksIsAUserError() {
        assertEquals("1x1", Decomposition.of(1, 1, 1).py() + "x" + Decomposition.of(1, 1, 1).px());
        assertThrows(UserError.class, () -> Decomposition.of(1, 1, 2));
        assertThrows(UserError.class, () -> Decomposition.of(2, 2, 5));     // prime, larger than the rows
        assertEquals("2x2", Decomposition.of(2, 2, 4).py() + "x" + Decomposition.of(2, 2, 4).px());
    }
}
