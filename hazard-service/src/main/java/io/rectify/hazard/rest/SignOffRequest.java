package io.rectify.hazard.rest;

import jakarta.validation.constraints.Size;

/** Sign-off (销号); the body is optional. */
public record SignOffRequest(@Size(max = 4000) String comment) {
}
