package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command answers -h, --help and help COMMAND with its usage on standard output and exit 0. */
@Timeout(60)
class HelpTest {
    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Every command the Main dispatches to, as it knows them, so a new command is covered too. */
    static Stream<String> commands() {
        return Main.commandLine().getSubcommands().keySet().stream();
    }

    @Test
    void knowsTheCommandsOfDesignMd() {
        assertTrue(Main.commandLine().getSubcommands().keySet().containsAll(Set.of("scenario", "run", "report", "compare",
                "seeds", "models", "workloads", "help")), Main.commandLine().getSubcommands().keySet().toString());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandAnswersHelpWithItsUsageAndExitZero(String command) {
        for (String flag : List.of("--help", "-h")) {
            Outcome o = run(command, flag);

            assertEquals(0, o.code(), command + " " + flag + ": " + o.err());
            assertTrue(o.out().lines().anyMatch(l -> l.startsWith("Usage: crossover " + command + " ")),
                    command + " " + flag + ": " + o.out());
            assertEquals("", o.err(), command + " " + flag);
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpCommandPrintsTheSameUsage(String command) {
        Outcome o = run("help", command);

        assertEquals(0, o.code(), o.err());
        assertEquals(run(command, "--help").out(), o.out(), command);
        assertEquals("", o.err());
    }

    @Test
    void requiredOptionsDoNotStandInTheWayOfHelp() {
        Outcome o = run("scenario", "--help");

        assertTrue(o.out().contains("--model"), o.out());
        assertTrue(o.out().contains("--workload"), o.out());
        assertTrue(!o.out().contains("Missing required"), o.out());
    }

    @Test
    void helpAlonePrintsTheTopLevelUsage() {
        Outcome o = run("help");

        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("Usage: crossover"), o.out());
        commands().forEach(c -> assertTrue(o.out().contains(c), c + " in " + o.out()));
        assertEquals(run("--help").out(), o.out());
    }

    @Test
    void helpForAnUnknownCommandIsBadUsage() {
        Outcome o = run("help", "nope");

        assertEquals(2, o.code());
        assertEquals("", o.out());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("nope"), o.err());
    }
}
