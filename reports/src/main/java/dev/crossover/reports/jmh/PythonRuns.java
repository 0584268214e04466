package dev.crossover.reports.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Python reference beside a JVM run: how a report tells its runs and models apart.
 *
 * <p>A run is Python's when its {@code environment.json} says {@code "language": "python"}; a
 * model is Python's when its id starts with {@value #PREFIX} ({@code py-asyncio}, {@code py-threads}, ...).
 * A Python run made on the same host as exactly one JVM run of the report takes that run's label,
 * so its points share the JVM's charts, winner maps and claims; its models are marked
 * {@value #MARK} wherever a model is named, and drawn dashed in the colour of the JVM model they
 * stand beside ({@link #counterpart}).
 */
public final class PythonRuns {
    /** The prefix of every Python model's id. */
    public static final String PREFIX = "py-";
    /** What follows a Python model's id where the report names it. */
    public static final String MARK = " (Python)";
    private static final Map<String, String> COUNTERPARTS = Map.of("py-asyncio", "eventloop",
            "py-asyncio-offload", "eventloop-offload", "py-uvloop", "netty", "py-threads", "threads-fixed",
            "py-processes", "processes");

    private PythonRuns() {
    }

    /** {@return true if the run's environment says it is the Python reference's} */
    public static boolean isPython(Source source) {
        return "python".equals(source.get("language"));
    }

    /** {@return true if the model is one of the Python reference's} */
    public static boolean isPython(String model) {
        return model.startsWith(PREFIX);
    }

    /** {@return the model's id as the report names it: marked when it is Python's} */
    public static String name(String model) {
        return isPython(model) ? model + MARK : model;
    }

    /** {@return the JVM model a Python model stands beside (py-threads: threads-fixed), or the model itself} */
    public static String counterpart(String model) {
        return COUNTERPARTS.getOrDefault(model, model);
    }

    /**
     * {@return one label per source}: the JVM runs labelled among themselves by {@code labeller}, and each
     * Python run with the label of the one JVM run on its host, or (without one) its own label marked Python
     */
    static List<String> labels(List<Source> sources, Function<List<Source>, List<String>> labeller) {
        List<Source> jvm = sources.stream().filter(s -> !isPython(s)).toList();
        List<Source> python = sources.stream().filter(PythonRuns::isPython).toList();
        if (jvm.isEmpty() || python.isEmpty()) {
            return labeller.apply(sources);
        }
        List<String> jvmLabels = labeller.apply(jvm);
        List<String> pythonLabels = labeller.apply(python);
        List<String> out = new ArrayList<>();
        for (Source s : sources) {
            if (!isPython(s)) {
                out.add(jvmLabels.get(jvm.indexOf(s)));
                continue;
            }
            List<Integer> sameHost = new ArrayList<>();
            for (int i = 0; i < jvm.size(); i++) {
                if (Objects.equals(jvm.get(i).get("hostname"), s.get("hostname"))) {
                    sameHost.add(i);
                }
            }
            out.add(sameHost.size() == 1 ? jvmLabels.get(sameHost.get(0))
                    : pythonLabels.get(python.indexOf(s)) + " \u00b7 Python");
        }
        return out;
    }
}
