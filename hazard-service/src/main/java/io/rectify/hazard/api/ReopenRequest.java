package io.rectify.hazard.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Reopening a signed-off hazard that recurred. */
public record ReopenRequest(@NotBlank @Size(max = 4000) String reason) {
}
