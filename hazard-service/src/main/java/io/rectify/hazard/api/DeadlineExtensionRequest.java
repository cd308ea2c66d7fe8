package io.rectify.hazard.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** A later due date and why (at most two per hazard). */
public record DeadlineExtensionRequest(
        @NotNull Instant newDueAt,
        @NotBlank @Size(max = 4000) String reason) {
}
