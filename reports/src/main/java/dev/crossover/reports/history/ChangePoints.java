package dev.crossover.reports.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Finds the points where a series of measurements changes level: E-Divisive means (Matteson and
 * James, 2014) with a Student's t-test instead of a permutation test, so the result is
 * deterministic, split then merged as Hunter and Apache Otava do (Fleming et al., "Hunter: Using
 * Change Point Detection to Hunt for Performance Regressions", ICPE 2023).
 *
 * <h2>Split</h2>
 * Overlapping windows of {@link #window} values (each step half a window) are divided in turn:
 * within a window, among the intervals its change points so far make, the candidate is the split
 * {@code τ} that, with some end {@code κ}, maximises the energy divergence
 * <pre>Q(X, Y) = 2/(n+m) ΣΣ|Xi − Yj| − 2m/((n+m)(n−1)) Σi&lt;k |Xi − Xk| − 2n/((n+m)(m−1)) Σj&lt;k |Yj − Yk|</pre>
 * of {@code X = x[start, τ)} and {@code Y = x[τ, κ)} (a sum within one value is 0). The candidate
 * is kept when a two-sided Student's t-test between the values on either side of it, up to the
 * neighbouring change points, gives {@code p <=} ten times {@link #maxPValue}; the first candidate
 * that fails ends the window. The change points of every window are pooled.
 *
 * <h2>Merge</h2>
 * With the t-test recomputed between neighbours, the weakest change point is dropped, and its
 * neighbours' tests recomputed, until every one has {@code p < maxPValue} and a relative change of
 * more than {@link #minMagnitude} ({@code max(|after/before - 1|, |before/after - 1|)}).
 *
 * @param window       values per split window, at least 2 (50 as Otava's default)
 * @param maxPValue    the t-test's significance level (0.001 as Otava's default)
 * @param minMagnitude the smallest relative change a change point may have (0.05 for 5%)
 */
public record ChangePoints(int window, double maxPValue, double minMagnitude) {
    /** Otava's defaults with a 5% magnitude: windows of 50, p &lt; 0.001, more than 5%. */
    public static final ChangePoints DEFAULT = new ChangePoints(50, 0.001, 0.05);

    /** @throws IllegalArgumentException if a setting is out of its range */
    public ChangePoints {
        if (window < 2) {
            throw new IllegalArgumentException("window: " + window + " (expected: >= 2)");
        }
        if (!(maxPValue > 0 && maxPValue < 1)) {
            throw new IllegalArgumentException("maxPValue: " + maxPValue + " (expected: 0 < p < 1)");
        }
        if (!(minMagnitude >= 0) || Double.isInfinite(minMagnitude)) {
            throw new IllegalArgumentException("minMagnitude: " + minMagnitude + " (expected: a finite fraction >= 0)");
        }
    }

    /**
     * A change point: the series changes level from index {@code index} on.
     *
     * @param index      the first index of the new level
     * @param meanBefore the mean from the previous change point (or the start) up to {@code index}
     * @param meanAfter  the mean from {@code index} up to the next change point (or the end)
     * @param sdBefore   the sample standard deviation before, 0 with one value
     * @param sdAfter    the sample standard deviation after, 0 with one value
     * @param pValue     the two-sided t-test's p-value between the two sides
     */
    public record Change(int index, double meanBefore, double meanAfter, double sdBefore, double sdAfter, double pValue) {
        /** {@return the relative change from before to after, {@code after/before - 1}; 0 when before is 0} */
        public double relative() {
            return meanBefore == 0 ? 0 : meanAfter / meanBefore - 1;
        }

        /** {@return the larger of the relative change forward and backward, as Otava judges magnitude} */
        public double magnitude() {
            double forward = meanBefore == 0 ? 0 : meanAfter / meanBefore - 1;
            double backward = meanAfter == 0 ? 0 : meanBefore / meanAfter - 1;
            return Math.max(Math.abs(forward), Math.abs(backward));
        }
    }

    /** {@return the change points of {@code x}, by index} @throws IllegalArgumentException if a value is not finite */
    public List<Change> of(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "]: " + x[i] + " (expected: a finite number)");
            }
        }
        double firstPass = maxPValue < 0.05 ? maxPValue * 10 : maxPValue < 0.5 ? maxPValue * 2 : maxPValue;
        return merge(split(x, firstPass), x);
    }

    /** The split step: change points of each sliding window at the relaxed level, pooled. */
    private List<Integer> split(double[] x, double pValue) {
        List<Integer> found = new ArrayList<>();
        int step = Math.max(1, window / 2);
        int start = 0;
        while (start < x.length) {
            int end = Math.min(start + window, x.length);
            List<Integer> inWindow = divide(x, start, end, pValue);
            int last = inWindow.isEmpty() ? 0 : inWindow.getLast();
            start = Math.max(last, start + step);
            inWindow.stream().filter(i -> !found.contains(i)).forEach(found::add);
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    /** E-Divisive within {@code x[start, end)}: the best split while its t-test passes; {@return the splits, sorted} */
    private static List<Integer> divide(double[] x, int start, int end, double pValue) {
        List<Integer> points = new ArrayList<>();
        while (true) {
            int[] bounds = bounds(points, start, end);
            int best = -1;
            double bestQ = Double.NEGATIVE_INFINITY;
            int from = -1;
            int to = -1;
            for (int b = 0; b + 1 < bounds.length; b++) {
                if (bounds[b + 1] - bounds[b] < 2) {
                    continue;
                }
                double[] candidate = candidate(x, bounds[b], bounds[b + 1]);
                if (candidate[1] > bestQ) {
                    bestQ = candidate[1];
                    best = (int) candidate[0];
                    from = bounds[b];
                    to = bounds[b + 1];
                }
            }
            if (best < 0 || test(x, from, best, to).pValue() > pValue) {
                return points;
            }
            points.add(best);
            points.sort(Comparator.naturalOrder());
        }
    }

    /** {@return {start, the points..., end}} */
    private static int[] bounds(List<Integer> points, int start, int end) {
        int[] b = new int[points.size() + 2];
        b[0] = start;
        for (int i = 0; i < points.size(); i++) {
            b[i + 1] = points.get(i);
        }
        b[b.length - 1] = end;
        return b;
    }

    /**
     * {@return {τ, Q}}: the split of {@code x[start, end)} that maximises {@code Q(x[start, τ), x[τ, κ))}
     * over {@code start < τ < κ <= end}; the first such τ on ties
     */
    static double[] candidate(double[] x, int start, int end) {
        double bestQ = Double.NEGATIVE_INFINITY;
        int bestTau = start + 1;
        for (int tau = start + 1; tau < end; tau++) {
            int n = tau - start;
            double withinX = 0;
            for (int i = start; i < tau; i++) {
                for (int k = i + 1; k < tau; k++) {
                    withinX += Math.abs(x[i] - x[k]);
                }
            }
            double cross = 0;
            double withinY = 0;
            for (int kappa = tau + 1; kappa <= end; kappa++) {
                double y = x[kappa - 1];  // Y grows by one value: x[kappa - 1]
                for (int i = start; i < tau; i++) {
                    cross += Math.abs(x[i] - y);
                }
                for (int j = tau; j < kappa - 1; j++) {
                    withinY += Math.abs(x[j] - y);
                }
                int m = kappa - tau;
                double q = 2.0 / (n + m) * cross
                        - (n > 1 ? 2.0 * m / ((n + m) * (double) (n - 1)) * withinX : 0)
                        - (m > 1 ? 2.0 * n / ((n + m) * (double) (m - 1)) * withinY : 0);
                if (q > bestQ) {
                    bestQ = q;
                    bestTau = tau;
                }
            }
        }
        return new double[] {bestTau, bestQ};
    }

    /** The merge step: drop the weakest change point until all are significant and large enough. */
    private List<Change> merge(List<Integer> indices, double[] x) {
        List<Integer> points = new ArrayList<>(indices);
        while (!points.isEmpty()) {
            List<Change> changes = changes(points, x);
            Change weakest = changes.stream().max(Comparator.comparingDouble(Change::pValue)).orElseThrow();
            if (weakest.pValue() < maxPValue) {
                weakest = changes.stream().min(Comparator.comparingDouble(Change::magnitude)).orElseThrow();
                if (weakest.magnitude() > minMagnitude) {
                    return changes;
                }
            }
            points.remove(Integer.valueOf(weakest.index()));
        }
        return List.of();
    }

    /** {@return each point tested against its neighbours} */
    private static List<Change> changes(List<Integer> points, double[] x) {
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            int from = i == 0 ? 0 : points.get(i - 1);
            int to = i == points.size() - 1 ? x.length : points.get(i + 1);
            out.add(test(x, from, points.get(i), to));
        }
        return out;
    }

    /** {@return the two-sided Student's t-test (pooled variance) of {@code x[from, at)} against {@code x[at, to)}} */
    static Change test(double[] x, int from, int at, int to) {
        int n1 = at - from;
        int n2 = to - at;
        double m1 = mean(x, from, at);
        double m2 = mean(x, at, to);
        double ss1 = squares(x, from, at, m1);
        double ss2 = squares(x, at, to, m2);
        double sd1 = n1 > 1 ? Math.sqrt(ss1 / (n1 - 1)) : 0;
        double sd2 = n2 > 1 ? Math.sqrt(ss2 / (n2 - 1)) : 0;
        double p;
        if (n1 + n2 <= 2) {
            p = 1;
        } else {
            int df = n1 + n2 - 2;
            double pooled = (ss1 + ss2) / df;
            if (pooled == 0) {
                p = m1 == m2 ? 1 : 0;
            } else {
                double t = (m1 - m2) / Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
                p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
            }
        }
        return new Change(at, m1, m2, sd1, sd2, p);
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }

    private static double squares(double[] x, int from, int to, double mean) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (x[i] - mean) * (x[i] - mean);
        }
        return sum;
    }
}
