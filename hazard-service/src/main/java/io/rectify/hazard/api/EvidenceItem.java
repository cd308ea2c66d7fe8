package io.rectify.hazard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * One piece of evidence. Sent as {@code {kind, evidenceId}} — a file uploaded with
 * {@code POST /api/v1/evidence} — or, for ADMIN and AGENCY_SYSTEM backfills only, {@code {kind, uri, sha256}}
 * naming a file elsewhere (served with {@code verified: false}). Served with what the server knows of it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceItem(
        @NotNull EvidenceKind kind,
        @Schema(description = "an uploaded evidence file (POST /api/v1/evidence)") UUID evidenceId,
        @Size(max = 2000) @Schema(description = "outside URI (ADMIN/AGENCY_SYSTEM backfills); served: the download path") String uri,
        @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be 64 lowercase hex characters") String sha256,
        @Schema(readOnly = true) String mediaType,
        @Schema(readOnly = true) Long size,
        @Schema(readOnly = true, description = "EXIF capture time of a photo") Instant capturedAt,
        @Schema(readOnly = true, description = "false for an outside URI: Rectify does not hold the file") Boolean verified) {

    public static EvidenceItem reference(EvidenceKind kind, UUID evidenceId) {
        return new EvidenceItem(kind, evidenceId, null, null, null, null, null, null);
    }
}
