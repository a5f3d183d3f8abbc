package org.jhpc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.PyFloat;
import org.jhpc.core.UserError;
import org.jhpc.expr.Complex;
import org.jhpc.expr.Expr;
import org.jhpc.expr.ExprException;
import org.jhpc.expr.NdArray;
import org.jhpc.expr.NpyIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jhpc expr}: numexpr's {@code evaluate} on .npy files, and a benchmark of the engine's tiers. */
@Command(name = "expr", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluates an array expression (numexpr's language) over .npy inputs, in blocks, on threads.",
                "  jhpc expr 'a**2 + 2*a*b' --var a=a.npy --var b=b.npy --out r.npy",
                "  jhpc expr --bench '2*sin(a)*cos(b) + sqrt(a*b)' --size 3000000 --threads 2"})
public final class ExprCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "the expression, e.g. 'where(a > 0, sqrt(a), 0)'")
    String expression;

    @Option(names = "--var", paramLabel = "NAME=FILE.npy", description = "bind a variable to a .npy array "
            + "(float64, float32, int64, int32, bool, complex128, byte strings; 0-d arrays are scalars)")
    List<String> vars = new ArrayList<>();

    @Option(names = "--scalar", paramLabel = "NAME=VALUE", description = "bind a variable to a number "
            + "(1 is int64, 1.0 float64, True/False bool)")
    List<String> scalars = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE.npy", description = "write the result here (default: print it)")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: JHPC_EXPR_THREADS, "
            + "else the available processors capped by SLURM_CPUS_PER_TASK / SLURM_NPROCS)")
    Integer threads;

    @Option(names = "--bench", description = "benchmark EXPR on random float64 arrays of --size elements")
    boolean bench;

    @Option(names = "--size", paramLabel = "N", description = "elements per array for --bench (default 3000000)")
    int size = 3_000_000;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        try {
            if (threads != null) {
                if (threads < 1 || threads > 1024) throw new UserError("--threads must be in [1, 1024], got " + threads);
                Expr.setNumThreads(threads);
            }
            if (bench) {
                if (!vars.isEmpty() || out != null) throw new UserError("--bench takes no --var or --out");
                ExprTiming.run(expression, size, Expr.numThreads(), pw);
                return 0;
            }
            Expr e = Expr.compile(expression);
            Map<String, Object> b = bindings();
            NdArray r = e.evaluate(b);
            if (out != null) {
                AtomicFiles.write(out, s -> NpyIO.write(s, r));
            } else {
                print(r, pw);
            }
            pw.flush();
            return 0;
        } catch (ExprException ex) {
            throw new UserError(ex.getMessage(), ex);
        }
    }

    private Map<String, Object> bindings() {
        Map<String, Object> b = new LinkedHashMap<>();
        for (String v : vars) {
            String[] kv = split(v, "--var");
            Path f = Path.of(kv[1]);
            if (!Files.isRegularFile(f)) throw new UserError("--var " + kv[0] + ": no such file " + f);
            NdArray a = NpyIO.read(f);
            b.put(kv[0], a.ndim() == 0 ? a.get(0) : a);
        }
        for (String v : scalars) {
            String[] kv = split(v, "--scalar");
            b.put(kv[0], scalar(kv[0], kv[1].strip()));
        }
        return b;
    }

    private static String[] split(String v, String opt) {
        int eq = v.indexOf('=');
        if (eq <= 0 || eq == v.length() - 1) throw new UserError(opt + " expects NAME=VALUE, got '" + v + "'");
        String name = v.substring(0, eq).strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new UserError(opt + ": '" + name + "' is not a variable name");
        return new String[] {name, v.substring(eq + 1)};
    }

    private static Object scalar(String name, String s) {
        if (s.equals("True") || s.equals("False")) return s.equals("True");
        try {
            if (s.matches("[+-]?\\d+")) return Long.parseLong(s);
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UserError("--scalar " + name + ": '" + s + "' is not a number");
        }
    }

    /** numpy-like text: a 0-d value, one element per line for 1-D, one row per line for 2-D. */
    static void print(NdArray r, PrintWriter pw) {
        if (r.ndim() == 2) {
            int cols = r.shape()[1];
            for (int i = 0; i < r.shape()[0]; i++) {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < cols; j++) sb.append(j > 0 ? " " : "").append(text(r.get((long) i * cols + j)));
                pw.println(sb);
            }
            return;
        }
        for (long k = 0; k < r.size(); k++) pw.println(text(r.get(k)));
    }

    static String text(Object v) {
        return switch (v) {
            case Double d -> PyFloat.repr(d);
            case Boolean z -> z ? "True" : "False";
            case Complex c -> "(" + PyFloat.repr(c.re()) + (c.im() >= 0 || Double.isNaN(c.im()) ? "+" : "") + PyFloat.repr(c.im()) + "j)";
            case byte[] s -> "b'" + new String(s, java.nio.charset.StandardCharsets.ISO_8859_1) + "'";
            default -> String.valueOf(v);
        };
    }
}
