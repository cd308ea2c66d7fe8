package io.rectify.platform.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** An evidence file as served by {@code POST /api/v1/evidence} and {@code GET /api/v1/evidence/{id}/meta}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceMeta(UUID id, String sha256, long size, String mediaType, String fileName, String uploadedBy,
                           Instant uploadedAt, Instant capturedAt, Location location) {

    /** Where the photo was taken (WGS 84 degrees, from its GPS tags). */
    public record Location(double latitude, double longitude) {
    }

    public static EvidenceMeta of(EvidenceFile f) {
        Location where = f.latitude == null || f.longitude == null ? null : new Location(f.latitude, f.longitude);
        return new EvidenceMeta(f.id, f.sha256, f.size, f.mediaType, f.fileName, f.uploadedBy, f.uploadedAt, f.capturedAt, where);
    }
}
