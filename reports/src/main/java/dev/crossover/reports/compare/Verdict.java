package dev.crossover.reports.compare;

/** What became of one benchmark point between the baseline and the current run, worst first. */
public enum Verdict {
    /** Worse by more than the threshold, and the difference is beyond noise. */
    REGRESSED,
    /** In the baseline only. */
    MISSING,
    /** Both runs have it, but they computed different kernel units per task: different work, not judged. */
    UNITS_DIFFER,
    /**
     * Both runs have it, but it is one measurement a side whose run-to-run noise is unknown and large
     * (a footprint's Pss or spawn time): shown, not judged, so it never fails a check.
     */
    NO_INTERVAL,
    /** Within the threshold or within noise. */
    UNCHANGED,
    /** Better by more than the threshold, and the difference is beyond noise. */
    IMPROVED,
    /** In the current run only. */
    NEW;

    /** {@return the verdict's name in lower case, as the summary and JSON write it: {@code regressed}, {@code units-differ}} */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
