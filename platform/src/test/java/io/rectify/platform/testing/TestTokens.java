package io.rectify.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens for tests, signed with the development key of {@code deploy/local/jwt}
 * ({@code smallrye.jwt.sign.key.location} in the test profile). Scope claims are given as pairs.
 */
public final class TestTokens {

    public static final String ISSUER = "https://rectify.local/auth";

    private TestTokens() {
    }

    /** e.g. {@code token("COUNTY_REGULATOR", "county", "510781", "city", "Mianyang")}. */
    public static String token(String role, String... scope) {
        return builder("test-" + role.toLowerCase(), role, scope).sign();
    }

    public static String bearer(String role, String... scope) {
        return "Bearer " + token(role, scope);
    }

    public static JwtClaimsBuilder builder(String subject, String role, String... scope) {
        JwtClaimsBuilder b = Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofHours(1));
        for (int i = 0; i + 1 < scope.length; i += 2) {
            b.claim(scope[i], scope[i + 1]);
        }
        return b;
    }

    /** A token signed by the right key but already expired. */
    public static String expired(String role) {
        return Jwt.issuer(ISSUER).subject("expired").groups(Set.of(role))
                .issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).sign();
    }

    /** A token from another issuer. */
    public static String wrongIssuer(String role) {
        return Jwt.issuer("https://intruder.example/auth").subject("intruder").groups(Set.of(role))
                .expiresIn(Duration.ofHours(1)).sign();
    }

    /** A valid token whose signature was altered: the forger knows the claims but not the key. */
    public static String tamperedSignature(String role) {
        String token = token(role);
        int dot = token.lastIndexOf('.');
        char[] signature = token.substring(dot + 1).toCharArray();
        for (int i = 0; i < Math.min(8, signature.length); i++) {
            signature[i] = signature[i] == 'A' ? 'B' : 'A';
        }
        return token.substring(0, dot + 1) + new String(signature);
    }

    /** The right claims with {@code alg: none} and no signature. */
    public static String unsigned(String role) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"none\",\"upn\":\"none\",\"groups\":[\"" + role
                + "\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
        return b64.encodeToString(header.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".";
    }

    /** The right issuer and claims, signed with a key the services do not trust. */
    public static String signedByStranger(String role) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return builder("stranger", role).sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> scope(String... pairs) {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
