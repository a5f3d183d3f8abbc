package org.jhpc.diffusion;

import org.jhpc.core.UserError;

/**
 * The discrete problem derived from {@link Diff2dParams} exactly as the tutorial's {@code diff2d.py} derives it:
 * <pre>
 *   nrows = int((x2-x1)/dx);  npnts = nrows + 2;  dx = (x2-x1)/nrows
 *   dt = 0.25*dx**2/D;  nsteps = int(runtime/dt);  nper = max(1, int(outtime/dt))
 *   x[i] = x1 + ((i-1)*(x2-x1))/nrows
 *   dens[i][j] = a(x[i])·a(x[j]) on the interior,  a(x) = 1 - |1 - 4|(x-(x1+x2)/2)/(x2-x1)||,  0 on the boundary
 * </pre>
 * and each step {@code dens += coef·lapl} with {@code coef = (D/dx**2)*dt} and the 5-point Laplacian
 * (see {@link Stencil}). The grid has {@code npnts × npnts} points stored row-major; rows and columns 0 and
 * {@code npnts-1} are the zero boundary.
 */
public final class Diff2dProblem {
    public final Diff2dParams params;
    public final int nrows;
    public final int npnts;
    public final double dx;
    public final double dt;
    public final long nsteps;
    public final long nper;
    public final double coef;
    private final double[] profile;
    private final InitialCondition initial;

    /** An initial density given point by point, (i, j) in grid indices; boundary points are forced to 0. */
    @FunctionalInterface
    public interface InitialCondition {
        double at(int i, int j);
    }

    public Diff2dProblem(Diff2dParams p) {
        this(p, null);
    }

    /**
     * The same grid and time step with another initial density (e.g. an eigenmode, whose decay is known in closed
     * form); null = the four peaks.
     */
    public Diff2dProblem withInitial(InitialCondition ic) {
        return new Diff2dProblem(params, ic);
    }

    private Diff2dProblem(Diff2dParams p, InitialCondition ic) {
        this.params = p;
        this.initial = ic;
        check("D", p.D());
        check("x1", p.x1());
        check("x2", p.x2());
        check("runtime", p.runtime());
        check("dx", p.dx());
        check("outtime", p.outtime());
        if (p.dx() <= 0) throw new UserError("dx must be > 0, got " + p.dx());
        if (p.x2() <= p.x1()) throw new UserError("x2 must be > x1, got x1=" + p.x1() + " x2=" + p.x2());
        if (p.D() <= 0) throw new UserError("D must be > 0, got " + p.D());
        if (p.runtime() < 0) throw new UserError("runtime must be >= 0, got " + p.runtime());
        if (p.outtime() < 0) throw new UserError("outtime must be >= 0, got " + p.outtime());   // 0: every step
        double width = p.x2() - p.x1();
        if (!Double.isFinite(width)) throw new UserError("x2-x1 overflows: x1=" + p.x1() + " x2=" + p.x2());
        double rows = width / p.dx();
        if (rows < 1) throw new UserError("dx=" + p.dx() + " is larger than the domain width " + width);
        if (rows > Integer.MAX_VALUE - 2) {
            throw new UserError("grid too large: (x2-x1)/dx = " + rows + " rows; dx=" + p.dx() + " is too small");
        }
        nrows = (int) rows;
        npnts = nrows + 2;
        dx = width / nrows;
        dt = 0.25 * (dx * dx) / p.D();
        if (!(dt > 0) || !Double.isFinite(dt)) throw new UserError("time step dt = 0.25*dx**2/D = " + dt + " is not a positive number");
        nsteps = toCount("runtime/dt", p.runtime() / dt);
        long per = toCount("outtime/dt", p.outtime() / dt);
        nper = per == 0 ? 1 : per;
        coef = (p.D() / (dx * dx)) * dt;
        profile = new double[npnts];
        double mid = (p.x1() + p.x2()) / 2;
        for (int i = 1; i < npnts - 1; i++) {
            double x = p.x1() + ((i - 1) * width) / nrows;
            profile[i] = 1 - Math.abs(1 - 4 * Math.abs((x - mid) / width));
        }
    }

    private static void check(String name, double v) {
        if (!Double.isFinite(v)) throw new UserError(name + " must be a finite number, got " + v);
    }

    private static long toCount(String what, double v) {
        if (!(v < 0x1p63)) throw new UserError("step count " + what + " = " + v + " overflows a 64-bit integer");
        return (long) v;
    }

    /** The grid coordinate x[i] = x1 + ((i-1)*(x2-x1))/nrows (also used for y). */
    public double x(int i) {
        return params.x1() + ((i - 1) * (params.x2() - params.x1())) / nrows;
    }

    /** The initial density at grid point (i, j): a(x[i])·a(x[j]) inside, 0 on the boundary. */
    public double initial(int i, int j) {
        if (i <= 0 || j <= 0 || i >= npnts - 1 || j >= npnts - 1) return 0.0;
        return initial == null ? profile[i] * profile[j] : initial.at(i, j);
    }

    /** Fills row {@code i} (length npnts) of the initial density. */
    public void initialRow(int i, double[] dst, int offset) {
        if (initial != null) {
            for (int j = 0; j < npnts; j++) dst[offset + j] = initial(i, j);
            return;
        }
        double a = profile[i];
        for (int j = 0; j < npnts; j++) dst[offset + j] = a * profile[j];
    }

    /** Number of grid points including the boundary, as a long (npnts²). */
    public long points() {
        return (long) npnts * npnts;
    }

    /** Interior cell updates over the whole run: nrows² · nsteps. */
    public double cellUpdates() {
        return (double) nrows * nrows * nsteps;
    }
}
