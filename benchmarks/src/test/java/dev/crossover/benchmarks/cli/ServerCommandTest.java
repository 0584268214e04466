package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.benchmarks.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ServerCommandTest {
    private static final Pattern READY = Pattern.compile("crossover-server listening (\\S+):(\\d+)\\R");

    private static CommandLineTest.Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandLineTest.Outcome(code, out.toString(), err.toString());
    }

    @Test
    void bindsLoopbackOnAFreePortByDefaultAndPrintsIt() {
        CommandLineTest.Outcome outcome = run("server", "--for", "200ms");

        assertEquals(0, outcome.code(), outcome.err());
        Matcher ready = READY.matcher(outcome.out());
        assertTrue(ready.matches(), outcome.out());
        assertEquals("127.0.0.1", ready.group(1));
        assertTrue(Integer.parseInt(ready.group(2)) > 0, "a free port: " + outcome.out());
    }

    @Test
    void bindsWhatItIsToldOnlyWhenAsked() {
        CommandLineTest.Outcome outcome = run("server", "--bind", "127.0.0.3", "--for", "100ms");

        assertEquals(0, outcome.code(), outcome.err());
        Matcher ready = READY.matcher(outcome.out());
        assertTrue(ready.matches(), outcome.out());
        assertEquals("127.0.0.3", ready.group(1));
    }

    @Test
    void aBadPortIsOneLineAndExitTwo() {
        CommandLineTest.Outcome outcome = run("server", "--port", "70000");

        assertEquals(2, outcome.code());
        assertEquals("crossover: port: 70000 (expected: between 0 and 65535)", outcome.err().strip());
    }
}
