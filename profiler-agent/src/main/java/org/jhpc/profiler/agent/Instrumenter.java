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
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rewrites the selected methods of one class with {@code java.lang.classfile}: at method entry a call to
 * {@link Counters#call}, before the first instruction of each source line (after any labels, so that jumps back
 * to a loop's line count too; and on each taken jump back within a line, so that a loop written on one line
 * counts once per iteration, as Python's line events do) a call to {@link Counters#line}, after each array allocation ({@code newarray},
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

    /**
     * The branches that jump back to an earlier point of their own line where no line-number entry starts (a loop
     * written on one line): each taken one is one more execution of the line, as a Python line event is.
     */
    static Set<Integer> backwardInLine(List<CodeElement> code) {
        Map<Label, Integer> lineAt = new HashMap<>();
        Set<Label> fresh = new HashSet<>();   // labels right before a line-number entry
        Set<Integer> out = new HashSet<>();   // ordinals of the branches, in code order
        int branches = 0;
        int line = -1;
        List<Label> open = new ArrayList<>();   // labels not yet followed by an instruction or entry
        for (CodeElement e : code) {
            switch (e) {
                case LabelTarget lt -> {
                    lineAt.put(lt.label(), line);
                    open.add(lt.label());
                }
                case LineNumber ln -> {
                    line = ln.line();
                    fresh.addAll(open);
                    open.clear();
                }
                case BranchInstruction br -> {
                    open.clear();
                    Integer at = lineAt.get(br.target());
                    if (at != null && at == line && line >= 0 && !fresh.contains(br.target())) out.add(branches);
                    branches++;
                }
                case Instruction ins -> open.clear();
                default -> { }
            }
        }
        return out;
    }

    private static Opcode invert(Opcode op) {
        return switch (op) {
            case IFEQ -> Opcode.IFNE; case IFNE -> Opcode.IFEQ; case IFLT -> Opcode.IFGE; case IFGE -> Opcode.IFLT;
            case IFGT -> Opcode.IFLE; case IFLE -> Opcode.IFGT;
            case IF_ICMPEQ -> Opcode.IF_ICMPNE; case IF_ICMPNE -> Opcode.IF_ICMPEQ;
            case IF_ICMPLT -> Opcode.IF_ICMPGE; case IF_ICMPGE -> Opcode.IF_ICMPLT;
            case IF_ICMPGT -> Opcode.IF_ICMPLE; case IF_ICMPLE -> Opcode.IF_ICMPGT;
            case IF_ACMPEQ -> Opcode.IF_ACMPNE; case IF_ACMPNE -> Opcode.IF_ACMPEQ;
            case IFNULL -> Opcode.IFNONNULL; case IFNONNULL -> Opcode.IFNULL;
            default -> null;
        };
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
        Set<Integer> backward = backwardInLine(mm.code().orElseThrow().elementList());
        return new CodeTransform() {
            private int pending = -1;   // slot of a line whose first instruction is still to come
            private int current = -1;   // slot of the line the stream is in
            private int site = 0;       // number of the next new instruction
            private int branch = 0;     // number of the next branch instruction

            @Override
            public void atStart(CodeBuilder b) {
                b.loadConstant(id);
                b.invokestatic(COUNTERS, "call", I);
            }

            @Override
            public void accept(CodeBuilder b, CodeElement e) {
                if (e instanceof BranchInstruction br && backward.contains(branch++) && current >= 0) {
                    // a jump back within the line (a loop on one line): count the line when the jump is taken
                    Opcode inverse = invert(br.opcode());
                    if (br.opcode() == Opcode.GOTO || br.opcode() == Opcode.GOTO_W) {
                        b.loadConstant(id);
                        b.loadConstant(current);
                        b.invokestatic(COUNTERS, "line", II);
                        b.with(e);
                        return;
                    } else if (inverse != null) {
                        Label skip = b.newLabel();
                        b.branch(inverse, skip);
                        b.loadConstant(id);
                        b.loadConstant(current);
                        b.invokestatic(COUNTERS, "line", II);
                        b.goto_(br.target());
                        b.labelBinding(skip);
                        return;
                    }
                }
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
