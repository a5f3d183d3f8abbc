package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Source lookup: by the class's name, and through the class file's SourceFile attribute when that fails. */
class SourceFinderTest {
    static final String W = "org.jhpc.profiler.workloads.";

    @Test
    void aClassDefinedInAFileOfAnotherNameIsFoundThroughSourceFile() {
        ClassIndex classes = new ClassIndex(Arrays.stream(Workloads.classpath().split(File.pathSeparator))
                .map(Path::of).toList());
        assertEquals("org/jhpc/profiler/workloads/Helpers.java", classes.sourceFile(W + "NamedElsewhere"));
        SourceFinder sources = new SourceFinder(List.of(Path.of("src", "test", "java"))).withClasses(classes);
        String file = sources.fileFor(W + "NamedElsewhere");
        assertEquals("org/jhpc/profiler/workloads/Helpers.java", file);
        assertEquals("final class NamedElsewhere {", sources.line(file, 13));
        assertEquals("org/jhpc/profiler/workloads/Helpers.java", sources.fileFor(W + "Helpers"), "by name");
        assertNull(classes.sourceFile(W + "NoSuchClass"));
    }
}
