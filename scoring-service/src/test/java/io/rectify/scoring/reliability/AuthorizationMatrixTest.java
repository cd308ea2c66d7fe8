package io.rectify.scoring.reliability;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.testing.reliability.AuthorizationMatrix;
import io.rectify.platform.testing.reliability.Findings;
import io.rectify.scoring.support.ScoringTestBase;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R5 for scoring-service: every operation of its OpenAPI document × every defective token (401) ×
 * every role (403 unless its {@code @RolesAllowed} admits it). The rebuild command is not called by
 * its admitted role (it would start a rebuild: {@code RebuildTest}'s); in and out of scope on county
 * indexes (404, filtered rankings) is {@code AccessTest}'s.
 */
@QuarkusTest
class AuthorizationMatrixTest extends ScoringTestBase {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationAdmitsExactlyItsRolesAndRefusesDefectiveTokens() {
        Findings findings = AuthorizationMatrix.against(base)
                .notCalledWhenAdmitted("POST /api/v1/admin/rebuild")
                .run().print();

        assertThat(findings.violations()).isEmpty();
        assertThat(findings.operations()).isGreaterThanOrEqualTo(8);
        assertThat(findings.sent()).isGreaterThan(findings.operations() * 15);
    }
}
