package io.rectify.inspection.reliability;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.testing.TestTokens;
import io.rectify.platform.testing.reliability.EvidenceHostileRequests;
import io.rectify.platform.testing.reliability.Findings;
import io.rectify.platform.testing.reliability.HostileInputSuite;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R4 for inspection-service: hostile requests generated from its own OpenAPI document over every
 * endpoint (reads aimed at a real county). Zero 5xx, every refusal problem+json, no state change in
 * any table (outbox included).
 */
@QuarkusTest
class HostileInputTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void hostileRequestsAreRefusedWithoutAStateChange() {
        String county = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase(Locale.ROOT);
        given().header("Authorization", TestTokens.bearer("ADMIN")).contentType(ContentType.JSON)
                .body(Map.of("code", county, "name", "测试县 " + county, "city", "绵阳市", "province", "四川省", "tier", "LEAD", "status", "KEY"))
                .post("/api/v1/counties").then().statusCode(201);

        Findings findings = HostileInputSuite.against(base)
                .database(dataSource)
                .pathValues(Map.of("code", county))
                .plus(EvidenceHostileRequests.all())
                .run().print();

        assertThat(findings.violations()).isEmpty();
        assertThat(findings.operations()).isGreaterThanOrEqualTo(20);
        assertThat(findings.sent()).isGreaterThan(500);
        assertThat(findings.perCategory()).as("0, -1, 2^31-1, 2^31, 2^63-1, 1e309, NaN in every numeric query parameter").containsKey("extreme-number");
        assertThat(findings.perCategory()).containsKeys("evidence-multipart", "evidence-upload", "evidence-read");
    }
}
