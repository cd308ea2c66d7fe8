package io.rectify.platform.api;

import io.rectify.platform.problem.ProblemException;

/**
 * Optimistic concurrency on the entity version: the client's {@code If-Match} value, handed to the
 * service as a plain string, against the version the service has just read. The ETag that carries the
 * version out is the REST layer's ({@code platform.rest.Versions.etag}).
 */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * Refuses with 412 when {@code If-Match} names another version. No header means the client
     * accepts last-writer-wins at the HTTP level (the row version still guards the commit).
     */
    public static void check(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.replace("\"", "").equals(Long.toString(current))) {
                return;
            }
        }
        throw ProblemException.staleVersion(current);
    }
}
