package dev.crossover.benchmarks.cli;

import dev.crossover.core.Checks;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations as the command line writes them: {@code 50ms}, {@code 200us}, {@code 2s}, {@code 0}. */
public final class Durations implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m)?");

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /**
     * {@return the duration {@code text} names}
     * @throws CommandLine.TypeConversionException if it is not a number with a unit (0 may go without)
     */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches() || (m.group(2) == null && Double.parseDouble(m.group(1)) != 0)) {
            throw new CommandLine.TypeConversionException(
                    text + " (expected: a duration such as 50ms, 200us, 2s)");
        }
        double value = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2) == null ? "ns" : m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
        return Duration.ofNanos(Math.round(value * nanosPerUnit));
    }

    /** {@return {@code duration} in the largest unit that writes it as a whole number, e.g. {@code 200us}} */
    public static String format(Duration duration) {
        return Checks.duration(duration.toNanos());
    }
}
