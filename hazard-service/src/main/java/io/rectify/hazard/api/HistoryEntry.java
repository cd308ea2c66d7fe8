package io.rectify.hazard.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.contracts.EventJson;
import io.rectify.hazard.domain.HazardHistory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One line of the audit trail: who, in which role, when, from which status to which, with what. */
@Schema(name = "HistoryEntry")
public record HistoryEntry(long sequence, Instant at, String who, String role, String action, String fromStatus,
                           String toStatus, long version,
                           @Schema(description = "what the change carried (the request, or the due date for OVERDUE)") JsonNode payload,
                           @Schema(description = "position in the hazard's hash chain (1, 2, …): what brokenAt of the verification names") long seq,
                           @Schema(description = "the previous entry's hash (null for the first)") String prevHash,
                           @Schema(description = "SHA-256 (hex) of this entry's RFC 8785 canonical JSON and prevHash") String hash) {

    public static HistoryEntry of(HazardHistory h) {
        JsonNode payload;
        try {
            payload = EventJson.mapper().readTree(h.payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("history row " + h.id + " holds invalid JSON", e);
        }
        return new HistoryEntry(h.id, h.at, h.who, h.role, h.action, h.fromStatus, h.toStatus, h.hazardVersion, payload,
                h.seq, h.prevHash, h.hash);
    }
}
