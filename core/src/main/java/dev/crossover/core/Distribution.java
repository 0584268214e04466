package dev.crossover.core;

import java.util.Locale;
import java.util.Objects;

/**
 * How a task's wait or CPU work varies around its nominal value, drawn per task from the task's
 * token, so every model waits and computes exactly the same amounts.
 *
 * <h2>The draws (the formulas another language reproduces)</h2>
 * Each draw starts from {@code h = mix64(token ^ salt)} (SplitMix64's finaliser, {@code salt}
 * one constant for waits and another for CPU work) and the nominal value {@code v}:
 * <ul>
 * <li>{@code fixed}: {@code v}.
 * <li>{@code uniform:P%}: integers only: with {@code d = v * bp / 10000} ({@code bp} = P in basis
 *     points, integer division), {@code v - d + Long.remainderUnsigned(h, 2d + 1)}.
 * <li>{@code spike:P%:D}: integers only: {@code D} (in the value's unit) when
 *     {@code Long.remainderUnsigned(h, 10000) < bp}, else {@code v}.
 * <li>{@code exp}: {@code floor(v * -log1p(-u))} with {@code u = (h >>> 11) * 2^-53}; mean {@code v}.
 * <li>{@code lognormal:S}: {@code floor(v * exp(S * z - S^2 / 2))} with {@code z} the Box–Muller
 *     normal {@code sqrt(-2 log1p(-u)) * cos(2 pi u2)}, {@code u2} from {@code mix64(h)}; mean {@code v}.
 * </ul>
 * {@code exp} and {@code lognormal} use {@link StrictMath} (fdlibm), whose results are specified
 * bit for bit; another language reproduces them with the same fdlibm functions.
 *
 * @param kind          the shape
 * @param basisPoints   P for {@code uniform} and {@code spike}, in hundredths of a percent
 * @param sigma         S for {@code lognormal}
 * @param spikeNanos    D for {@code spike}, as a duration
 */
public record Distribution(Kind kind, int basisPoints, double sigma, long spikeNanos) {
    /** No variation: every task gets the nominal value. */
    public static final Distribution FIXED = new Distribution(Kind.FIXED, 0, 0, 0);

    /** The shapes, by the names the command line uses. */
    public enum Kind { FIXED, UNIFORM, EXP, LOGNORMAL, SPIKE }

    public Distribution {
        Objects.requireNonNull(kind, "kind");
        Checks.argument(basisPoints >= 0 && basisPoints <= 10_000, "distribution", basisPoints / 100.0 + "%", "between 0% and 100%");
        Checks.argument(sigma >= 0 && Double.isFinite(sigma), "distribution", "sigma " + sigma, ">= 0");
        Checks.notNegative("spike", spikeNanos);
    }

    /**
     * {@return the distribution {@code text} names}: {@code fixed}, {@code uniform:20%}, {@code exp},
     * {@code lognormal:0.5}, {@code spike:1%:50ms}
     * @throws IllegalArgumentException naming the text if it is none of those
     */
    public static Distribution parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
        String rule = "fixed, uniform:P%, exp, lognormal:SIGMA or spike:P%:DURATION";
        try {
            return switch (parts[0]) {
                case "fixed" -> parts.length == 1 ? FIXED : fail(text, rule);
                case "exp" -> parts.length == 1 ? new Distribution(Kind.EXP, 0, 0, 0) : fail(text, rule);
                case "uniform" -> parts.length == 2 ? new Distribution(Kind.UNIFORM, percent(parts[1]), 0, 0) : fail(text, rule);
                case "lognormal" -> parts.length == 2
                        ? new Distribution(Kind.LOGNORMAL, 0, Double.parseDouble(parts[1]), 0) : fail(text, rule);
                case "spike" -> parts.length == 3
                        ? new Distribution(Kind.SPIKE, percent(parts[1]), 0, nanos(parts[2])) : fail(text, rule);
                default -> fail(text, rule);
            };
        } catch (NumberFormatException e) {
            return fail(text, rule);
        }
    }

    private static Distribution fail(String text, String rule) {
        throw new IllegalArgumentException("distribution: " + text + " (expected: " + rule + ")");
    }

    private static int percent(String text) {
        if (!text.endsWith("%")) {
            throw new NumberFormatException(text);
        }
        return (int) Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 100);
    }

    private static long nanos(String text) {
        String t = text.trim();
        long scale;
        String number;
        if (t.endsWith("ns")) { scale = 1; number = t.substring(0, t.length() - 2); }
        else if (t.endsWith("us")) { scale = 1_000; number = t.substring(0, t.length() - 2); }
        else if (t.endsWith("ms")) { scale = 1_000_000; number = t.substring(0, t.length() - 2); }
        else if (t.endsWith("s")) { scale = 1_000_000_000; number = t.substring(0, t.length() - 1); }
        else { throw new NumberFormatException(t); }
        return Math.round(Double.parseDouble(number) * scale);
    }

    /**
     * {@return the value for the task with {@code token}}
     *
     * @param nominal     the nominal value, in its own unit (nanoseconds, kernel units)
     * @param nominalNanos what {@code nominal} lasts, to turn a spike's duration into the value's unit
     * @param salt        one constant per quantity, so a task's wait and work vary independently
     */
    public long draw(long nominal, long nominalNanos, long token, long salt) {
        if (kind == Kind.FIXED || nominal == 0 && kind != Kind.SPIKE) {
            return nominal;
        }
        long h = Mix.mix64(token ^ salt);
        return switch (kind) {
            case FIXED -> nominal;
            case UNIFORM -> {
                long d = nominal * basisPoints / 10_000;
                yield nominal - d + Long.remainderUnsigned(h, 2 * d + 1);
            }
            case SPIKE -> Long.remainderUnsigned(h, 10_000) < basisPoints ? spikeValue(nominal, nominalNanos) : nominal;
            case EXP -> (long) (nominal * -StrictMath.log1p(-Mix.unit(h)));
            case LOGNORMAL -> {
                double u1 = Mix.unit(h);
                double u2 = Mix.unit(Mix.mix64(h));
                double z = StrictMath.sqrt(-2 * StrictMath.log1p(-u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
                yield (long) (nominal * StrictMath.exp(sigma * z - sigma * sigma / 2));
            }
        };
    }

    /** {@return the mean of the draws for {@code nominal}}: the nominal itself except for spikes */
    public double mean(long nominal, long nominalNanos) {
        return kind == Kind.SPIKE
                ? nominal * (1 - basisPoints / 10_000.0) + spikeValue(nominal, nominalNanos) * (basisPoints / 10_000.0)
                : nominal;
    }

    private long spikeValue(long nominal, long nominalNanos) {
        if (nominalNanos <= 0 || nominal == nominalNanos) {
            return spikeNanos;  // the value is a duration itself (a wait), or has no duration to scale by
        }
        return Math.round((double) nominal * spikeNanos / nominalNanos);
    }

    /** {@return how the command line writes it} */
    @Override
    public String toString() {
        return switch (kind) {
            case FIXED -> "fixed";
            case EXP -> "exp";
            case UNIFORM -> "uniform:" + basisPoints / 100.0 + "%";
            case LOGNORMAL -> "lognormal:" + sigma;
            case SPIKE -> "spike:" + basisPoints / 100.0 + "%:" + Checks.duration(spikeNanos);
        };
    }
}
