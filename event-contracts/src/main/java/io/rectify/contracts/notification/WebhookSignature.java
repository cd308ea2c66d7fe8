package io.rectify.contracts.notification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The receiving side of {@code X-Rectify-Signature: sha256=<hex HMAC-SHA256 of the raw body>} (chasing.md
 * "Delivery"): notification-service signs with it, and a receiving agency system checks with it before it
 * trusts a delivery (the demo's receiver does).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Rectify-Signature";
    public static final String DELIVERY_HEADER = "X-Rectify-Delivery";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison, so the answer time tells an attacker nothing about the right signature. */
    public static boolean verify(byte[] body, String header, String secret) {
        if (header == null || secret == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected = sign(body, secret).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
