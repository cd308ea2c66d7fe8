package io.rectify.contracts.notification;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"notificationId\":\"n-1\",\"step\":\"OVERDUE\"}".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "rectify-demo-webhook-secret";

    @Test
    void matchesRfc4231StyleHmacSha256() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a widely published test value
        assertThat(WebhookSignature.sign("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8), "key"))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void acceptsItsOwnSignatureAndRefusesAnyOther() {
        String header = WebhookSignature.sign(BODY, SECRET);
        assertThat(WebhookSignature.verify(BODY, header, SECRET)).isTrue();
        assertThat(WebhookSignature.verify(BODY, header.toUpperCase().replace("SHA256=", "sha256="), SECRET)).isTrue();
        assertThat(WebhookSignature.verify(BODY, header, "another-secret-of-16+")).isFalse();
        assertThat(WebhookSignature.verify("{}".getBytes(StandardCharsets.UTF_8), header, SECRET)).isFalse();
        assertThat(WebhookSignature.verify(BODY, null, SECRET)).isFalse();
        assertThat(WebhookSignature.verify(BODY, header.substring("sha256=".length()), SECRET)).isFalse();
    }
}
