package io.rectify.platform.reliability;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.support.PlantedViolationsResource;
import io.rectify.platform.support.WidgetResource;
import io.rectify.platform.testing.StandaloneBrokerResource;
import io.rectify.platform.testing.reliability.Findings;
import io.rectify.platform.testing.reliability.HostileInputSuite;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The R4 engine against the platform's test application: it must find none on the correct
 * {@link WidgetResource} and each planted mistake of {@link PlantedViolationsResource}. If one of its
 * checks (5xx, problem+json, state change) were removed, one of these tests would fail.
 */
@QuarkusTest
@QuarkusTestResource(StandaloneBrokerResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputEngineTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    Findings findings;

    @BeforeAll
    void run() {
        // outbox and consumer tables are written by the messaging tests' relay and consumer in the background
        findings = HostileInputSuite.against(base).database(dataSource).run().print();
    }

    @Test
    void theCorrectEndpointsPass() {
        assertThat(findings.violationsMentioning("/api/v1/widgets")).isEmpty();
        assertThat(findings.sent()).isGreaterThan(200);
        assertThat(findings.perCategory()).containsKeys("malformed-json", "wrong-type", "missing-required", "unknown-enum",
                "huge-body", "injection", "bad-path-param", "bad-query-param", "wrong-content-type", "wrong-method", "out-of-range", "extreme-number");
    }

    @Test
    void aHandlerThatThrowsIsCaught() {
        assertThat(findings.violationsMentioning("POST /api/v1/planted/notes")).isNotEmpty()
                .allMatch(v -> v.contains("server error 500"));
    }

    @Test
    void aStateChangeOnInvalidInputIsCaught() {
        assertThat(findings.violationsMentioning("/api/v1/planted/ledgers/")).isNotEmpty()
                .anyMatch(v -> v.contains("changed state") && v.contains("test_ledger"));
    }

    @Test
    void anErrorThatIsNotProblemJsonIsCaught() {
        assertThat(findings.violationsMentioning("/api/v1/planted/search")).isNotEmpty()
                .allMatch(v -> v.contains("not problem+json"));
    }

    @Test
    void nothingElseIsReported() {
        assertThat(findings.violations()).allMatch(v -> v.contains("/api/v1/planted/"));
    }
}
