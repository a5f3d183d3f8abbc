package org.jhpc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting is listed once and read in one place: no source outside {@link Config} reads a {@code jhpc.*}
 * property or a {@code JHPC_*} variable, every such name the sources, scripts and docs mention is a {@link Config}
 * entry, and docs/configuration.md carries {@link Config#markdownTable()} as it is.
 */
class ConfigTest {
    static final Path ROOT = Path.of(Objects.requireNonNullElse(Config.ROOT.given(), "..")).toAbsolutePath().normalize();

    /** A direct read of a jhpc setting: System.getProperty("jhpc.…"), System.getenv("JHPC_…"), Boolean.getBoolean… */
    static final Pattern READ = Pattern.compile(
            "(System\\.getProperty|System\\.getenv|Boolean\\.getBoolean|Integer\\.getInteger|Long\\.getLong)"
                    + "\\(\\s*\"(jhpc\\.|JHPC_)");
    /** A setting named in text: -Djhpc.x.y=, JHPC_X. */
    static final Pattern NAME = Pattern.compile("-D(jhpc\\.[a-z][a-z0-9.-]*[a-z0-9])|\\b(JHPC_[A-Z0-9_]*[A-Z0-9])\\b");

    /** A Java constant declaration, e.g. {@code static final String JHPC_MAIN = ...}. */
    static final Pattern CONSTANT = Pattern.compile("static final \\w+ (JHPC_[A-Z0-9_]+) =");
    static final Path SELF = Path.of("org", "jhpc", "core", "ConfigTest.java");

    static List<Path> files() {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(ROOT)) {
            s.filter(Files::isRegularFile)
                    .filter(p -> !ROOT.relativize(p).toString().matches("(.*/)?(target|\\.git|node_modules)/.*"))
                    .filter(p -> {
                        String r = ROOT.relativize(p).toString();
                        return r.matches(".*/src/(main|test)/java/.*\\.java") || r.endsWith(".md") || r.endsWith(".sh")
                                || r.equals("jhpc") || r.equals("run-tests") || r.startsWith("scripts/")
                                || r.startsWith(".ci/");
                    })
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noSourceButConfigReadsASetting() {
        List<Path> java = files().stream().filter(p -> p.toString().endsWith(".java")).toList();
        assertTrue(java.size() > 100, "found the sources under " + ROOT + ": " + java.size());
        List<String> offenders = new ArrayList<>();
        for (Path p : java) {
            if (p.endsWith(Path.of("org", "jhpc", "core", "Config.java")) || p.endsWith(SELF)) continue;
            String[] lines = read(p).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (READ.matcher(lines[i]).find()) offenders.add(ROOT.relativize(p) + ":" + (i + 1) + ": " + lines[i].strip());
            }
        }
        assertEquals(List.of(), offenders, "read these through org.jhpc.core.Config");
    }

    @Test
    void everySettingNamedAnywhereIsAConfigEntry() {
        Set<String> known = new TreeSet<>();
        for (Config c : Config.values()) {
            if (c.property() != null) known.add(c.property());
            if (c.variable() != null) known.add(c.variable());
        }
        Set<String> constants = new TreeSet<>();      // Java constants named JHPC_..., not settings
        for (Path p : files()) {
            Matcher d = CONSTANT.matcher(read(p));
            while (d.find()) constants.add(d.group(1));
        }
        Set<String> unknown = new TreeSet<>();
        for (Path p : files()) {
            if (p.endsWith(SELF)) continue;
            Matcher m = NAME.matcher(read(p));
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                if (!known.contains(name) && !constants.contains(name)) unknown.add(name + " (" + ROOT.relativize(p) + ")");
            }
        }
        assertEquals(Set.of(), unknown, "add these to org.jhpc.core.Config (and docs/configuration.md)");
        String launcher = read(ROOT.resolve("jhpc"));
        for (Config c : Config.values()) {
            if (c.reader().equals("./jhpc")) assertTrue(launcher.contains(c.variable()), c + " is not read by ./jhpc");
        }
    }

    @Test
    void theDocumentedTableIsTheConfigTable() {
        String doc = read(ROOT.resolve("docs/configuration.md"));
        assertTrue(doc.contains(Config.markdownTable()), "docs/configuration.md must contain, as it is:\n"
                + Config.markdownTable());
        assertTrue(read(ROOT.resolve("README.md")).contains("docs/configuration.md"), "the README links the table");
    }

    @Test
    void valuesComeFromThePropertyThenTheVariableThenTheDefault() {
        String key = Config.PROGRESS_AFTER.property();
        String old = System.getProperty(key);
        try {
            System.clearProperty(key);
            assertEquals("2", Config.PROGRESS_AFTER.value());
            System.setProperty(key, " 7 ");
            assertEquals("7", Config.PROGRESS_AFTER.value());
            System.setProperty(key, "  ");
            assertEquals("2", Config.PROGRESS_AFTER.value(), "blank counts as unset");
        } finally {
            if (old == null) System.clearProperty(key);
            else System.setProperty(key, old);
        }
        for (String off : new String[] {"off", "FALSE", "0", "no"}) {
            System.setProperty(Config.WARMUP.property(), off);
            assertFalse(Config.WARMUP.isOn(), off);
        }
        System.setProperty(Config.WARMUP.property(), "true");
        assertTrue(Config.WARMUP.isOn());
        System.clearProperty(Config.WARMUP.property());
        assertTrue(Config.WARMUP.isOn(), "default");
    }
}
