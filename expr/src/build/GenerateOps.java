import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Build step of jhpc-expr (Maven runs it in generate-sources as a single-file Java program): reads the table of
 * operations {@code expr/src/main/ops/operations.txt} and writes, into {@code target/generated-sources/ops}, the
 * {@code Op} enum, the function table {@code OpTable}, the block kernels of every dtype ({@code F64Scalar},
 * {@code F64Vector}, {@code F32Scalar}, {@code F32Vector}, {@code I64}, {@code I32}, {@code Bools}, {@code C128})
 * and {@code Dispatch} (the interpreter's switch from (operation, dtype) to kernel, the reductions, and the scalar
 * evaluator used to fold constants). A file whose content is unchanged is not rewritten. The format of the table
 * is described at its top. Usage: {@code java GenerateOps.java TABLE OUTDIR}.
 */
public final class GenerateOps {
    private GenerateOps() {}

    /** One element type: its key in the table, DType name, Java element type, array type and box. */
    record T(String key, String dtype, String java, String array, String box, String cls) {
        boolean complex() {
            return key.equals("c128");
        }

        boolean isFloat() {
            return key.equals("f64") || key.equals("f32");
        }

        String vec() {
            return key.equals("f64") ? "DoubleVector" : "FloatVector";
        }

        String vbox() {
            return key.equals("f64") ? "Double" : "Float";
        }
    }

    static final Map<String, T> TYPES = new LinkedHashMap<>();

    static {
        for (T t : List.of(new T("f64", "FLOAT64", "double", "double[]", "Double", "F64"),
                new T("f32", "FLOAT32", "float", "float[]", "Float", "F32"),
                new T("i64", "INT64", "long", "long[]", "Long", "I64"),
                new T("i32", "INT32", "int", "int[]", "Integer", "I32"),
                new T("b", "BOOL", "boolean", "boolean[]", "Boolean", "Bools"),
                new T("c128", "COMPLEX128", "Complex", "double[]", "Complex", "C128"))) {
            TYPES.put(t.key(), t);
        }
    }

    /** A kernel of one operation for one operand type. */
    record K(T t, T result, String scalar, String vector, String identity) {}

    static final class Op {
        String name, mnemonic, shape, typing, via;
        List<String> names = new ArrayList<>();
        String symbol;
        int arity;
        final List<K> kernels = new ArrayList<>();

        K kernel(T t) {
            for (K k : kernels) if (k.t() == t) return k;
            return null;
        }
    }

    public static void main(String[] args) throws IOException {
        List<Op> ops = parse(Path.of(args[0]));
        Path dir = Path.of(args[1], "org", "jhpc", "expr");
        Files.createDirectories(dir);
        write(dir.resolve("Op.java"), opEnum(ops));
        write(dir.resolve("OpTable.java"), opTable(ops));
        for (T t : TYPES.values()) {
            if (t.isFloat()) {
                write(dir.resolve(t.cls() + "Scalar.java"), kernels(ops, t, false));
                write(dir.resolve(t.cls() + "Vector.java"), kernels(ops, t, true));
            } else {
                write(dir.resolve(t.cls() + ".java"), kernels(ops, t, false));
            }
        }
        write(dir.resolve("Dispatch.java"), dispatch(ops));
    }

    static void write(Path p, String text) throws IOException {
        String src = "package org.jhpc.expr;\n\n" + text;
        if (Files.exists(p) && Files.readString(p, StandardCharsets.UTF_8).equals(src)) return;
        Files.writeString(p, src, StandardCharsets.UTF_8);
    }

    static RuntimeException bad(int line, String msg) {
        return new IllegalArgumentException("operations table, line " + line + ": " + msg);
    }

    // ------------------------------------------------------------------ parsing

