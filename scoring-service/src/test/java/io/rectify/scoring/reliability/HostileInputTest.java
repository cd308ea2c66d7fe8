package io.rectify.scoring.reliability;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.testing.reliability.Findings;
import io.rectify.platform.testing.reliability.HostileInputSuite;
import io.rectify.scoring.support.CountyStory;
import io.rectify.scoring.support.ScoringTestBase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.rectify.scoring.support.ScoringFixtures.awaitIndex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R4 for scoring-service: hostile requests generated from its own OpenAPI document over every
 * endpoint (reads aimed at a real county and the shipped rubric). Zero 5xx, every refusal
 * problem+json, no state change in any table (outbox included).
 */
@QuarkusTest
class HostileInputTest extends ScoringTestBase {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void hostileRequestsAreRefusedWithoutAStateChange() {
        CountyStory county = CountyStory.create();
        upstream.publish(county.registered());
        upstream.publish(county.enterprise(CountyStory.newCreditCode()));
        awaitIndex(county.code, "0.0");

        Findings findings = HostileInputSuite.against(base)
                .database(dataSource)
                .pathValues(Map.of("code", county.code, "version", "2024.1"))
                .run().print();

        assertThat(findings.violations()).isEmpty();
        assertThat(findings.operations()).isGreaterThanOrEqualTo(8);
        assertThat(findings.sent()).isGreaterThan(200);
        assertThat(findings.perCategory()).as("0, -1, 2^31-1, 2^31, 2^63-1, 1e309, NaN in every numeric query parameter").containsKey("extreme-number");
    }
}
