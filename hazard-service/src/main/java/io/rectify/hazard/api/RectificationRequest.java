package io.rectify.hazard.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The rectification work done, with its evidence (at least one piece). */
public record RectificationRequest(
        @NotBlank @Size(max = 4000) String description,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull EvidenceItem> evidence) {
}
