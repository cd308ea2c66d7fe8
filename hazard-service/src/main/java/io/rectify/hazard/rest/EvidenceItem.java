package io.rectify.hazard.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One piece of evidence: what, where, and its SHA-256 so it cannot be swapped later. */
public record EvidenceItem(
        @NotNull EvidenceKind kind,
        @NotBlank @Size(max = 2000) String uri,
        @NotBlank @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be 64 lowercase hex characters") String sha256) {
}
