package dev.crossover.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.core.Checks;

/**
 * The delay server's own figures over one interval (from its start, or from the last
 * {@code GET /stats?reset=1}): what it answered and how late its answers were written, so a
 * report can tell whether the server, not the model under test, capped a point. The JSON
 * {@code GET /stats} answers is this record's fields, by name.
 *
 * @param answered          {@code /delay} requests answered in the interval
 * @param elapsedSeconds    the interval's length so far, in seconds
 * @param latenessP50Micros the median lateness in microseconds: the time the response was written minus
 *                          (the time the request arrived + the delay it asked for); 0 when nothing was answered
 * @param latenessP99Micros its 99th percentile
 * @param latenessMaxMicros its highest
 */
public record ServerStats(long answered, double elapsedSeconds, double latenessP50Micros, double latenessP99Micros,
                          double latenessMaxMicros) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public ServerStats {
        Checks.notNegative("answered", answered);
        if (!(elapsedSeconds >= 0) || !(latenessP50Micros >= 0) || !(latenessP99Micros >= latenessP50Micros)
                || !(latenessMaxMicros >= latenessP99Micros)) {
            throw new IllegalArgumentException("stats: elapsed " + elapsedSeconds + " s, lateness p50 " + latenessP50Micros
                    + " p99 " + latenessP99Micros + " max " + latenessMaxMicros
                    + " \u00b5s (expected: elapsed >= 0, 0 <= p50 <= p99 <= max)");
        }
    }

    /** {@return answers per second over the interval}, 0 when it has no length yet */
    public double requestsPerSecond() {
        return elapsedSeconds > 0 ? answered / elapsedSeconds : 0;
    }

    /**
     * {@return these figures and a later interval's {@code other} (another fork's server) together}: the
     * answers and the seconds added, the lateness percentiles the worse of the two (percentiles do not add)
     */
    public ServerStats merge(ServerStats other) {
        return new ServerStats(answered + other.answered, elapsedSeconds + other.elapsedSeconds,
                Math.max(latenessP50Micros, other.latenessP50Micros), Math.max(latenessP99Micros, other.latenessP99Micros),
                Math.max(latenessMaxMicros, other.latenessMaxMicros));
    }

    /** {@return the JSON object {@code GET /stats} answers} (one line) */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return the figures in {@code json}} @throws IllegalArgumentException if it is not a stats object */
    public static ServerStats parse(String json) {
        try {
            ServerStats s = JSON.readValue(json, ServerStats.class);
            if (s == null) {
                throw new IllegalArgumentException("stats: null (expected: a JSON object)");
            }
            return s;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stats: " + json.strip() + " (expected: the JSON object of GET /stats): "
                    + e.getOriginalMessage(), e);
        }
    }
}
