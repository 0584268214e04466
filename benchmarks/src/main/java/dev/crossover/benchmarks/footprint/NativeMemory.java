package dev.crossover.benchmarks.footprint;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * This JVM's native memory summary ({@code jcmd PID VM.native_memory summary}), asked through the
 * {@code DiagnosticCommand} MBean: committed bytes per category and in total. It answers only in a
 * JVM started with {@code -XX:NativeMemoryTracking=summary}; otherwise it is empty.
 */
final class NativeMemory {
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern CATEGORY = Pattern.compile("(?m)^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB");

    private NativeMemory() {
    }

    /** {@return committed bytes by category, {@code Total} first; empty when tracking is off or cannot be asked} */
    static Map<String, Long> summary() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            return parse(String.valueOf(text));
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** {@return committed bytes by category of a summary's text, names without spaces ({@code JavaHeap}), {@code Total} first} */
    static Map<String, Long> parse(String summary) {
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher total = TOTAL.matcher(summary);
        if (!total.find()) {
            return out;
        }
        out.put("Total", Long.parseLong(total.group(2)) * 1024);
        Matcher m = CATEGORY.matcher(summary);
        while (m.find()) {
            out.put(m.group(1).replaceAll("[^A-Za-z0-9]", ""), Long.parseLong(m.group(3)) * 1024);
        }
        return out;
    }
}
