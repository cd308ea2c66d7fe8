package io.rectify.platform.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rectify.platform.security.IdentityProviderKeys.SigningKey;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens from the agency's identity provider: keys from its published key set (JWKS), followed through a
 * rotation, and Keycloak's realm roles read as Rectify's roles. The key set is served by a real HTTP server.
 */
@QuarkusTest
@TestProfile(IdentityProviderTest.Provider.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityProviderTest {

    public static class Provider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityProviderKeys.class));
        }
    }

    private static final SigningKey OLD = IdentityProviderKeys.OLD;
    private static final SigningKey NEW = IdentityProviderKeys.NEW;

    /**
     * First: the service knows only the key published since it started ({@code OLD}); a new key id makes it
     * re-read the key set (at most once a minute, the first time at once).
     */
    @Test
    @Order(1)
    void tokensSignedWithTheOldKeyStayValidWhileTheProviderRotatesToANewOne() {
        IdentityProviderKeys.publish(OLD);
        String inFlight = token(OLD, "COUNTY_REGULATOR", "county", "510781");
        given().auth().oauth2(inFlight).get("/api/v1/widgets").then().statusCode(200);
        assertThat(IdentityProviderKeys.discoveries()).as("the key set was found through the issuer's discovery document")
                .isPositive();

        // the provider adds its new key and signs new tokens with it; tokens of the old key are still out there
        IdentityProviderKeys.publish(OLD, NEW);
        int fetchesBefore = IdentityProviderKeys.fetches();
        String fresh = token(NEW, "COUNTY_REGULATOR", "county", "510781");
        // a token naming the new key makes the service re-read the key set, at most once a minute
        // (smallrye.jwt.jwks.forced-refresh-interval): within that minute it is refused, then accepted
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
                .until(() -> given().auth().oauth2(fresh).get("/api/v1/widgets").statusCode() == 200);
        assertThat(IdentityProviderKeys.fetches()).as("the unknown key id made the service fetch the key set again")
                .isGreaterThan(fetchesBefore);
        String anotherOld = token(OLD, "ADMIN");
        given().auth().oauth2(anotherOld).get("/api/v1/widgets").then().statusCode(200);
        given().auth().oauth2(inFlight).get("/api/v1/widgets").then().statusCode(200);
    }

    @Test
    @Order(2)
    void aKeyTheProviderNeverPublishedIsRefused() {
        IdentityProviderKeys.publish(OLD, NEW);
        SigningKey stranger = IdentityProviderKeys.newKey("key-2026-12"); // same key id, other key
        given().auth().oauth2(token(stranger, "ADMIN")).get("/api/v1/widgets").then().statusCode(401);
        given().auth().oauth2(token(IdentityProviderKeys.newKey("unknown"), "ADMIN")).get("/api/v1/widgets").then().statusCode(401);
    }

    @Test
    @Order(3)
    void realmRolesBecomeRectifyRolesAndAttributesBecomeScope() {
        IdentityProviderKeys.publish(NEW);
        // a role Rectify does not know gives no access; the provider's default roles beside it change nothing
        given().auth().oauth2(token(NEW, "offline_access")).get("/api/v1/widgets").then().statusCode(403);
        given().auth().oauth2(token(NEW, "ADMIN")).get("/api/v1/widgets").then().statusCode(200);
        // the user's county attribute, mapped to the "county" claim by the realm, is the regulator's scope
        String regulator = token(NEW, "COUNTY_REGULATOR", "county", "510781", "city", "Mianyang", "province", "Sichuan");
        given().auth().oauth2(regulator).get("/api/v1/widgets/in/510781").then().statusCode(200);
        given().auth().oauth2(regulator).get("/api/v1/widgets/in/510104").then().statusCode(404);
    }

    /** A Keycloak-shaped access token: realm roles under realm_access, scope attributes as top-level claims. */
    private static String token(SigningKey key, String role, String... scope) {
        var claims = Jwt.issuer(IdentityProviderKeys.issuer()).subject("user-" + role.toLowerCase()).claim("preferred_username", "user-" + role.toLowerCase())
                .claim("realm_access", Map.of("roles", List.of(role, "offline_access", "default-roles-rectify")))
                .issuedAt(Instant.now()).expiresIn(Duration.ofMinutes(5));
        for (int i = 0; i + 1 < scope.length; i += 2) {
            claims.claim(scope[i], scope[i + 1]);
        }
        return claims.jws().keyId(key.kid()).sign(key.pair().getPrivate());
    }
}
