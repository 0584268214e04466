package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * The CI workflow cannot run here, so this reads {@code .github/workflows/benchmarks.yml} as YAML
 * and checks that every Crossover command in its {@code run:} scripts exists with the flags it passes.
 */
@Timeout(30)
class WorkflowTest {
    private static final Path WORKFLOW = Path.of("..", ".github", "workflows", "benchmarks.yml");
    /** {@code java -jar X.jar COMMAND rest}: the jar, the command and the rest of the (joined) line. */
    private static final Pattern INVOCATION = Pattern.compile("java -jar (\\S+\\.jar) (\\S+)(.*)");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w$-])--[a-z][a-z-]*");

    /** One Crossover command line of the workflow. */
    private record Invocation(String job, String jar, List<String> command, String rest, Set<String> flags) {
    }

    @Test
    void everyCrossoverCommandExistsWithItsFlags() throws Exception {
        List<Invocation> found = invocations();

        for (Invocation inv : found) {
            CommandLine cli = Main.commandLine();
            for (String name : inv.command()) {
                cli = cli.getSubcommands().get(name);
                assertNotNull(cli, inv.job() + ": no command " + String.join(" ", inv.command()));
            }
            for (String flag : inv.flags()) {
                assertNotNull(cli.getCommandSpec().findOption(flag),
                        inv.job() + ": " + String.join(" ", inv.command()) + " has no option " + flag);
            }
        }
        Set<String> used = new LinkedHashSet<>();
        found.forEach(i -> used.add(String.join(" ", i.command())));
        assertEquals(Set.of("run", "compare", "history add", "history report", "history check"), used, used.toString());
    }

    @Test
    void pullRequestsCompareThreeRoundsASideWithJunitAndMarkdown() throws Exception {
        List<Invocation> compare = invocations().stream()
                .filter(i -> i.job().equals("compare") && i.command().equals(List.of("compare"))).toList();
        assertEquals(1, compare.size());
        Invocation c = compare.getFirst();
        assertTrue(c.flags().containsAll(Set.of("--junit", "--markdown")), c.flags().toString());
        String[] sides = c.rest().strip().split("\\s+");
        assertTrue(sides[0].split(",").length >= 3 && sides[1].split(",").length >= 3, c.rest());

        List<Invocation> runs = invocations().stream()
                .filter(i -> i.job().equals("compare") && i.command().equals(List.of("run"))).toList();
        assertTrue(runs.stream().anyMatch(r -> r.jar().equals("base.jar")) && runs.stream().anyMatch(r -> r.jar().equals("head.jar")));
        assertTrue(runs.stream().filter(r -> r.jar().equals("head.jar")).allMatch(r -> r.flags().contains("--units-from")),
                "every head round computes the base's kernel units");
    }

    private static List<Invocation> invocations() throws Exception {
        assertTrue(Files.isRegularFile(WORKFLOW), WORKFLOW.toAbsolutePath().toString());
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
        List<Invocation> out = new ArrayList<>();
        root.get("jobs").fields().forEachRemaining(job -> {
            for (JsonNode step : job.getValue().get("steps")) {
                if (!step.has("run")) {
                    continue;
                }
                String script = step.get("run").asText().replaceAll("\\\\\\s*\\n\\s*", " ");
                for (String line : script.split("\\n")) {
                    Matcher m = INVOCATION.matcher(line.strip());
                    if (!m.find()) {
                        continue;
                    }
                    List<String> command = new ArrayList<>(List.of(m.group(2)));
                    String rest = m.group(3);
                    if (command.getFirst().equals("history")) {
                        String[] words = rest.strip().split("\\s+", 2);
                        command.add(words[0]);
                        rest = words.length > 1 ? words[1] : "";
                    }
                    Set<String> flags = new LinkedHashSet<>();
                    Matcher f = FLAG.matcher(rest);
                    while (f.find()) {
                        flags.add(f.group());
                    }
                    out.add(new Invocation(job.getKey(), m.group(1), command, rest, flags));
                }
            }
        });
        assertTrue(out.size() >= 8, "found " + out.size() + " Crossover commands: " + Arrays.toString(out.toArray()));
        return out;
    }
}
