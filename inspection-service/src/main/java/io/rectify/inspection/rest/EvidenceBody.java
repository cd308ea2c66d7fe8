package io.rectify.inspection.rest;

import io.rectify.inspection.domain.Evidence;
import io.rectify.inspection.domain.EvidenceKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/** A piece of evidence as sent and served: kind, where it is stored, its SHA-256 (64 hex digits). */
public record EvidenceBody(
        @NotNull EvidenceKind kind,
        @NotBlank @Size(max = 2000) String uri,
        @NotNull @Pattern(regexp = "^[0-9a-fA-F]{64}$", message = "must be a SHA-256 digest: 64 hexadecimal digits") String sha256) {

    public Evidence toEvidence() {
        return new Evidence(kind, uri.trim(), sha256.toLowerCase(Locale.ROOT));
    }

    public static EvidenceBody of(Evidence e) {
        return new EvidenceBody(e.kind, e.uri, e.sha256);
    }
}
