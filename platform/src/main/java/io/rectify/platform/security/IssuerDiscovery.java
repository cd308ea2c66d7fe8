package io.rectify.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.contracts.EventJson;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * OpenID Connect issuer discovery for SmallRye JWT, which has none of its own: with
 * {@code rectify.jwt.discovery=true} the service reads {@code <issuer>/.well-known/openid-configuration} at
 * start, checks that the provider names itself as the configured issuer, and verifies tokens against the
 * key set at its {@code jwks_uri} (re-read on rotation like any JWKS location). An operator then configures
 * the issuer alone; a provider that moves its key set is followed at the next start. The provider must
 * answer within a minute of the start, or the start fails (the platform restarts the pod).
 */
public class IssuerDiscovery implements ConfigSourceFactory {

    static final String ENABLED = "rectify.jwt.discovery";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    /** Above application.properties (250) and the platform defaults (100), below the environment (300). */
    static final int ORDINAL = 275;
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue enabled = context.getValue(ENABLED);
        if (enabled == null || enabled.getValue() == null || !Boolean.parseBoolean(enabled.getValue().trim())) {
            return List.of();
        }
        ConfigValue issuer = context.getValue(ISSUER);
        if (issuer == null || issuer.getValue() == null || issuer.getValue().isBlank()) {
            throw new IllegalStateException(ENABLED + " is on but " + ISSUER + " (RECTIFY_JWT_ISSUER) is not set");
        }
        String jwks = jwksUri(issuer.getValue().trim());
        return List.of(new PropertiesConfigSource(Map.of(KEY_LOCATION, jwks), "rectify-issuer-discovery", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The provider's key set, from its discovery document; tried for up to a minute. */
    static String jwksUri(String issuer) {
        URI document = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();
        Instant deadline = Instant.now().plus(PATIENCE);
        String failure;
        do {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(document).timeout(Duration.ofSeconds(10))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return read(issuer, document, response.body());
                }
                failure = "HTTP " + response.statusCode();
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while discovering " + document, e);
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        throw new IllegalStateException("identity provider discovery failed: " + document + " answered " + failure + " for " + PATIENCE);
    }

    static String read(String issuer, URI document, String body) {
        JsonNode n;
        try {
            n = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(document + " is not JSON: " + e.getMessage(), e);
        }
        // OpenID Connect Discovery 1.0, 4.3: the issuer in the document must be the one it was fetched for
        if (!issuer.replaceAll("/+$", "").equals(n.path("issuer").asText().replaceAll("/+$", ""))) {
            throw new IllegalStateException(document + " names issuer '" + n.path("issuer").asText() + "', not the configured '" + issuer + "'");
        }
        String jwks = n.path("jwks_uri").asText("");
        if (jwks.isBlank()) {
            throw new IllegalStateException(document + " has no jwks_uri");
        }
        return jwks;
    }

    private static void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
