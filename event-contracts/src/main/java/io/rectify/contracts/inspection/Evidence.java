package io.rectify.contracts.inspection;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.UUID;

/**
 * A piece of evidence: kind ({@code PHOTO}, {@code DOCUMENT}, {@code CONTROL_SYSTEM_DATA}, {@code DOCUMENT_COPY}),
 * where it is, its SHA-256 — a reference only, never the bytes. A file uploaded to Rectify carries its
 * {@code evidenceId}, {@code mediaType} and {@code size} and {@code uri} is its download path; an outside
 * URI (a backfill by ADMIN or AGENCY_SYSTEM) has no id and {@code verified = false}.
 */
public record Evidence(String kind, String uri, String sha256, UUID evidenceId, String mediaType, Long size, Boolean verified) {

    @JsonCreator
    public Evidence {
    }

    /** An outside reference, as before evidence files were stored here. */
    public Evidence(String kind, String uri, String sha256) {
        this(kind, uri, sha256, null, null, null, null);
    }
}
