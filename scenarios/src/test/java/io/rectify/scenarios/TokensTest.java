package io.rectify.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.contracts.EventJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The tokens the demo mints are what the services accept: RS256 over the development key pair, with the claims they read. */
class TokensTest {

    private static final Path JWT = Path.of("..", "deploy", "local", "jwt");

    @Test
    void signsRs256VerifiableWithTheDevelopmentPublicKeyAndCarriesRoleAndScope() throws Exception {
        String token = new Tokens(JWT.resolve("dev-private.pem")).mint("expert.li", "EXPERT", "province", "Sichuan", "county", "510781");
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        JsonNode header = EventJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        JsonNode claims = EventJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("iss").asText()).isEqualTo(Tokens.ISSUER);
        assertThat(claims.path("sub").asText()).isEqualTo("expert.li");
        assertThat(claims.path("upn").asText()).isEqualTo("expert.li");
        assertThat(claims.path("groups")).hasSize(1);
        assertThat(claims.path("groups").get(0).asText()).isEqualTo("EXPERT");
        assertThat(claims.path("province").asText()).isEqualTo("Sichuan");
        assertThat(claims.path("county").asText()).isEqualTo("510781");
        assertThat(claims.path("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
    }

    private static PublicKey publicKey() throws Exception {
        String base64 = Files.readString(JWT.resolve("dev-public.pem"))
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
