package dev.crossover.reports.crossover;

/**
 * One of the seeds' claims, with the verdict the data gives and the evidence behind it.
 *
 * @param claim      the claim as the seed makes it
 * @param experiment the experiment that tests it
 * @param verdict    what the data says
 * @param evidence   the numbers behind the verdict, or why it could not be decided
 */
public record Claim(String claim, String experiment, Verdict verdict, String evidence) {
    /** What the data says of a claim. */
    public enum Verdict {
        HOLDS("holds"),
        DOES_NOT_HOLD("does not hold"),
        /** The models compared are within the margin of each other: neither side is better. */
        EQUIVALENT("equivalent"),
        INCONCLUSIVE("inconclusive"),
        NOT_MEASURED("not measured in this run");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        /** {@return the verdict in words} */
        public String words() {
            return words;
        }
    }
}
