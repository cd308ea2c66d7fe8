package io.rectify.inspection.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.rectify.inspection.domain.Evidence;
import io.rectify.inspection.domain.EvidenceKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;
import java.util.UUID;

/**
 * A piece of evidence as sent and served. Sent as {@code {kind, evidenceId}} — a file uploaded with
 * {@code POST /api/v1/evidence} — or, for ADMIN and AGENCY_SYSTEM backfills only, {@code {kind, uri, sha256}}
 * naming a file elsewhere (served with {@code verified: false}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceBody(
        @NotNull EvidenceKind kind,
        @Schema(description = "an uploaded evidence file (POST /api/v1/evidence)") UUID evidenceId,
        @Size(max = 2000) @Schema(description = "outside URI (ADMIN/AGENCY_SYSTEM backfills); served: the download path") String uri,
        @Pattern(regexp = "^[0-9a-fA-F]{64}$", message = "must be a SHA-256 digest: 64 hexadecimal digits") String sha256,
        @Schema(readOnly = true) String mediaType,
        @Schema(readOnly = true) Long size,
        @Schema(readOnly = true, description = "false for an outside URI: Rectify does not hold the file") Boolean verified) {

    /** As sent: the service resolves an evidenceId into the stored file's facts. */
    public Evidence toEvidence() {
        Evidence e = new Evidence(kind, uri == null ? null : uri.trim(), sha256 == null ? null : sha256.toLowerCase(Locale.ROOT));
        e.evidenceId = evidenceId;
        return e;
    }

    public static EvidenceBody of(Evidence e) {
        return new EvidenceBody(e.kind, e.evidenceId, e.uri, e.sha256, e.mediaType, e.size, e.verified);
    }
}
