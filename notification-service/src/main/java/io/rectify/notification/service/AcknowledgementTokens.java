package io.rectify.notification.service;

import io.rectify.notification.config.ChasingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The token of an acknowledgement link: {@code <expiry epoch seconds>.<base64url HMAC-SHA256 of
 * "notification id|expiry">} with the service's key. Stateless, so every instance checks what any
 * instance issued; single use comes from the notification (acknowledged once, then refused).
 */
@ApplicationScoped
public class AcknowledgementTokens {

    public enum Check { VALID, EXPIRED, INVALID }

    @Inject
    ChasingConfig config;

    public String issue(UUID notificationId, Instant expiresAt) {
        long exp = expiresAt.getEpochSecond();
        return exp + "." + sign(notificationId, exp);
    }

    /** A fresh token valid for {@code acknowledgement.valid-for} from now. */
    public String issue(UUID notificationId) {
        return issue(notificationId, Instant.now().plus(config.acknowledgement().validFor()));
    }

    public String link(UUID notificationId) {
        return config.links().publicUrl().replaceAll("/+$", "") + "/api/v1/notifications/" + notificationId
                + "/acknowledgement?token=" + issue(notificationId);
    }

    public Check check(UUID notificationId, String token, Instant now) {
        if (token == null) {
            return Check.INVALID;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Check.INVALID;
        }
        long exp;
        try {
            exp = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return Check.INVALID;
        }
        byte[] expected = sign(notificationId, exp).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) { // constant time: the answer time says nothing about the signature
            return Check.INVALID;
        }
        return now.getEpochSecond() > exp ? Check.EXPIRED : Check.VALID;
    }

    private String sign(UUID notificationId, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.acknowledgement().key().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((notificationId + "|" + exp).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
