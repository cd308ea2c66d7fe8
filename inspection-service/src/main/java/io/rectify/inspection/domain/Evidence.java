package io.rectify.inspection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A piece of evidence attached to a finding: what it is, where it is stored, and its SHA-256 so it cannot be swapped. */
@Embeddable
public class Evidence {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceKind kind;

    @Column(nullable = false)
    public String uri;

    @Column(nullable = false)
    public String sha256;

    public Evidence() {
    }

    public Evidence(EvidenceKind kind, String uri, String sha256) {
        this.kind = kind;
        this.uri = uri;
        this.sha256 = sha256;
    }
}
