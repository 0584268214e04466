package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.crossover.benchmarks.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's bad input: exit 2 and one line naming the flag, before anything runs. */
class RunCommandTest {
    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static void assertOneLine(Outcome o, String expected) {
        assertEquals(2, o.code());
        assertEquals("", o.out());
        assertEquals(expected + System.lineSeparator(), o.err());
    }

    @Test
    void rejectsAnUnknownProfile(@TempDir Path dir) {
        assertOneLine(run("run", "--profile", "huge", "--out", dir.toString()),
                "crossover: profile: huge (expected: smoke, quick or full)");
    }

    @Test
    void rejectsAnIncludeThatIsNotARegularExpression(@TempDir Path dir) {
        assertOneLine(run("run", "--include", "[", "--out", dir.toString()),
                "crossover: include: [ (expected: a regular expression)");
    }

    @Test
    void rejectsAnIncludeMatchingNothing(@TempDir Path dir) {
        Path out = dir.resolve("never");
        assertOneLine(run("run", "--profile", "smoke", "--include", "NoSuchBenchmark", "--out", out.toString()),
                "crossover: include: NoSuchBenchmark (expected: a pattern matching a point of profile smoke)");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void rejectsANegativeBusyThreshold(@TempDir Path dir) {
        Path out = dir.resolve("never");
        assertOneLine(run("run", "--busy-threshold", "-0.5", "--out", out.toString()),
                "crossover: busy-threshold: -0.5 (expected: a number of cores >= 0)");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void rejectsAnOutThatIsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertOneLine(run("run", "--out", file.toString()),
                "crossover: out: " + file + " (expected: a directory)");
    }
}
