package io.rectify.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void namesTheFourTopicsOfTheContract() {
        assertThat(new String[] {Topics.INSPECTION_EVENTS, Topics.HAZARD_EVENTS, Topics.COUNTY_INDEX, Topics.NOTIFICATION_EVENTS})
                .containsExactly("inspection.events", "hazard.events", "county.index", "notification.events");
        assertThat(Topics.PARTITIONS).isEqualTo(6);
    }

    @Test
    void deadLetterTopicsAreTopicThenConsumerThenDlq() {
        assertThat(Topics.deadLetter(Topics.HAZARD_EVENTS, "scoring")).isEqualTo("hazard.events.scoring.dlq");
        assertThat(Topics.deadLetter(Topics.INSPECTION_EVENTS, "hazard")).isEqualTo("inspection.events.hazard.dlq");
        assertThat(Topics.deadLetter("test-42." + Topics.HAZARD_EVENTS, "notification"))
                .as("a prefixed test topic keeps its prefix").isEqualTo("test-42.hazard.events.notification.dlq");
    }
}
