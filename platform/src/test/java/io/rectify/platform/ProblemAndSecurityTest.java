package io.rectify.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.testing.StandaloneBrokerResource;
import io.rectify.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The security baseline and problem+json answers every service inherits from the platform. */
@QuarkusTest
@QuarkusTestResource(StandaloneBrokerResource.class)
class ProblemAndSecurityTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/api/v1/widgets")
    URI widgets;

    @jakarta.inject.Inject
    io.rectify.platform.security.VerifiedTokens verifiedTokens;

    @Test
    void noTokenIs401ProblemJson() {
        given().get("/api/v1/widgets").then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void forgedExpiredAndForeignTokensAre401() {
        String forged = TestTokens.token("ADMIN");
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA" + forged.substring(forged.lastIndexOf('.') + 5);
        for (String token : new String[]{forged, TestTokens.expired("ADMIN"), TestTokens.wrongIssuer("ADMIN"), "not-a-jwt"}) {
            given().auth().oauth2(token).get("/api/v1/widgets").then().statusCode(401).contentType(PROBLEM);
        }
    }

    @Test
    void aVerifiedTokenIsRememberedAndAForgedOneIsNot() {
        String token = TestTokens.token("ADMIN");
        given().auth().oauth2(token).get("/api/v1/widgets").then().statusCode(200);
        assertThat(verifiedTokens.remembers(token)).as("the request's token went through VerifiedTokens").isTrue();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        given().auth().oauth2(forged).get("/api/v1/widgets").then().statusCode(401);
        assertThat(verifiedTokens.remembers(forged)).isFalse();
    }

    @Test
    void wrongRoleIs403ProblemJson() {
        given().header("Authorization", TestTokens.bearer("EXPERT")).get("/api/v1/widgets")
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
    }

    @Test
    void anEndpointWithoutARoleIsDeniedEvenWithAToken() {
        given().header("Authorization", TestTokens.bearer("ADMIN")).get("/api/v1/widgets/unannotated").then().statusCode(403);
    }

    @Test
    void scopeDecidesVisibilityAndOutOfScopeIs404() {
        given().header("Authorization", TestTokens.bearer("COUNTY_REGULATOR", "county", "510781"))
                .get("/api/v1/widgets/in/510781").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("COUNTY_REGULATOR", "county", "510781"))
                .get("/api/v1/widgets/in/510182").then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", TestTokens.bearer("ENTERPRISE", "creditCode", "91510781MA6ABC1234"))
                .get("/api/v1/widgets/in/510781").then().statusCode(404);
    }

    @Test
    void healthOpenapiAndMetricsNeedNoToken() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void validationNamesEveryField() {
        given().header("Authorization", TestTokens.bearer("ADMIN")).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"size\":11}").post("/api/v1/widgets")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("colour")).body("errors.field", hasItem("size"));
    }

    @Test
    void malformedJsonWrongTypesAndUnknownEnumsAre400() {
        String admin = TestTokens.bearer("ADMIN");
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"name\":")
                .post("/api/v1/widgets").then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"name\":\"a\",\"colour\":\"RED\",\"size\":\"big\"}")
                .post("/api/v1/widgets").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"name\":\"a\",\"colour\":\"BLUE\",\"size\":1}")
                .post("/api/v1/widgets").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("colour"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body("[1,2]")
                .post("/api/v1/widgets").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void badPagingIs422AndWrongMediaTypeIs415() {
        String admin = TestTokens.bearer("ADMIN");
        given().header("Authorization", admin).queryParam("size", 501).get("/api/v1/widgets")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
        // a page that is not a whole number, or past an int, is the same 422 as one out of range
        for (String page : new String[]{"x", "-1", "2147483648", "1e3", "9223372036854775807"}) {
            given().header("Authorization", admin).queryParam("page", page).get("/api/v1/widgets")
                    .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("page"));
        }
        given().header("Authorization", admin).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get("/api/v1/widgets")
                .then().statusCode(200).body("page", equalTo(Integer.MAX_VALUE));
        given().header("Authorization", admin).contentType("text/plain").body("hi").post("/api/v1/widgets")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        given().header("Authorization", TestTokens.bearer("ADMIN")).contentType(ContentType.JSON).body(huge)
                .post("/api/v1/widgets").then().statusCode(413);
    }

    /**
     * The 413 goes out while the client is still writing; the server must read the rest rather than reset
     * the connection under the client, or the client loses the answer (seen once in CI before the fix).
     * Twenty tries in a row, declared and chunked, each must get the problem document, and the kept
     * connection must then serve an ordinary request.
     */
    @Test
    void everyOversizedBodyGetsItsAnswerAndTheConnectionSurvives() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] array = ("[" + "1,".repeat(1_500_000) + "1]").getBytes(StandardCharsets.UTF_8);
        String admin = TestTokens.bearer("ADMIN");
        for (int i = 0; i < 20; i++) {
            HttpRequest.BodyPublisher body = i % 2 == 0 ? HttpRequest.BodyPublishers.ofByteArray(array)
                    : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(array));
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(widgets).header("Authorization", admin)
                    .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("try %d", i).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
            assertThat(answer.body()).contains("\"status\":413");
        }
        HttpResponse<String> after = client.send(HttpRequest.newBuilder(widgets).header("Authorization", admin).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(200);
    }

    /**
     * The JDK's client asks for HTTP/2 by upgrading its first HTTP/1.1 request (h2c), body included: that
     * body was read before REST took the stream over, which then failed the request with a 500 (found by the rebuild
     * client of bench P3). A POST over the upgrade is answered like any other.
     */
    @Test
    void aBodySentWithAnHttp2UpgradeIsRead() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 3; i++) { // the first request upgrades, the next ones travel on HTTP/2
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(widgets).header("Authorization", TestTokens.bearer("ADMIN"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"size\":11}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("try %d (%s)", i, answer.version()).isEqualTo(422);
            assertThat(answer.body()).contains("\"field\":\"name\"");
        }
    }
}
