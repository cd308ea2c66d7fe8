package io.rectify.scenarios;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectify.contracts.EventJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints RS256 bearer tokens for a role and scope with a private key (the development key of
 * {@code deploy/local/jwt} on a developer machine), as an identity provider would. Signed with the JDK
 * alone (JWS compact serialisation, RFC 7515), so the jar needs no MicroProfile runtime.
 */
public final class Tokens {

    public static final String ISSUER = "https://rectify.local/auth";
    private static final Duration LIFETIME = Duration.ofHours(8);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;

    public Tokens(Path privateKeyPem) {
        this.key = readKey(privateKeyPem);
    }

    /** {@code mint("dev-admin", "ADMIN")}; scope as pairs: {@code "county", "510781"}. */
    public String mint(String subject, String role, String... scope) {
        Instant now = Instant.now();
        ObjectNode header = EventJson.mapper().createObjectNode().put("alg", "RS256").put("typ", "JWT");
        ObjectNode claims = EventJson.mapper().createObjectNode()
                .put("iss", ISSUER)
                .put("sub", subject)
                .put("upn", subject)
                .put("jti", UUID.randomUUID().toString())
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.putArray("groups").add(role);
        for (int i = 0; i + 1 < scope.length; i += 2) {
            claims.put(scope[i], scope[i + 1]);
        }
        String signingInput = part(header.toString()) + "." + part(claims.toString());
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
    }

    private static String part(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey readKey(Path pem) {
        try {
            String base64 = Files.readString(pem)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the signing key " + pem + ": " + e.getMessage(), e);
        }
    }
}
