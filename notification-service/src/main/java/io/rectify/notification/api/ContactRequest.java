package io.rectify.notification.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/v1/contacts/{level}/{ref}}: at least one of email, webhookUrl and phone. */
public record ContactRequest(
        @NotBlank @Size(max = 200) String name,
        @Email(message = "must be an email address") @Size(max = 320) String email,
        @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") @Size(max = 2000) String webhookUrl,
        @Schema(description = "HMAC-SHA256 key for X-Rectify-Signature; required with webhookUrl the first time, never returned")
        @Size(min = 16, max = 200, message = "must be 16 to 200 characters") String webhookSecret,
        @Schema(description = "mobile number for SMS, digits with an optional leading +", example = "13800138000")
        @Pattern(regexp = "^\\+?[0-9]{6,15}$", message = "must be 6 to 15 digits with an optional leading +") String phone,
        @Schema(description = "language of every message to this contact", enumeration = {"zh-CN", "en"}, defaultValue = "zh-CN")
        @Pattern(regexp = "^(zh-CN|en)$", message = "must be zh-CN or en") String locale,
        @Schema(description = "IMMEDIATE (default) or DAILY_DIGEST: reminders by email/SMS gathered into one email a day "
                + "(escalations and webhooks always at once)", enumeration = {"IMMEDIATE", "DAILY_DIGEST"})
        @Pattern(regexp = "^(IMMEDIATE|DAILY_DIGEST)$", message = "must be IMMEDIATE or DAILY_DIGEST") String delivery,
        @Schema(description = "with DAILY_DIGEST: local time (Asia/Shanghai) the digest goes out, HH:mm", example = "08:30")
        @Pattern(regexp = "^([01][0-9]|2[0-3]):[0-5][0-9]$", message = "must be HH:mm") String digestTime) {
}
