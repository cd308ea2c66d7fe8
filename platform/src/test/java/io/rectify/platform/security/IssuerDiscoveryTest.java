package io.rectify.platform.security;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the service accepts from a provider's discovery document (OpenID Connect Discovery 1.0, 4.3). */
class IssuerDiscoveryTest {

    private static final URI DOC = URI.create("https://idp.example/realms/rectify/.well-known/openid-configuration");

    @Test
    void theKeySetIsTheOneTheDocumentNames() {
        assertThat(IssuerDiscovery.read("https://idp.example/realms/rectify/", DOC,
                "{\"issuer\":\"https://idp.example/realms/rectify\",\"jwks_uri\":\"https://idp.example/certs\"}"))
                .isEqualTo("https://idp.example/certs");
    }

    @Test
    void aDocumentOfAnotherIssuerIsRefused() {
        assertThatThrownBy(() -> IssuerDiscovery.read("https://idp.example/realms/rectify", DOC,
                "{\"issuer\":\"https://evil.example/realms/rectify\",\"jwks_uri\":\"https://evil.example/certs\"}"))
                .hasMessageContaining("evil.example");
    }

    @Test
    void aDocumentWithoutAKeySetIsRefused() {
        assertThatThrownBy(() -> IssuerDiscovery.read("https://idp.example/realms/rectify", DOC,
                "{\"issuer\":\"https://idp.example/realms/rectify\"}")).hasMessageContaining("jwks_uri");
        assertThatThrownBy(() -> IssuerDiscovery.read("https://idp.example/realms/rectify", DOC, "<html>"))
                .hasMessageContaining("not JSON");
    }
}