    static List<Op> parse(Path table) throws IOException {
        List<Op> ops = new ArrayList<>();
        Op cur = null;
        int ln = 0;
        for (String raw : Files.readAllLines(table, StandardCharsets.UTF_8)) {
            ln++;
            if (raw.isBlank() || raw.trim().startsWith("#")) continue;
            String[] f = raw.trim().split("\\s{2,}|\\t+");
            if (!Character.isWhitespace(raw.charAt(0))) {
                if (f.length < 5) throw bad(ln, "a header needs NAME mnemonic shape typing spelling");
                cur = new Op();
                cur.name = f[0];
                cur.mnemonic = f[1];
                cur.shape = f[2];
                cur.typing = f[3];
                if (!List.of("unary", "binary", "compare", "powi", "where", "reduce", "custom").contains(cur.shape)) {
                    throw bad(ln, "unknown shape " + cur.shape);
                }
                if (f[4].startsWith("'")) cur.symbol = f[4].substring(1, f[4].length() - 1);
                else if (!f[4].equals("-")) cur.names.addAll(List.of(f[4].split(",")));
                cur.arity = switch (cur.shape) {
                    case "binary", "compare" -> 2;
                    case "where" -> 3;
                    default -> 1;
                };
                for (int i = 5; i < f.length; i++) {
                    if (f[i].startsWith("via=")) cur.via = f[i].substring(4);
                    else if (f[i].startsWith("arity=")) cur.arity = Integer.parseInt(f[i].substring(6));
                    else throw bad(ln, "unknown attribute " + f[i]);
                }
                for (Op o : ops) if (o.name.equals(cur.name)) throw bad(ln, "operation " + cur.name + " defined twice");
                ops.add(cur);
                continue;
            }
            if (cur == null) throw bad(ln, "a kernel line before the first operation");
            String[] types = f[0].split("->");
            T result = types.length > 1 ? type(ln, types[1]) : null;
            boolean reduce = cur.shape.equals("reduce");
            if (reduce ? f.length < 3 || f.length > 4 : f.length < 2 || f.length > 3) throw bad(ln, "wrong number of columns");
            for (String key : types[0].split(",")) {
                List<T> ts = switch (key) {
                    case "f" -> List.of(TYPES.get("f64"), TYPES.get("f32"));
                    case "i" -> List.of(TYPES.get("i64"), TYPES.get("i32"));
                    default -> List.of(type(ln, key));
                };
                for (T t : ts) {
                    if (cur.kernel(t) != null) throw bad(ln, cur.name + " has two kernels for " + t.key());
                    T r = result != null ? result : cur.shape.equals("compare") ? TYPES.get("b") : t;
                    K k = reduce ? new K(t, r, cast(f[2], t), f.length > 3 ? f[3] : null, f[1])
                            : new K(t, r, cast(f[1], t), f.length > 2 ? f[2] : null, null);
                    if (k.vector() != null && !t.isFloat()) throw bad(ln, "vector forms are for f64/f32 only");
                    cur.kernels.add(k);
                }
            }
        }
        return ops;
    }

    static T type(int ln, String key) {
        T t = TYPES.get(key);
        if (t == null) throw bad(ln, "unknown dtype " + key);
        return t;
    }

    /** (T) is a cast to the element type, dropped where the formula is already of that type (float64, int64). */
    static String cast(String formula, T t) {
        String c = t.key().equals("f32") || t.key().equals("i32") ? "(" + t.java() + ") " : "";
        return formula.replace("(T) ", c);
    }

    // ------------------------------------------------------------------ Op and OpTable

    static String opEnum(List<Op> ops) {
        StringBuilder s = new StringBuilder();
        s.append(header("The typed operations of a compiled program, one constant per entry of the table of operations. "
                + "The operand type ({@code argType} in the program) selects the kernel."));
        s.append("enum Op {\n");
        for (int i = 0; i < ops.size(); i++) {
            Op o = ops.get(i);
            s.append("    ").append(o.name).append("(\"").append(o.mnemonic).append("\")").append(i + 1 < ops.size() ? ",\n" : ";\n");
        }
        s.append("""

                    /** The name in program listings. */
                    final String mnemonic;

                    Op(String mnemonic) {
                        this.mnemonic = mnemonic;
                    }

                    /** True for the reductions (shape {@code reduce} in the table). */
                    boolean isReduction() {
                        return OpTable.shape(this).equals("reduce");
                    }

                    /** True for the comparisons (shape {@code compare}: a bool result). */
                    boolean isComparison() {
                        return OpTable.shape(this).equals("compare");
                    }
                }
                """);
        return s.toString();
    }

