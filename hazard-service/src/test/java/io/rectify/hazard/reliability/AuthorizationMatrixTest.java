package io.rectify.hazard.reliability;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.testing.TestTokens;
import io.rectify.platform.testing.reliability.AuthorizationMatrix;
import io.rectify.platform.testing.reliability.Findings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.agency;
import static io.rectify.hazard.support.HazardFixtures.assertProblem;
import static io.rectify.hazard.support.HazardFixtures.cityRegulator;
import static io.rectify.hazard.support.HazardFixtures.countyRegulator;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.expert;
import static io.rectify.hazard.support.HazardFixtures.expertAccount;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static io.rectify.hazard.support.HazardFixtures.provinceRegulator;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R5 for hazard-service: every operation of its OpenAPI document × every defective token (401) ×
 * every role (403 unless its {@code @RolesAllowed} admits it); then, on a real hazard, every role in
 * and out of scope on the single-resource reads (200 / 404) and on the filtered list.
 */
@QuarkusTest
class AuthorizationMatrixTest extends HazardTestBase {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationAdmitsExactlyItsRolesAndRefusesDefectiveTokens() {
        Findings findings = AuthorizationMatrix.against(base).run().print();

        assertThat(findings.violations()).isEmpty();
        assertThat(findings.operations()).isGreaterThanOrEqualTo(10);
        assertThat(findings.sent()).isEqualTo(findings.operations() * 16);
    }

    @Test
    void singleHazardReadsAreInScopeOr404() {
        Place home = newCounty();
        Place elsewhere = newCounty();
        String owner = newEnterprise(home);
        String id = reportGeneral(home, owner);

        Map<String, String> inScope = new LinkedHashMap<>();
        inScope.put("ADMIN", admin());
        inScope.put("AGENCY_SYSTEM", agency());
        inScope.put("PROVINCE_REGULATOR", provinceRegulator(home));
        inScope.put("CITY_REGULATOR", cityRegulator(home));
        inScope.put("COUNTY_REGULATOR", countyRegulator(home));
        inScope.put("EXPERT", expert(home));
        String assigned = "expert-" + java.util.UUID.randomUUID();
        assignExpert(assigned, owner, home);
        inScope.put("EXPERT assigned to the enterprise", expertAccount(assigned));
        inScope.put("ENTERPRISE", enterprise(owner));
        Map<String, String> outOfScope = new LinkedHashMap<>();
        outOfScope.put("PROVINCE_REGULATOR", provinceRegulator(elsewhere));
        outOfScope.put("CITY_REGULATOR", cityRegulator(elsewhere));
        outOfScope.put("COUNTY_REGULATOR", countyRegulator(elsewhere));
        outOfScope.put("EXPERT", expert(elsewhere));
        outOfScope.put("EXPERT not assigned, no claims", expertAccount("expert-" + java.util.UUID.randomUUID()));
        outOfScope.put("EXPERT not assigned, the county's province", TestTokens.bearer("EXPERT", "province", home.province()));
        outOfScope.put("ENTERPRISE", enterprise(newCreditCode()));
        outOfScope.put("COUNTY_REGULATOR without a county claim", TestTokens.bearer("COUNTY_REGULATOR"));

        int checked = 0;
        for (String read : new String[]{HAZARDS + "/" + id, HAZARDS + "/" + id + "/history", HAZARDS + "/" + id + "/history/verification"}) {
            for (Map.Entry<String, String> caller : inScope.entrySet()) {
                given(caller.getValue()).get(read).then().statusCode(200);
                checked++;
            }
            for (Map.Entry<String, String> caller : outOfScope.entrySet()) {
                assertProblem(given(caller.getValue()).get(read).then(), 404);
                checked++;
            }
        }
        for (Map.Entry<String, String> caller : inScope.entrySet()) {
            given(caller.getValue()).queryParam("county", home.county()).get(HAZARDS).then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.hasItem(id));
            checked++;
        }
        for (Map.Entry<String, String> caller : outOfScope.entrySet()) {
            given(caller.getValue()).queryParam("county", home.county()).get(HAZARDS).then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
            checked++;
        }
        System.out.printf("R5 scope on hazard %s: %d reads checked (%d callers in scope, %d out of scope)%n",
                id, checked, inScope.size(), outOfScope.size());
    }
}
