package io.rectify.scenarios.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.contracts.CreditCode;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.hazard.HazardReported;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generators the benchmarks and the reliability suite share: seeded, valid, realistic. */
class GeneratorsTest {

    private static final Instant ORIGIN = Instant.parse("2026-11-28T00:00:00Z");

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        List<SyntheticCounty> counties = SyntheticCounty.of("RB", 10);
        assertThat(take(new HazardEventGenerator(7, counties, ORIGIN, 300), 500))
                .isEqualTo(take(new HazardEventGenerator(7, counties, ORIGIN, 300), 500))
                .isNotEqualTo(take(new HazardEventGenerator(8, counties, ORIGIN, 300), 500));
    }

    @Test
    void eachHazardStartsWithItsReportAndItsVersionsGrowByOne() {
        HazardEventGenerator generator = new HazardEventGenerator(7, SyntheticCounty.of("RB", 10), ORIGIN, 300);
        Map<String, Long> lastVersion = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            GeneratedEvent e = generator.next();
            long version = EventJson.read(e.json(), JsonNode.class).path("hazard").path("version").asLong();
            Long previous = lastVersion.put(e.key(), version);
            if (previous == null) {
                assertThat(e.attributes().type()).isEqualTo(CloudEventTypes.REPORTED);
                assertThat(EventJson.read(e.json(), HazardReported.class).hazard().reportedAt()).isBefore(ORIGIN);
                assertThat(version).isZero();
            } else {
                assertThat(version).isEqualTo(previous + 1);
            }
        }
        assertThat(generator.hazards()).isBetween(1_000L, 3_000L); // a few events per hazard on average
    }

    @Test
    void enterprisesHaveValidCreditCodesNamingTheirCounty() {
        SyntheticCounty numeric = SyntheticCounty.of("97", 1).get(0);
        assertThat(numeric.code()).isEqualTo("970000");
        for (int i = 0; i < 1_000; i++) {
            assertThat(CreditCode.isValid(numeric.enterprise(i))).isTrue();
            assertThat(numeric.enterprise(i).substring(2, 8)).isEqualTo("970000");
        }
        assertThat(CreditCode.isValid(SyntheticCounty.of("FAB12", 1).get(0).enterprise(42))).isTrue();
    }

    private static List<String> take(HazardEventGenerator generator, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            GeneratedEvent e = generator.next();
            out.add(e.attributes().id() + " " + e.key() + " " + e.json());
        }
        return out;
    }

    private static final class CloudEventTypes {
        static final String REPORTED = "rectify.hazard.HazardReported.v1";
    }
}