    static String opTable(List<Op> ops) {
        StringBuilder s = new StringBuilder();
        s.append("import java.util.EnumMap;\nimport java.util.EnumSet;\nimport java.util.Map;\nimport java.util.Set;\n\n");
        s.append(header("What the table of operations says about each {@link Op}: how it is spelled (function names, "
                + "operators), its arity, its shape and typing rule, and the operand dtypes it has a kernel for."));
        s.append("final class OpTable {\n    private OpTable() {}\n\n");
        s.append("    /** One operation's entry. */\n");
        s.append("    record Entry(Op op, String shape, String typing, int arity, Set<DType> dtypes, Map<DType, DType> results) {}\n\n");
        s.append("    private static final Map<Op, Entry> ENTRIES = new EnumMap<>(Op.class);\n");
        s.append("    /** Function name (aliases included) to operation. */\n");
        s.append("    static final Map<String, Op> FUNCTIONS = Map.ofEntries(\n");
        List<String> fn = new ArrayList<>();
        for (Op o : ops) for (String n : o.names) fn.add("            Map.entry(\"" + n + "\", Op." + o.name + ")");
        s.append(String.join(",\n", fn)).append(");\n");
        s.append("    /** Binary operator spelling to operation. */\n");
        s.append("    static final Map<String, Op> BINARY = Map.ofEntries(\n");
        List<String> bin = new ArrayList<>();
        List<String> un = new ArrayList<>();
        for (Op o : ops) {
            if (o.symbol == null) continue;
            (o.arity == 1 ? un : bin).add("            Map.entry(\"" + o.symbol + "\", Op." + o.name + ")");
        }
        s.append(String.join(",\n", bin)).append(");\n");
        s.append("    /** Unary operator spelling to operation. */\n");
        s.append("    static final Map<String, Op> UNARY = Map.ofEntries(\n").append(String.join(",\n", un)).append(");\n\n");
        s.append("    static {\n");
        for (Op o : ops) {
            s.append("        entry(Op.").append(o.name).append(", \"").append(o.shape).append("\", \"").append(o.typing)
                    .append("\", ").append(o.arity);
            for (K k : o.kernels) s.append(", DType.").append(k.t().dtype()).append(", DType.").append(k.result().dtype());
            s.append(");\n");
        }
        s.append("""
                    }

                    private static void entry(Op op, String shape, String typing, int arity, DType... kernels) {
                        Set<DType> ts = EnumSet.noneOf(DType.class);
                        Map<DType, DType> rs = new EnumMap<>(DType.class);
                        for (int i = 0; i < kernels.length; i += 2) {
                            ts.add(kernels[i]);
                            rs.put(kernels[i], kernels[i + 1]);
                        }
                        ENTRIES.put(op, new Entry(op, shape, typing, arity, ts, rs));
                    }

                    static Entry entry(Op op) {
                        return ENTRIES.get(op);
                    }

                    static String shape(Op op) {
                        return ENTRIES.get(op).shape();
                    }

                    /** True when the table has a kernel of {@code op} for operands of type {@code t}. */
                    static boolean has(Op op, DType t) {
                        return ENTRIES.get(op).dtypes().contains(t);
                    }
                }
                """);
        return s.toString();
    }

    static String header(String doc) {
        return "/**\n * " + doc + "\n * Generated from expr/src/main/ops/operations.txt by expr/src/build/GenerateOps.java"
                + " (Maven, generate-sources): edit the table, not this file.\n */\n";
    }

    // ------------------------------------------------------------------ kernels

    static String read(T t, String arr, String off) {
        if (t.complex()) return "new Complex(" + arr + "[2 * (" + off + " + i)], " + arr + "[2 * (" + off + " + i) + 1])";
        return arr + "[" + off + " + i]";
    }

    /** The statements that store {@code expr} (of type r) as element i of d. */
    static String store(T r, String expr, String ind) {
        if (r.complex()) {
            return ind + "Complex r = " + expr + ";\n" + ind + "d[2 * (o + i)] = r.re();\n" + ind + "d[2 * (o + i) + 1] = r.im();\n";
        }
        return ind + "d[o + i] = " + expr + ";\n";
    }

