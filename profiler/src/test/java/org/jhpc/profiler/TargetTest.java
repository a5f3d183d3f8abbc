package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jhpc.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetTest {
    @Test
    void classpathTargetKeepsJvmOptionsAndArguments() {
        Target t = Target.parse(List.of("-Xmx1g", "--add-modules", "jdk.incubator.vector", "-cp", "a:b", "p.Main", "-x", "y"));
        assertEquals(List.of("-Xmx1g", "--add-modules", "jdk.incubator.vector", "-cp", "a:b", "p.Main", "-x", "y"),
                t.javaArgs());
        assertEquals(List.of(Path.of("a"), Path.of("b")), t.classpath());
        assertEquals("p.Main", t.label());
    }

    @Test
    void jarTarget(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("app.jar"));
        Target t = Target.parse(List.of("-jar", jar.toString(), "1"));
        assertEquals(List.of("-jar", jar.toString(), "1"), t.javaArgs());
        assertEquals(List.of(jar), t.classpath());
    }

    @Test
    void jhpcTargetRunsMainWithTheLauncherFlags() {
        Target t = Target.parse(List.of("diff2d", "--set", "dx=0.5"));
        List<String> a = t.javaArgs();
        int main = a.indexOf(Target.JHPC_MAIN);
        assertEquals(List.of("diff2d", "--set", "dx=0.5"), a.subList(main + 1, a.size()));
        assertEquals(System.getProperty("java.class.path"), a.get(main - 1));
        assertTrue(a.contains("--add-modules=jdk.incubator.vector"), a.toString());
        assertTrue(a.stream().anyMatch(x -> x.startsWith("-Djhpc.root=")), a.toString());
    }

    @Test
    void badTargets() {
        assertThrows(UserError.class, () -> Target.parse(List.of()));
        assertThrows(UserError.class, () -> Target.parse(List.of("-cp")));
        assertThrows(UserError.class, () -> Target.parse(List.of("-cp", "x")));
        assertThrows(UserError.class, () -> Target.parse(List.of("-Xmx1g", "Main")));
        assertThrows(UserError.class, () -> Target.parse(List.of("-jar", "/no/such.jar")));
    }
}
