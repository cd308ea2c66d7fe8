package io.rectify.hazard.reliability;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.testing.reliability.EvidenceHostileRequests;
import io.rectify.platform.testing.reliability.Findings;
import io.rectify.platform.testing.reliability.HostileInputSuite;
import io.rectify.platform.testing.reliability.HostileRequest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.generalReport;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R4 for hazard-service: hostile requests generated from its own OpenAPI document over every
 * endpoint, plus out-of-order transitions on a real OPEN hazard. Zero 5xx, every refusal
 * problem+json, no state change in any table (outbox included).
 */
@QuarkusTest
class HostileInputTest extends HazardTestBase {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void hostileRequestsAreRefusedWithoutAStateChange() {
        Place place = newCounty();
        String owner = newEnterprise(place);
        String open = reportGeneral(place, owner);
        Place other = newCounty();
        String at = HAZARDS + "/" + open;
        List<HostileRequest> outOfOrder = List.of(
                HostileRequest.handMade("out-of-order", "POST", at + "/rectification",
                        "{\"description\":\"done\",\"evidence\":[{\"kind\":\"PHOTO\",\"uri\":\"https://files.rectify.local/e.jpg\"}]}", "rectification while OPEN"),
                HostileRequest.handMade("out-of-order", "POST", at + "/verification", "{\"outcome\":\"ACCEPTED\"}", "verification while OPEN"),
                HostileRequest.handMade("out-of-order", "POST", at + "/sign-off", "{\"comment\":\"done\"}", "sign-off while OPEN"),
                HostileRequest.handMade("out-of-order", "POST", at + "/sign-off", null, "sign-off without a body while OPEN"),
                HostileRequest.handMade("out-of-order", "POST", at + "/reopen", "{\"reason\":\"recurred\"}", "reopen while OPEN"),
                HostileRequest.handMade("registry", "POST", HAZARDS, io.rectify.contracts.EventJson.write(generalReport(place, newCreditCode(), "REGULATOR")),
                        "a report naming an enterprise registered nowhere"),
                HostileRequest.handMade("registry", "POST", HAZARDS, io.rectify.contracts.EventJson.write(generalReport(other, owner, "SELF_CHECK")),
                        "a report naming a registered enterprise in another registered county"));

        Findings findings = HostileInputSuite.against(base)
                .database(dataSource)
                .pathValues(Map.of("code", place.county(), "id", open))
                .plus(outOfOrder)
                .plus(EvidenceHostileRequests.all())
                .run().print();

        assertThat(findings.violations()).isEmpty();
        assertThat(findings.operations()).isGreaterThanOrEqualTo(10);
        assertThat(findings.sent()).isGreaterThan(500);
        assertThat(findings.perCategory()).containsKeys("out-of-order", "registry", "bad-credit-code", "unknown-enum", "huge-body", "injection",
                "extreme-number", "evidence-multipart", "evidence-upload", "evidence-read");
    }
}