    static String params(Op o, T t, T r) {
        String a = t.array();
        return switch (o.shape) {
            case "unary" -> a + " a, int ao, " + r.array() + " d, int o, int n";
            case "binary", "compare" -> a + " a, int ao, " + a + " b, int bo, " + r.array() + " d, int o, int n";
            case "powi" -> a + " a, int ao, " + r.array() + " d, int o, int n, int p";
            case "where" -> "boolean[] q, int qo, " + a + " a, int ao, " + a + " b, int bo, " + r.array() + " d, int o, int n";
            default -> throw new IllegalStateException(o.shape);
        };
    }

    /** Loads of the elements x (y, c) of index i. */
    static String loads(Op o, T t, String ind) {
        StringBuilder s = new StringBuilder();
        if (o.shape.equals("where")) s.append(ind).append("boolean c = q[qo + i];\n");
        s.append(ind).append(t.java()).append(" x = ").append(read(t, "a", "ao")).append(";\n");
        if (!o.shape.equals("unary") && !o.shape.equals("powi")) {
            s.append(ind).append(t.java()).append(" y = ").append(read(t, "b", "bo")).append(";\n");
        }
        return s.toString();
    }

    static String scalarLoop(Op o, K k, String ind) {
        return ind + "for (int i = 0; i < n; i++) {\n" + loads(o, k.t(), ind + "    ") + store(k.result(), k.scalar(), ind + "    ") + ind + "}\n";
    }

    static String kernels(List<Op> ops, T t, boolean vector) {
        StringBuilder s = new StringBuilder();
        String cls = t.isFloat() ? t.cls() + (vector ? "Vector" : "Scalar") : t.cls();
        boolean instance = t.isFloat();
        String mod = instance ? "" : "static ";
        if (vector) {
            s.append("import jdk.incubator.vector.").append(t.vec()).append(";\nimport jdk.incubator.vector.VectorMask;\n")
                    .append("import jdk.incubator.vector.VectorOperators;\nimport jdk.incubator.vector.VectorSpecies;\n\n");
            s.append(header(t.dtype().toLowerCase(Locale.ROOT) + " block kernels on the Vector API: the operations of the table "
                    + "with a vector form, each with its {@link VectorOperators} constant written literally (an operator passed in a "
                    + "variable is not intrinsified and runs ~5x slower); the tail that does not fill a vector runs the scalar "
                    + "formula. Operations without a vector form are inherited from {@link " + t.cls() + "Scalar}."));
            s.append("final class ").append(cls).append(" extends ").append(t.cls()).append("Scalar {\n");
            s.append("    private static final VectorSpecies<").append(t.vbox()).append("> S = ").append(t.vec()).append(".SPECIES_PREFERRED;\n");
            s.append("    private static final int L = S.length();\n\n");
        } else {
            s.append(header(t.dtype().toLowerCase(Locale.ROOT) + " block kernels, one method per operation of the table, as plain "
                    + "loops over (array, offset) operands; {@code n} elements are processed and the destination may be an operand "
                    + "(each element is read before it is written)."
                    + (t.complex() ? " Complex arrays interleave (re, im); offsets count complex elements." : "")
                    + (instance ? " {@link " + t.cls() + "Vector} overrides the operations with a vector form." : "")));
            s.append(instance ? "class " : "final class ").append(cls).append(" {\n");
            if (!instance) s.append("    private ").append(cls).append("() {}\n\n");
        }
        for (Op o : ops) {
            K k = o.kernel(t);
            if (k == null || o.shape.equals("custom")) continue;
            if (vector && k.vector() == null) continue;
            String m = o.name.toLowerCase(Locale.ROOT);
            if (o.shape.equals("reduce")) {
                s.append(vector ? "    @Override\n" : "").append("    ").append(mod).append(t.java()).append(' ').append(m)
                        .append("(").append(t.array()).append(" a, int ao, int n) {\n");
                if (vector) s.append(vectorReduce(k, t));
                else {
                    s.append("        ").append(t.java()).append(" s = ").append(k.identity()).append(";\n");
                    s.append("        for (int i = 0; i < n; i++) {\n            ").append(t.java()).append(" x = a[ao + i];\n")
                            .append("            s = ").append(k.scalar()).append(";\n        }\n        return s;\n");
                }
                s.append("    }\n\n");
                continue;
            }
            s.append(vector ? "    @Override\n" : "").append("    ").append(mod).append("void ").append(m).append('(')
                    .append(params(o, t, k.result())).append(") {\n");
            if (!vector) s.append(scalarLoop(o, k, "        "));
            else if (o.shape.equals("powi")) s.append(vectorPowi(o, k, t));
            else s.append(vectorLoop(o, k, t));
            s.append("    }\n\n");
        }
        s.setLength(s.length() - 1);
        s.append("}\n");
        return s.toString();
    }

