package io.rectify.inspection.reliability;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.testing.reliability.AuthorizationMatrix;
import io.rectify.platform.testing.reliability.Findings;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R5 for inspection-service: every operation of its OpenAPI document × every defective token (401)
 * × every role (403 unless its {@code @RolesAllowed} admits it). In and out of scope on inspections,
 * enterprises and counties (404 and filtered lists) is {@code AccessTest}'s.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationAdmitsExactlyItsRolesAndRefusesDefectiveTokens() {
        Findings findings = AuthorizationMatrix.against(base).run().print();

        assertThat(findings.violations()).isEmpty();
        assertThat(findings.operations()).isGreaterThanOrEqualTo(20);
        assertThat(findings.sent()).isEqualTo(findings.operations() * 16);
    }
}
