package dev.crossover.reports.html;

/** The report's colours that tests outside this package check the rendered HTML against. */
public final class Colours {
    /** The background of a shared (equivalent) winner-map cell: {@link CrossoverSection#SHARED}. */
    public static final String SHARED = CrossoverSection.SHARED;

    private Colours() {
    }
}
