package io.rectify.platform.rest;

import io.rectify.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** ETag / If-Match on the entity version: optimistic concurrency over HTTP. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Refuses with 412 when {@code If-Match} names another version. No header means the client
     * accepts last-writer-wins at the HTTP level (the row version still guards the commit).
     */
    public static void checkIfMatch(String ifMatch, long current) {
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
