package org.jhpc.expr;

/**
 * The typed operations of a compiled program. The operand type ({@code argType} in the program) selects the
 * kernel; the semantics of each operation for each type are written once, element by element, in {@link Scalars}.
 */
enum Op {
    ADD("add"), SUB("sub"), MUL("mul"), DIV("div"), POW("pow"), MOD("mod"),
    LSHIFT("lshift"), RSHIFT("rshift"), AND("and"), OR("or"), NOT("invert"), NEG("neg"),
    EQ("eq"), NE("ne"), LT("lt"), LE("le"), GT("gt"), GE("ge"),
    /** x**n for a small integer constant n (the parameter), by repeated multiplication. */
    POWI("powi"),
    SIN("sin"), COS("cos"), TAN("tan"), ARCSIN("arcsin"), ARCCOS("arccos"), ARCTAN("arctan"),
    SINH("sinh"), COSH("cosh"), TANH("tanh"), ARCSINH("arcsinh"), ARCCOSH("arccosh"), ARCTANH("arctanh"),
    LOG("log"), LOG10("log10"), LOG1P("log1p"), EXP("exp"), EXPM1("expm1"), SQRT("sqrt"),
    ABS("abs"), CONJ("conj"), REAL("real"), IMAG("imag"),
    ARCTAN2("arctan2"), COMPLEX("complex"), WHERE("where"), CONTAINS("contains"),
    FLOOR("floor"), CEIL("ceil"), FMOD("fmod"), FLOORDIV("floordiv"), XOR("xor"),
    /** 1 of the operand's type, for each element (numexpr's ones_like). */
    ONES("ones_like"),
    /** Conversion from argType to the result type (a copy when they are equal). */
    CAST("cast"),
    SUM("sum"), PROD("prod"), MIN("min"), MAX("max");

    final String mnemonic;

    Op(String mnemonic) {
        this.mnemonic = mnemonic;
    }

    boolean isReduction() {
        return this == SUM || this == PROD || this == MIN || this == MAX;
    }

    boolean isComparison() {
        return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
    }
}
