package dev.crossover.reports.html;

import java.util.Locale;

/** Formats numbers for people: three significant digits, thousands separated, no exponent below 1e15. */
public final class Format {
    private Format() {
    }

    /** {@return x with about three significant digits, such as {@code 12,300}, {@code 4.56}, {@code 0.0123}} */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "+\u221e" : "\u2212\u221e";
        }
        double a = Math.abs(x);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e15 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3g", x);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** {@return x as a percentage with no decimals, or an empty string when NaN} */
    public static String percent(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.0f%%", x * 100);
    }

    /** {@return a byte count in GiB, or the text as it is when it is not a number} */
    public static String bytes(String text) {
        try {
            return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(text.strip()) / (double) (1L << 30));
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
