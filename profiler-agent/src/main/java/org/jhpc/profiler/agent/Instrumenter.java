package org.jhpc.profiler.agent;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.lang.classfile.attribute.LineNumberInfo;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.NewMultiArrayInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.classfile.instruction.NewPrimitiveArrayInstruction;
import java.lang.classfile.instruction.NewReferenceArrayInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Rewrites the selected methods of one class with {@code java.lang.classfile}: at method entry a call to
 * {@link Counters#call}, before the first instruction of each source line (after any labels, so that jumps back
 * to a loop's line count too) a call to {@link Counters#line}, after each array allocation ({@code newarray},
 * {@code anewarray}, {@code multianewarray}) a call to {@link Counters#array} with the new array, and after each
 * {@code new} a call to {@link Counters#object}. A method is
 * selected if its name {@code pkg.Class.name} equals a pattern or ends with {@code "." + pattern}, or if it is
 * annotated with {@code @org.jhpc.profiler.Profile}.
 */
final class Instrumenter {
    static final String PROFILE = "Lorg/jhpc/profiler/Profile;";
    private static final ClassDesc COUNTERS = ClassDesc.of(Counters.class.getName());
    private static final MethodTypeDesc II = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int,
            ConstantDescs.CD_int);
    private static final MethodTypeDesc I = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);
    private static final MethodTypeDesc OII = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_Object,
            ConstantDescs.CD_int, ConstantDescs.CD_int);

    private final List<String> patterns;

    Instrumenter(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The transformed class, or null when no method of it is selected. */
    byte[] transform(byte[] bytes, ClassLoader loader) {
        ClassFile plain = ClassFile.of();
        ClassModel cm = plain.parse(bytes);
        String cls = cm.thisClass().asInternalName().replace('/', '.');
        if (cm.methods().stream().noneMatch(m -> selected(cls, m))) return null;
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                .orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
        return cf.transformClass(cm, (cb, ce) -> {
            if (ce instanceof MethodModel mm && selected(cls, mm)) {
                cb.transformMethod(mm, MethodTransform.transformingCode(counting(cls + "." + mm.methodName()
                        .stringValue(), mm, loader)));
            } else {
                cb.with(ce);
            }
        });
    }

    boolean selected(String cls, MethodModel m) {
        if (m.code().isEmpty()) return false;
        String name = cls + "." + m.methodName().stringValue();
        for (String p : patterns) {
            if (name.equals(p) || name.endsWith("." + p)) return true;
        }
        return m.findAttribute(Attributes.runtimeVisibleAnnotations())
                .map(a -> a.annotations().stream().anyMatch(x -> x.className().stringValue().equals(PROFILE)))
                .orElse(false);
    }

    private static CodeTransform counting(String method, MethodModel mm, ClassLoader loader) {
        TreeSet<Integer> set = new TreeSet<>();
        mm.code().flatMap(c -> c.findAttribute(Attributes.lineNumberTable()))
                .ifPresent(t -> t.lineNumbers().forEach((LineNumberInfo i) -> set.add(i.lineNumber())));
        int[] lines = set.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> siteSlots = new ArrayList<>();   // the new instructions, in code order: line slot, class
        List<String> siteClasses = new ArrayList<>();
        int line = -1;
        for (CodeElement e : mm.code().orElseThrow().elementList()) {
            if (e instanceof LineNumber ln) line = Arrays.binarySearch(lines, ln.line());
            if (e instanceof NewObjectInstruction no && line >= 0) {
                siteSlots.add(line);
                siteClasses.add(no.className().asInternalName());
            }
        }
        int id = Counters.register(method, lines, siteSlots.stream().mapToInt(Integer::intValue).toArray(),
                siteClasses.toArray(String[]::new), loader);
        return new CodeTransform() {
            private int pending = -1;   // slot of a line whose first instruction is still to come
            private int current = -1;   // slot of the line the stream is in
            private int site = 0;       // number of the next new instruction

            @Override
            public void atStart(CodeBuilder b) {
                b.loadConstant(id);
                b.invokestatic(COUNTERS, "call", I);
            }

            @Override
            public void accept(CodeBuilder b, CodeElement e) {
                if (e instanceof LineNumber ln) {
                    b.with(e);
                    pending = Arrays.binarySearch(lines, ln.line());
                    current = pending;
                    return;
                }
                if (e instanceof Instruction && pending >= 0) {
                    b.loadConstant(id);
                    b.loadConstant(pending);
                    b.invokestatic(COUNTERS, "line", II);
                    pending = -1;
                }
                b.with(e);
                if (current >= 0 && e instanceof NewObjectInstruction) {
                    b.loadConstant(id);
                    b.loadConstant(site++);
                    b.invokestatic(COUNTERS, "object", II);
                }
                if (current >= 0 && (e instanceof NewPrimitiveArrayInstruction || e instanceof NewReferenceArrayInstruction
                        || e instanceof NewMultiArrayInstruction)) {
                    b.dup();
                    b.loadConstant(id);
                    b.loadConstant(current);
                    b.invokestatic(COUNTERS, "array", OII);
                }
            }
        };
    }
}
