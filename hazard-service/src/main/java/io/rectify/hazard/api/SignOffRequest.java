package io.rectify.hazard.api;

import jakarta.validation.constraints.Size;

/** Sign-off (销号); the body is optional. */
public record SignOffRequest(@Size(max = 4000) String comment) {
}
