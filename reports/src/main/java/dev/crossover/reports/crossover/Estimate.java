package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.Metric;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A point's estimate from its independent forks: the mean of the fork means, and Student's t
 * interval over them at 95% confidence (t with n − 1 degrees of freedom: 4.30 for 3 forks, 2.78
 * for 5). Each fork is one JVM, so the interval holds what varies between JVMs (JIT, thread
 * placement) and over the run's time, which the iterations inside one fork do not.
 *
 * @param forkMeans one value per fork, in file order
 * @param mean      their mean (NaN when there are none)
 * @param low       the interval's lower bound (NaN with fewer than 2 forks)
 * @param high      the interval's upper bound (NaN with fewer than 2 forks)
 */
public record Estimate(List<Double> forkMeans, double mean, double low, double high) {
    /** The confidence of {@link #low} and {@link #high}. */
    public static final double CONFIDENCE = 0.95;

    public Estimate {
        forkMeans = List.copyOf(forkMeans);
    }

    /** {@return the estimate of {@code values}, one per fork} */
    public static Estimate of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new Estimate(values, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (n < 2) {
            return new Estimate(values, mean, Double.NaN, Double.NaN);
        }
        double half = t(CONFIDENCE, n - 1) * Math.sqrt(variance(values) / n);
        return new Estimate(values, mean, mean - half, mean + half);
    }

    /**
     * {@return the estimate of a JMH metric's forks}: the mean of each fork's iterations, from its
     * {@code rawData} (every fork has the same iterations); no forks when they are unknown or uneven
     */
    public static Estimate of(Metric metric) {
        return of(forkMeans(metric));
    }

    /** {@return the mean of each fork's iterations of {@code metric}}, empty when its forks are not known */
    public static List<Double> forkMeans(Metric metric) {
        int forks = metric.forks();
        List<Double> raw = metric.raw();
        if (forks < 1 || raw.isEmpty() || raw.size() % forks != 0) {
            return List.of();
        }
        int per = raw.size() / forks;
        List<Double> means = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double sum = 0;
            for (int i = 0; i < per; i++) {
                sum += raw.get(f * per + i);
            }
            means.add(sum / per);
        }
        return means;
    }

    /** {@return the number of forks} */
    public int forks() {
        return forkMeans.size();
    }

    /** {@return true if the interval is known (at least 2 forks, finite values)} */
    public boolean hasInterval() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** {@return the interval's half-width relative to the mean}, NaN when unknown */
    public double relativeHalfWidth() {
        return hasInterval() && mean != 0 ? (high - low) / 2 / Math.abs(mean) : Double.NaN;
    }

    /** {@return the two-sided Student's t quantile for {@code confidence} with {@code df} degrees of freedom} */
    static double t(double confidence, double df) {
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    static double variance(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (values.size() - 1);
    }
}
