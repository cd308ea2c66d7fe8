package io.rectify.platform.reliability;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.support.WidgetResource;
import io.rectify.platform.testing.StandaloneBrokerResource;
import io.rectify.platform.testing.reliability.AuthorizationMatrix;
import io.rectify.platform.testing.reliability.Findings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The R5 engine against the platform's test application: the correct {@link WidgetResource} passes,
 * the planted {@code @PermitAll} endpoint and the one broader than its contract are reported.
 */
@QuarkusTest
@QuarkusTestResource(StandaloneBrokerResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixEngineTest {

    @TestHTTPResource("/")
    URI base;

    Findings findings;

    @BeforeAll
    void run() {
        findings = AuthorizationMatrix.against(base)
                .contract("GET /api/v1/planted/broad", "ADMIN")
                .run().print();
    }

    @Test
    void theCorrectEndpointsPass() {
        assertThat(findings.violationsMentioning("/api/v1/widgets")).isEmpty();
        // every operation × (9 defective tokens + 7 roles)
        assertThat(findings.sent()).isEqualTo(findings.operations() * 16);
    }

    @Test
    void anOperationOpenToEveryRoleIsCaught() {
        assertThat(findings.violationsMentioning("GET /api/v1/planted/open as ")).hasSize(7)
                .allMatch(v -> v.contains("no @RolesAllowed") && v.contains("got 200"));
    }

    @Test
    void aRoleBeyondTheContractIsCaught() {
        assertThat(findings.violationsMentioning("GET /api/v1/planted/broad")).hasSize(2)
                .anyMatch(v -> v.contains("declares roles [ADMIN, ENTERPRISE] but its contract is [ADMIN]"))
                .anyMatch(v -> v.contains("as ENTERPRISE (not admitted) → expected 403 problem+json, got 200"));
    }

    @Test
    void nothingElseIsReported() {
        assertThat(findings.violations()).allMatch(v -> v.contains("/api/v1/planted/open") || v.contains("/api/v1/planted/broad"));
    }
}
