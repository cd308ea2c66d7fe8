package io.rectify.notification.service;

import io.rectify.contracts.EventJson;
import io.rectify.contracts.hazard.HazardSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming read of a stored snapshot's description gives what binding the whole snapshot gives. */
class ReminderFactsDescriptionTest {

    @Test
    void theDescriptionIsWhatTheBindingReads() {
        List<String> snapshots = List.of(
                "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"evidenceWarnings\":[\"A\",\"B\"],\"extra\":{\"x\":[1,{\"description\":\"nested\"}]},"
                        + "\"description\":\"储罐区 \\\"防火堤\\\" 破损\\n第二行\",\"grade\":\"MAJOR\"}",
                "{\"description\":null,\"grade\":\"GENERAL\"}",
                "{\"grade\":\"GENERAL\"}",
                "{\"description\":\"\\u50a8\\u7f50\",\"version\":3}");
        for (String json : snapshots) {
            assertThat(ReminderFacts.descriptionOf(json)).as(json).isEqualTo(EventJson.read(json, HazardSnapshot.class).description());
        }
        assertThat(ReminderFacts.descriptionOf(snapshots.get(0))).isEqualTo("储罐区 \"防火堤\" 破损\n第二行");
    }

    @Test
    void aSnapshotThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> ReminderFacts.descriptionOf("[1]")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ReminderFacts.descriptionOf("{\"description\":")).isInstanceOf(IllegalStateException.class);
    }
}
