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
        Target t = Target.parse(List.of("-Xmx1g", "--add-modules", "jdk.incubator.vector", "-cp", "a:b", "p.Main", "-x", "y"), Workloads.config());
        assertEquals(List.of("-Xmx1g", "--add-modules", "jdk.incubator.vector", "-cp", "a:b", "p.Main", "-x", "y"),
                t.javaArgs());
        assertEquals(List.of(Path.of("a"), Path.of("b")), t.classpath());
        assertEquals("p.Main", t.label());
    }

    @Test
    void jarTarget(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("app.jar"));
        Target t = Target.parse(List.of("-jar", jar.toString(), "1"), Workloads.config());
        assertEquals(List.of("-jar", jar.toString(), "1"), t.javaArgs());
        assertEquals(List.of(jar), t.classpath());
    }

    @Test
    void applicationCommandRunsTheConfiguredMainWithItsFlags() {
        ProfilerConfig app = new ProfilerConfig("p.AppMain", "a.jar:b", List.of("-Xss8m", "-Dx=1"), "app",
                List.of(), null);
        Target t = Target.parse(List.of("diff2d", "--set", "dx=0.5"), app);
        assertEquals(List.of("-Xss8m", "-Dx=1", "-cp", "a.jar:b", "p.AppMain", "diff2d", "--set", "dx=0.5"), t.javaArgs());
        assertEquals(List.of(Path.of("a.jar"), Path.of("b")), t.classpath());
        assertEquals("app diff2d --set dx=0.5", t.label());
    }

    @Test
    void withoutAnApplicationAWordIsNotATarget() {
        UserError e = assertThrows(UserError.class, () -> Target.parse(List.of("diff2d"), Workloads.config()));
        assertTrue(e.getMessage().contains("-cp CLASSPATH MainClass or -jar FILE"), e.getMessage());
    }

    @Test
    void badTargets() {
        assertThrows(UserError.class, () -> Target.parse(List.of(), Workloads.config()));
        assertThrows(UserError.class, () -> Target.parse(List.of("-cp"), Workloads.config()));
        assertThrows(UserError.class, () -> Target.parse(List.of("-cp", "x"), Workloads.config()));
        assertThrows(UserError.class, () -> Target.parse(List.of("-Xmx1g", "Main"), Workloads.config()));
        assertThrows(UserError.class, () -> Target.parse(List.of("-jar", "/no/such.jar"), Workloads.config()));
    }
}
