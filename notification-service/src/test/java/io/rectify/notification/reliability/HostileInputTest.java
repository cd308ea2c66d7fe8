package io.rectify.notification.reliability;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.notification.support.RectifyTestResources;
import io.rectify.platform.testing.reliability.Findings;
import io.rectify.platform.testing.reliability.HostileInputSuite;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R4 for notification-service: hostile requests generated from its own OpenAPI document over every
 * endpoint. Zero 5xx, every refusal problem+json, no state change in any table (outbox included).
 */
@QuarkusTest
@WithTestResource(RectifyTestResources.class)
class HostileInputTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void hostileRequestsAreRefusedWithoutAStateChange() {
        Findings findings = HostileInputSuite.against(base).database(dataSource).run().print();

        assertThat(findings.violations()).isEmpty();
        assertThat(findings.operations()).isGreaterThanOrEqualTo(6);
        assertThat(findings.sent()).isGreaterThan(200);
        assertThat(findings.perCategory()).as("0, -1, 2^31-1, 2^31, 2^63-1, 1e309, NaN in every numeric query parameter").containsKey("extreme-number");
    }
}
