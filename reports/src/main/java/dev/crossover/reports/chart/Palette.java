package dev.crossover.reports.chart;

import dev.crossover.reports.jmh.PythonRuns;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per model, the same in every chart and in the winner map: the Okabe-Ito palette,
 * which stays distinct under the common colour-vision deficiencies, plus grey.
 *
 * <p>Crossover's models have fixed colours; any other model takes the next unused colour in the
 * order it is first seen, cycling after nine (then told apart by line dashes). A Python model
 * ({@link PythonRuns}) takes the colour of the JVM model it stands beside, dashed.
 */
public final class Palette {
    /** Okabe-Ito, then grey: vermillion, orange, reddish purple, blue, sky blue, black, bluish green, grey, yellow. */
    static final List<Color> COLOURS = List.of(new Color(0xD55E00), new Color(0xE69F00), new Color(0xCC79A7),
            new Color(0x0072B2), new Color(0x56B4E9), new Color(0x000000), new Color(0x009E73),
            new Color(0x999999), new Color(0xF0E442));
    private static final List<String> KNOWN = List.of("eventloop", "eventloop-offload", "netty", "threads-fixed",
            "threads-per-task", "threads-forkjoin", "threads-virtual", "processes", "processes-eventloop");

    private final Map<String, Integer> index = new LinkedHashMap<>();

    /** Creates a palette that gives {@code models} their colours, known ids first. */
    public Palette(List<String> models) {
        for (int i = 0; i < KNOWN.size(); i++) {
            index.put(KNOWN.get(i), i);
        }
        int next = KNOWN.size();
        for (String m : models) {
            if (!index.containsKey(m)) {
                index.put(m, next++);
            }
        }
    }

    /** {@return the model's colour} */
    public Color colour(String model) {
        return COLOURS.get(slot(PythonRuns.counterpart(model)) % COLOURS.size());
    }

    /** {@return how many times the colours have cycled before this model (0 for the first nine)} */
    public int cycle(String model) {
        return PythonRuns.isPython(model) ? 1 + slot(PythonRuns.counterpart(model)) / COLOURS.size()  // dashed, as the JVM model's colour
                : slot(model) / COLOURS.size();
    }

    /** {@return the model's colour as {@code #rrggbb}} */
    public String hex(String model) {
        Color c = colour(model);
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** {@return the model's colour mixed 70% with white, as {@code #rrggbb}: a background black text reads on} */
    public String tint(String model) {
        Color c = colour(model);
        return String.format("#%02x%02x%02x", mix(c.getRed()), mix(c.getGreen()), mix(c.getBlue()));
    }

    private static int mix(int channel) {
        return (int) Math.round(channel * 0.3 + 255 * 0.7);
    }

    /** {@return black or white, whichever reads better on the model's colour} */
    public String textOn(String model) {
        Color c = colour(model);
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance > 120 ? "#000000" : "#ffffff";
    }

    /** {@return the model's place in the palette's order: Crossover's models first, then others as first seen} */
    public int order(String model) {
        return slot(model);
    }

    private int slot(String model) {
        return index.computeIfAbsent(model, m -> index.size());
    }
}
