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
import org.jhpc.core.Npy;
import org.jhpc.core.PyFloat;
import org.jhpc.core.Simd;
import org.jhpc.core.UserError;
import org.jhpc.expr.Complex;
import org.jhpc.expr.Expr;
import org.jhpc.expr.ExprException;
import org.jhpc.expr.NdArray;
import org.jhpc.expr.NpyIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jhpc expr}: numexpr's {@code evaluate} on .npy/.npz files and scalars, and a quick look at the engine's
 * tiers. An expression that starts with {@code -} needs no {@code --} ({@code jhpc expr '-a' --var a=a.npy}): Main
 * lets this command take words that are not its options as the expression.
 */
@Command(name = "expr", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Evaluates an array expression (numexpr's language) over .npy/.npz inputs and scalars, in blocks, on threads.",
                "  jhpc expr 'a**2 + 2*a*b' --var a=a.npy --var b=data.npz:b --out r.npy",
                "  jhpc expr '-a / k' --var a=a.npy --var k=2.5",
                "  jhpc expr --explain 'where(a > 0, sqrt(a), 0)' --var a=a.npy",
                "  jhpc expr --bench '2*sin(a)*cos(b) + sqrt(a*b)' --size 3000000 --threads 2"})
public final class ExprCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "the expression, e.g. 'where(a > 0, sqrt(a), 0)'")
    String expression;

    @Option(names = "--var", paramLabel = "NAME=VALUE", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER, description = "bind a variable: a number (1 is int64, 1.0 "
            + "float64, 2j complex, True/False bool), FILE.npy, or FILE.npz[:MEMBER] (the member defaults to NAME); "
            + "any numpy dtype the engine casts (bool, int8..int64, uint8..uint32, float16..float64, complex, S<n>); "
            + "0-d arrays are scalars")
    List<String> vars = new ArrayList<>();

    @Option(names = "--scalar", paramLabel = "NAME=VALUE", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER, description = "bind a variable to a number (as --var NAME=NUMBER)")
    List<String> scalars = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "write the result: FILE.npy, FILE.npz (member 'result') "
            + "or any other name for text, one element (2-D: one row) per line; default: print it")
    Path out;

    @Option(names = "--explain", description = "show the typed program and the tier that will run it, then evaluate nothing")
    boolean explain;

    /** Not given: the engine's own default (JHPC_EXPR_THREADS when set, else the same count). */
    @Mixin
    ThreadsOption threads;

    @Mixin
    SimdOption simd;

    @Option(names = "--bench", description = "time EXPR on arrays of --size elements of --dtype per tier "
            + "(a quick look; bench/expr.sh runs the JMH benchmark of record)")
    boolean bench;

    @Option(names = "--dtype", paramLabel = "T", description = "operand type for --bench: float64, float32, int64, int32 or bool")
    String dtype = "float64";

    @Option(names = "--size", paramLabel = "N", description = "elements per array for --bench")
    int size = 3_000_000;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        try {
            simd.apply();
            if (threads.given()) {
                int n = threads.get();
                if (n < 1 || n > 1024) throw new UserError("--threads must be in [1, 1024], got " + n);
                Expr.setNumThreads(n);
            }
            if (bench) {
                if (!vars.isEmpty() || !scalars.isEmpty() || out != null || explain) {
                    throw new UserError("--bench takes no --var, --scalar, --out or --explain");
                }
                ExprTiming.run(expression, size, dtype, Expr.numThreads(), pw);
                return 0;
            }
            Expr e = Expr.compile(expression);
            Map<String, Object> b = bindings();
            if (explain) {
                pw.print(e.explain(b));
                pw.flush();
                return 0;
            }
            NdArray r = e.evaluate(b);
            if (out == null) {
                print(r, pw);
            } else {
                String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith(".npy")) AtomicFiles.write(out, s -> NpyIO.write(s, r));
                else if (name.endsWith(".npz")) Npy.writeNpz(out, Map.of("result", s -> NpyIO.write(s, r)));
                else AtomicFiles.write(out, s -> {
                    PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(s, java.nio.charset.StandardCharsets.UTF_8));
                    print(r, w);
                    w.flush();
                });
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
            b.put(kv[0], value(kv[0], kv[1].strip()));
        }
        for (String v : scalars) {
            String[] kv = split(v, "--scalar");
            Object x = number(kv[1].strip());
            if (x == null) throw new UserError("--scalar " + kv[0] + ": '" + kv[1].strip() + "' is not a number");
            b.put(kv[0], x);
        }
        return b;
    }

    /** A --var value: a number, a .npy file, or a member of a .npz file. */
    private static Object value(String name, String v) {
        Object x = number(v);
        if (x != null) return x;
        int npz = v.toLowerCase(java.util.Locale.ROOT).lastIndexOf(".npz");
        NdArray a;
        if (npz >= 0 && (npz + 4 == v.length() || v.charAt(npz + 4) == ':')) {
            Path f = Path.of(v.substring(0, npz + 4));
            String member = npz + 4 == v.length() ? name : v.substring(npz + 5);
            if (!Files.isRegularFile(f)) throw new UserError("--var " + name + ": no such file " + f);
            a = NpyIO.readNpz(f, member);
        } else {
            Path f = Path.of(v);
            if (!Files.isRegularFile(f)) {
                throw new UserError("--var " + name + ": '" + v + "' is neither a number nor an existing .npy/.npz file");
            }
            a = NpyIO.read(f);
        }
        return a.ndim() == 0 ? a.get(0) : a;
    }

    private static String[] split(String v, String opt) {
        int eq = v.indexOf('=');
        if (eq <= 0 || eq == v.length() - 1) throw new UserError(opt + " expects NAME=VALUE, got '" + v + "'");
        String name = v.substring(0, eq).strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new UserError(opt + ": '" + name + "' is not a variable name");
        return new String[] {name, v.substring(eq + 1)};
    }

    /** Python's literals: True/False, integers (int64), floats, imaginary {@code 2j}; null when not a number. */
    static Object number(String s) {
        if (s.equals("True") || s.equals("False")) return s.equals("True");
        try {
            if (s.matches("[+-]?\\d+")) return Long.parseLong(s);
            if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?[jJ]")) {
                return new Complex(0, Double.parseDouble(s.substring(0, s.length() - 1)));
            }
            if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(inf|nan)")) return Double.parseDouble(s.replace("inf", "Infinity").replace("nan", "NaN"));
        } catch (NumberFormatException e) {
            throw new UserError("'" + s + "' is not a number that fits (int64 or float64)");
        }
        return null;
    }

    /** numpy-like text: a 0-d value, one element per line for 1-D, one last-axis row per line for 2-D and more. */
    static void print(NdArray r, PrintWriter pw) {
        if (r.ndim() >= 2) {
            int cols = r.shape()[r.ndim() - 1];
            long rows = cols == 0 ? 0 : r.size() / cols;
            for (long i = 0; i < rows; i++) {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < cols; j++) sb.append(j > 0 ? " " : "").append(text(r.get(i * cols + j)));
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
