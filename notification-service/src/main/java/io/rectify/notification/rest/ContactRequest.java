package io.rectify.notification.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/v1/contacts/{level}/{ref}}: at least one of email and webhookUrl. */
public record ContactRequest(
        @NotBlank @Size(max = 200) String name,
        @Email(message = "must be an email address") @Size(max = 320) String email,
        @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") @Size(max = 2000) String webhookUrl,
        @Schema(description = "HMAC-SHA256 key for X-Rectify-Signature; required with webhookUrl the first time, never returned")
        @Size(min = 16, max = 200, message = "must be 16 to 200 characters") String webhookSecret) {
}
