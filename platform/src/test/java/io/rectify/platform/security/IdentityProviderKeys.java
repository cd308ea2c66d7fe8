package io.rectify.platform.security;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The signing keys of an identity provider as the services see them: a real HTTP server publishing its
 * OpenID Connect discovery document ({@code …/realms/rectify/.well-known/openid-configuration}) and, at the
 * {@code jwks_uri} it names, a JSON Web Key Set (what Keycloak serves at {@code …/protocol/openid-connect/certs}).
 * The service is given the issuer only; the test rotates the published keys while the services run.
 */
public class IdentityProviderKeys implements QuarkusTestResourceLifecycleManager {

    public record SigningKey(String kid, KeyPair pair) {
    }

    /** The provider's key before the rotation (published from the start) and after it. */
    public static final SigningKey OLD = newKey("key-2026-11");
    public static final SigningKey NEW = newKey("key-2026-12");

    private static final List<SigningKey> PUBLISHED = new CopyOnWriteArrayList<>(List.of(OLD));
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static final AtomicInteger DISCOVERIES = new AtomicInteger();
    private static volatile String issuer;
    private HttpServer server;

    /** The provider's issuer: its realm's address on the running server. */
    public static String issuer() {
        return issuer;
    }

    /** How often the services read the discovery document. */
    public static int discoveries() {
        return DISCOVERIES.get();
    }

    public static SigningKey newKey(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new SigningKey(kid, generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From now on the provider publishes exactly these keys. */
    public static void publish(SigningKey... keys) {
        PUBLISHED.clear();
        PUBLISHED.addAll(List.of(keys));
    }

    /** How often the services fetched the key set. */
    public static int fetches() {
        return FETCHES.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/realms/rectify/protocol/openid-connect/certs", exchange -> {
            FETCHES.incrementAndGet();
            byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/rectify";
        // the key set's address is not configured: the service finds it in the discovery document
        server.createContext("/realms/rectify/.well-known/openid-configuration", exchange -> {
            DISCOVERIES.incrementAndGet();
            byte[] body = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\","
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("rectify.jwt.discovery", "true",
                "mp.jwt.verify.issuer", issuer,
                // a rotated-in key is fetched at the first token that names it (at most once a minute)
                "smallrye.jwt.jwks.forced-refresh-interval", "1",
                // Keycloak's realm roles, when the realm does not map them to a "groups" claim
                "smallrye.jwt.path.groups", "realm_access/roles");
    }

    private static String jwks() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return PUBLISHED.stream().map(k -> {
            RSAPublicKey key = (RSAPublicKey) k.pair().getPublic();
            return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + k.kid() + "\",\"n\":\""
                    + b64.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
                    + b64.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}";
        }).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
