package io.rectify.inspection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.UUID;

/**
 * A piece of evidence attached to a finding: what it is, where it is stored, and its SHA-256 so it cannot
 * be swapped. An uploaded file carries its {@code evidenceId} (and is {@code verified}: the service holds it
 * and computed the hash); an outside URI from a backfill is not verified.
 */
@Embeddable
public class Evidence {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceKind kind;

    @Column(nullable = false)
    public String uri;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "evidence_id")
    public UUID evidenceId;

    @Column(name = "media_type")
    public String mediaType;

    public Long size;

    @Column(nullable = false)
    public boolean verified;

    public Evidence() {
    }

    public Evidence(EvidenceKind kind, String uri, String sha256) {
        this.kind = kind;
        this.uri = uri;
        this.sha256 = sha256;
    }

    /** An uploaded file, resolved by the service. */
    public static Evidence stored(EvidenceKind kind, UUID evidenceId, String sha256, String mediaType, long size) {
        Evidence e = new Evidence(kind, "/api/v1/evidence/" + evidenceId, sha256);
        e.evidenceId = evidenceId;
        e.mediaType = mediaType;
        e.size = size;
        e.verified = true;
        return e;
    }
}