    static String vectorLoop(Op o, K k, T t) {
        String v = t.vec();
        StringBuilder s = new StringBuilder();
        s.append("        int i = 0;\n        for (int ub = S.loopBound(n); i < ub; i += L) {\n");
        if (o.shape.equals("where")) s.append("            VectorMask<").append(t.vbox()).append("> m = VectorMask.fromArray(S, q, qo + i);\n");
        s.append("            ").append(v).append(" vx = ").append(v).append(".fromArray(S, a, ao + i);\n");
        if (!o.shape.equals("unary")) s.append("            ").append(v).append(" vy = ").append(v).append(".fromArray(S, b, bo + i);\n");
        s.append("            ").append(k.vector()).append(".intoArray(d, o + i);\n        }\n");
        s.append("        for (; i < n; i++) {\n").append(loads(o, t, "            ")).append(store(k.result(), k.scalar(), "            "))
                .append("        }\n");
        return s.toString();
    }

    static String vectorPowi(Op o, K k, T t) {
        if (!k.vector().equals("unrolled")) throw new IllegalArgumentException(o.name + ": powi's vector form is 'unrolled'");
        String v = t.vec();
        String one = t.key().equals("f64") ? "1.0" : "1.0f";
        return "        // x**p for |p| <= 4: straight-line vector code in the multiplication order of the scalar formula (a vector\n"
                + "        // carried through a loop of unknown trip count would be boxed); other exponents use the scalar loop\n"
                + "        int k = Math.abs(p);\n"
                + "        if (k > 4) {\n            super.powi(a, ao, d, o, n, p);\n            return;\n        }\n"
                + "        " + v + " one = " + v + ".broadcast(S, " + one + ");\n"
                + "        int i = 0;\n        for (int ub = S.loopBound(n); i < ub; i += L) {\n"
                + "            " + v + " x = " + v + ".fromArray(S, a, ao + i);\n"
                + "            " + v + " r = switch (k) {\n"
                + "                case 0 -> one;\n                case 1 -> x;\n                case 2 -> x.mul(x);\n"
                + "                case 3 -> x.mul(x.mul(x));\n                default -> {\n"
                + "                    " + v + " x2 = x.mul(x);\n                    yield x2.mul(x2);\n                }\n"
                + "            };\n            if (p < 0) r = one.div(r);\n            r.intoArray(d, o + i);\n        }\n"
                + "        for (; i < n; i++) {\n" + loads(o, t, "            ") + store(k.result(), k.scalar(), "            ") + "        }\n";
    }

    static String vectorReduce(K k, T t) {
        String v = t.vec();
        return "        int i = 0;\n"
                + "        " + v + " acc = " + v + ".broadcast(S, (" + t.java() + ") (" + k.identity() + "));\n"
                + "        for (int ub = S.loopBound(n); i < ub; i += L) {\n"
                + "            " + v + " v = " + v + ".fromArray(S, a, ao + i);\n"
                + "            acc = " + k.vector() + ";\n        }\n"
                + "        // lanes are combined in lane order: reduceLanes may use a different order compiled than interpreted\n"
                + "        " + t.java() + " s = " + k.identity() + ";\n"
                + "        for (" + t.java() + " x : acc.toArray()) s = " + k.scalar() + ";\n"
                + "        for (; i < n; i++) {\n            " + t.java() + " x = a[ao + i];\n            s = " + k.scalar() + ";\n        }\n"
                + "        return s;\n";
    }

