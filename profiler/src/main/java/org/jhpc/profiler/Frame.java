package org.jhpc.profiler;

/**
 * One stack frame as JFR reports it: the method, named {@code pkg.Class.name} (overloads share a name, as in
 * cProfile's report by function), and its source line ({@code -1} where the class has no line table).
 */
public record Frame(String method, int line) {
    /** The binary class name: everything before the method name. */
    public String className() {
        int dot = method.lastIndexOf('.');
        return dot < 0 ? "" : method.substring(0, dot);
    }

    /** The source file's path relative to a source root, guessed from the class name: {@code pkg/Outer.java}. */
    public String sourceFile() {
        return sourceFileOf(className());
    }

    static String sourceFileOf(String className) {
        String outer = className;
        int dollar = outer.indexOf('$');
        if (dollar > 0) outer = outer.substring(0, dollar);
        return outer.replace('.', '/') + ".java";
    }

    /** True for frames of the JDK itself (java., javax., jdk., sun., com.sun.), which line reports skip. */
    public boolean isJdk() {
        return isJdkClass(method);
    }

    static boolean isJdkClass(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }
}
