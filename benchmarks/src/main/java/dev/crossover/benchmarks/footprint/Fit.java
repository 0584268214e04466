package dev.crossover.benchmarks.footprint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A least-squares line {@code y = intercept + slope · x} through measured points, with its fit
 * quality: the per-task cost is the slope over N, never a division at one N (which would charge
 * the JVM's own start-up to the tasks).
 *
 * @param slope     the change in y per unit of x (bytes or nanoseconds per task)
 * @param intercept y at x = 0 (what the process costs without tasks)
 * @param r2        the coefficient of determination, 1 for points exactly on the line; NaN when
 *                  every y is the same (nothing to explain)
 * @param points    how many points the line rests on (2 or more)
 */
public record Fit(double slope, double intercept, double r2, int points) {
    public Fit {
        if (points < 2) {
            throw new IllegalArgumentException("points: " + points + " (expected: >= 2)");
        }
    }

    /** One measured point. */
    public record XY(double x, double y) {
    }

    /**
     * {@return the least-squares line through {@code xy}}; empty with fewer than two points or
     * when every x is the same (no slope can be told)
     */
    public static Optional<Fit> of(List<XY> xy) {
        Objects.requireNonNull(xy, "xy");
        int n = xy.size();
        if (n < 2) {
            return Optional.empty();
        }
        double mx = xy.stream().mapToDouble(XY::x).average().orElseThrow();
        double my = xy.stream().mapToDouble(XY::y).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (XY p : xy) {
            sxx += (p.x() - mx) * (p.x() - mx);
            sxy += (p.x() - mx) * (p.y() - my);
            syy += (p.y() - my) * (p.y() - my);
        }
        if (sxx == 0) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double residual = 0;
        for (XY p : xy) {
            double e = p.y() - (intercept + slope * p.x());
            residual += e * e;
        }
        double r2 = syy == 0 ? Double.NaN : 1 - residual / syy;
        return Optional.of(new Fit(slope, intercept, r2, n));
    }
}
