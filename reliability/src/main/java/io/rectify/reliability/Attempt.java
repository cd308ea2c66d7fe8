package io.rectify.reliability;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to one hazard report the load generator sent: the answer's status (or why there was
 * none) and, for a 201, the hazard id. {@code phase} is the scenario's phase when the answer came back,
 * which decides whether a 503 or a refused connection was expected; {@code sentPhase} the phase when it
 * was sent (a request sent while hazard-service itself was down or restarting may get no answer at all).
 *
 * @param marker the text the report's description carries, so the hazard is found in the database and
 *               on the topic without trusting the service's answer
 */
public record Attempt(long seq, String marker, String idempotencyKey, String body, Instant sentAt, Instant answeredAt,
                      Kind kind, int status, UUID hazardId, String retryAfter, String contentType, String detail,
                      String phase, String sentPhase, boolean retry) {

    public enum Kind {
        /** 201 with a hazard id */
        CREATED,
        /** any other HTTP status */
        STATUS,
        /** no answer within the client timeout: a hang */
        TIMEOUT,
        /** connection refused or reset: the process was not there */
        CONNECTION
    }

    public long millis() {
        return answeredAt.toEpochMilli() - sentAt.toEpochMilli();
    }

    /** A 503 the way the platform promises it during an outage: problem+json with a Retry-After. */
    public boolean isProperUnavailable() {
        return kind == Kind.STATUS && status == 503 && retryAfter != null && !retryAfter.isBlank()
                && contentType != null && contentType.startsWith("application/problem+json");
    }

    public String describe() {
        return switch (kind) {
            case CREATED -> "201 " + hazardId;
            case STATUS -> status + (retryAfter != null ? " Retry-After=" + retryAfter : "") + " " + contentType + " " + detail;
            case TIMEOUT -> "no answer in time (" + millis() + " ms)";
            case CONNECTION -> "connection failed: " + detail;
        } + " [sent in " + sentPhase + ", answered in " + phase + (retry ? ", retry" : "") + ", #" + seq + "]";
    }
}