    // ------------------------------------------------------------------ dispatch

    static String owner(T t) {
        return t.isFloat() ? "K" : t.cls();
    }

    /** The reductions with a kernel for t. */
    static List<Op> reductions(List<Op> ops, T t) {
        List<Op> rs = new ArrayList<>();
        for (Op o : ops) if (o.shape.equals("reduce") && o.kernel(t) != null) rs.add(o);
        return rs;
    }

    static String dispatch(List<Op> ops) {
        StringBuilder s = new StringBuilder();
        s.append(header("The interpreter's dispatch, from (operation, operand dtype) to the kernel; the reductions' partials "
                + "and their combination; and the scalar evaluator (constant folding, the reference): every case comes from one entry "
                + "of the table, with the same formula as the kernel."));
        s.append("final class Dispatch {\n    private Dispatch() {}\n\n");
        s.append("    /** Runs {@code op} on n elements of operands of type t (a, b, c: the sources in order) into d. */\n");
        s.append("    static void run(Exec.Kernels k, Op op, DType t, int p, Object a, int ao, Object b, int bo, Object c, int co,"
                + " Object d, int o, int n) {\n        switch (t) {\n");
        for (T t : TYPES.values()) {
            String kk = t.key().equals("f64") ? "k.f(), " : t.key().equals("f32") ? "k.g(), " : "";
            s.append("            case ").append(t.dtype()).append(" -> ").append(t.key()).append("(").append(kk)
                    .append("op, p, a, ao, b, bo, c, co, d, o, n);\n");
        }
        s.append("            default -> throw new IllegalStateException(\"no kernel for \" + op + \" on \" + t);\n        }\n    }\n\n");
        for (T t : TYPES.values()) {
            String kp = t.isFloat() ? t.cls() + "Scalar K, " : "";
            s.append("    private static void ").append(t.key()).append("(").append(kp)
                    .append("Op op, int p, Object a, int ao, Object b, int bo, Object c, int co, Object d, int o, int n) {\n");
            s.append("        switch (op) {\n");
            for (Op o : ops) {
                K k = o.kernel(t);
                if (k == null || o.shape.equals("custom") || o.shape.equals("reduce")) continue;
                String ta = "(" + t.array() + ") ";
                String ra = "(" + k.result().array() + ") d";
                String args = switch (o.shape) {
                    case "unary" -> ta + "a, ao, " + ra + ", o, n";
                    case "powi" -> ta + "a, ao, " + ra + ", o, n, p";
                    case "where" -> "(boolean[]) a, ao, " + ta + "b, bo, " + ta + "c, co, " + ra + ", o, n";
                    default -> ta + "a, ao, " + ta + "b, bo, " + ra + ", o, n";
                };
                s.append("            case ").append(o.name).append(" -> ").append(owner(t)).append('.')
                        .append(o.name.toLowerCase(Locale.ROOT)).append('(').append(args).append(");\n");
            }
            s.append("            default -> throw new IllegalStateException(\"no ").append(t.dtype().toLowerCase(Locale.ROOT))
                    .append(" kernel for \" + op);\n        }\n    }\n\n");
        }
        // reductions
        s.append("    /** Reduces n elements of {@code a} (type t) with {@code red} into {@code dst[j]}. */\n");
        s.append("    static void partial(Exec.Kernels k, Op red, DType t, Object a, int ao, int n, Object dst, int j) {\n");
        s.append("        switch (t) {\n");
        for (T t : TYPES.values()) {
            List<Op> rs = reductions(ops, t);
            if (rs.isEmpty()) continue;
            String own = t.key().equals("f64") ? "k.f()" : t.key().equals("f32") ? "k.g()" : t.cls();
            s.append("            case ").append(t.dtype()).append(" -> ((").append(t.array()).append(") dst)[j] = switch (red) {\n");
            for (Op o : rs) {
                s.append("                case ").append(o.name).append(" -> ").append(own).append('.').append(o.name.toLowerCase(Locale.ROOT))
                        .append("((").append(t.array()).append(") a, ao, n);\n");
            }
            s.append("                default -> throw new IllegalStateException(red + \" of \" + t);\n            };\n");
        }
        s.append("            default -> throw new IllegalStateException(red + \" of \" + t);\n        }\n    }\n\n");
        s.append("    /** acc[ao..ao+n) = acc[ao..ao+n) combined with x[xo..xo+n) element by element, as {@code red} combines. */\n");
        s.append("    static void accumulate(Exec.Kernels k, Op red, DType t, Object into, int ao, Object from, int xo, int n) {\n");
        s.append("        switch (t) {\n");
        for (T t : TYPES.values()) {
            List<Op> rs = reductions(ops, t);
            if (rs.isEmpty()) continue;
            String own = t.key().equals("f64") ? "k.f()" : t.key().equals("f32") ? "k.g()" : t.cls();
            s.append("            case ").append(t.dtype()).append(" -> {\n");
            s.append("                ").append(t.array()).append(" e = (").append(t.array()).append(") into;\n");
            s.append("                ").append(t.array()).append(" w = (").append(t.array()).append(") from;\n");
            s.append("                switch (red) {\n");
            for (Op o : rs) {
                s.append("                    case ").append(o.name).append(" -> ");
                Op via = null;
                for (Op v : ops) if (v.name.equals(o.via)) via = v;
                if (o.via != null && (via == null || via.kernel(t) == null)) {
                    throw new IllegalArgumentException(o.name + ": via=" + o.via + " has no " + t.key() + " kernel");
                }
                if (via != null) {
                    s.append(own).append('.').append(via.name.toLowerCase(Locale.ROOT)).append("(e, ao, w, xo, e, ao, n);\n");
                } else {
                    s.append("{\n                        for (int i = 0; i < n; i++) {\n")
                            .append("                            ").append(t.java()).append(" s = e[ao + i];\n")
                            .append("                            ").append(t.java()).append(" x = w[xo + i];\n")
                            .append("                            e[ao + i] = ").append(o.kernel(t).scalar()).append(";\n")
                            .append("                        }\n                    }\n");
                }
            }
            s.append("                    default -> throw new IllegalStateException(red + \" of \" + t);\n                }\n            }\n");
        }
        s.append("            default -> throw new IllegalStateException(red + \" of \" + t);\n        }\n    }\n\n");
        // scalar evaluator
        s.append("    /** Applies element-wise {@code op} to values of operand type t (already cast); the result has the op's result type. */\n");
        s.append("    static Object scalar(Op op, DType t, int p, Object[] v) {\n        return switch (t) {\n");
        for (T t : TYPES.values()) s.append("            case ").append(t.dtype()).append(" -> ").append(t.key()).append("(op, p, v);\n");
        s.append("            default -> throw new IllegalStateException(\"no \" + op + \" on \" + t);\n        };\n    }\n\n");
        for (T t : TYPES.values()) {
            s.append("    private static Object ").append(t.key()).append("(Op op, int p, Object[] v) {\n        switch (op) {\n");
            for (Op o : ops) {
                K k = o.kernel(t);
                if (k == null || o.shape.equals("custom") || o.shape.equals("reduce")) continue;
                s.append("            case ").append(o.name).append(" -> {\n");
                int at = 0;
                if (o.shape.equals("where")) s.append("                boolean c = (Boolean) v[").append(at++).append("];\n");
                s.append("                ").append(t.java()).append(" x = (").append(t.box()).append(") v[").append(at++).append("];\n");
                if (!o.shape.equals("unary") && !o.shape.equals("powi")) {
                    s.append("                ").append(t.java()).append(" y = (").append(t.box()).append(") v[").append(at).append("];\n");
                }
                s.append("                ").append(k.result().java()).append(" r = ").append(k.scalar()).append(";\n                return r;\n            }\n");
            }
            s.append("            default -> throw new IllegalStateException(\"no ").append(t.dtype().toLowerCase(Locale.ROOT))
                    .append(" \" + op);\n        }\n    }\n\n");
        }
        s.setLength(s.length() - 1);
        s.append("}\n");
        return s.toString();
    }
}
