package dev.crossover.reports.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crossover.reports.BadInputException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON node with its file and JSON path (such as {@code $[2].primaryMetric.score}), so every
 * error names where it is.
 *
 * @param file the file the node came from
 * @param path the node's JSON path
 * @param json the node
 */
public record At(Path file, String path, JsonNode json) {
    /** {@return the root of a file's JSON tree, at path {@code $}} */
    public static At root(Path file, JsonNode json) {
        return new At(file, "$", json);
    }

    /** {@return an exception naming the file and this path} */
    public BadInputException bad(String problem) {
        return new BadInputException(file, problem + " at " + path);
    }

    /** Reads or checks this node; @throws BadInputException naming the file and path when it does not fit. */
    public At requireObject() {
        if (!json.isObject()) {
            throw bad("expected an object, found " + JmhParser.kind(json));
        }
        return this;
    }

    /** Reads or checks this node; @throws BadInputException naming the file and path when it does not fit. */
    public At requireArray() {
        if (!json.isArray()) {
            throw bad("expected an array, found " + JmhParser.kind(json));
        }
        return this;
    }

    /** Reads or checks this node; @throws BadInputException naming the file and path when it does not fit. */
    public At field(String name) {
        JsonNode child = json.get(name);
        if (child == null || child.isNull()) {
            throw bad("missing \"" + name + "\"");
        }
        return new At(file, path + "." + name, child);
    }

    /** Reads or checks this node; @throws BadInputException naming the file and path when it does not fit. */
    public Optional<At> optional(String name) {
        JsonNode child = json.get(name);
        return child == null || child.isNull()
                ? Optional.empty() : Optional.of(new At(file, path + "." + name, child));
    }

    /** Reads or checks this node; @throws BadInputException naming the file and path when it does not fit. */
    public At element(int i) {
        return new At(file, path + "[" + i + "]", json.get(i));
    }

    /** Reads or checks this node; @throws BadInputException naming the file and path when it does not fit. */
    public Map<String, At> fields() {
        requireObject();
        Map<String, At> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            var e = it.next();
            out.put(e.getKey(), new At(file, path + "[\"" + e.getKey() + "\"]", e.getValue()));
        }
        return out;
    }

    /** Reads or checks this node; @throws BadInputException naming the file and path when it does not fit. */
    public String text() {
        if (!json.isTextual()) {
            throw bad("expected a string, found " + JmhParser.kind(json));
        }
        return json.textValue();
    }

    /** A param value: JMH writes strings, hand-made files may hold numbers; @throws BadInputException naming the file and path when it does not fit. */
    public String scalar() {
        if (json.isValueNode() && !json.isNull()) {
            return json.asText();
        }
        throw bad("expected a string, found " + JmhParser.kind(json));
    }

    /** Reads or checks this node; @throws BadInputException naming the file and path when it does not fit. */
    public int integer() {
        if (!json.isIntegralNumber() || !json.canConvertToInt()) {
            throw bad("expected an integer, found " + JmhParser.kind(json));
        }
        return json.intValue();
    }

    /** Reads or checks this node; @throws BadInputException naming the file and path when it does not fit. */
    public double number() {
        if (json.isNumber()) {
            return json.doubleValue();
        }
        if (json.isTextual()) {
            return switch (json.textValue()) {
                case "NaN" -> Double.NaN;
                case "+INF", "INF", "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
                case "-INF", "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw bad("expected a number, found \"" + json.textValue() + "\"");
            };
        }
        throw bad("expected a number, found " + JmhParser.kind(json));
    }

    /** Reads or checks this node; @throws BadInputException naming the file and path when it does not fit. */
    public long longInteger() {
        if (!json.isIntegralNumber() || !json.canConvertToLong()) {
            throw bad("expected an integer, found " + JmhParser.kind(json));
        }
        return json.longValue();
    }

    /** Reads or checks this node; @throws BadInputException naming the file and path when it does not fit. */
    public boolean bool() {
        if (!json.isBoolean()) {
            throw bad("expected true or false, found " + JmhParser.kind(json));
        }
        return json.booleanValue();
    }
}
