package io.rectify.scenarios;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Mints RS256 bearer tokens for a role and scope with a private key (the development key of
 * {@code deploy/local/jwt} on a developer machine), as an identity provider would.
 */
public final class Tokens {

    public static final String ISSUER = "https://rectify.local/auth";

    private final PrivateKey key;

    public Tokens(Path privateKeyPem) {
        this.key = readKey(privateKeyPem);
    }

    /** {@code mint("dev-admin", "ADMIN")}; scope as pairs: {@code "county", "510781"}. */
    public String mint(String subject, String role, String... scope) {
        JwtClaimsBuilder b = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role)).expiresIn(Duration.ofHours(8));
        for (int i = 0; i + 1 < scope.length; i += 2) {
            b.claim(scope[i], scope[i + 1]);
        }
        return b.jws().sign(key);
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
