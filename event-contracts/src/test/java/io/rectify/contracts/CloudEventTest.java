package io.rectify.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** The CloudEvents 1.0 binary-mode envelope: ce_* record headers, JSON value. */
class CloudEventTest {

    private static final CloudEvent EVENT = new CloudEvent(
            UUID.fromString("2d9b6f3e-4c1a-4e8b-9f7d-5a3c1e9b7d20"),
            "rectify.hazard.HazardReported.v1",
            "/hazard-service",
            "5b7d9f1a-3c5e-4a7b-8d9f-1b3d5f7a9c24",
            Instant.parse("2024-04-11T12:30:02.125Z"));

    @Test
    void writesTheHeadersOfContractsMd() {
        Map<String, String> headers = text(EVENT.headers());

        assertThat(headers).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", "2d9b6f3e-4c1a-4e8b-9f7d-5a3c1e9b7d20"),
                Map.entry("ce_type", "rectify.hazard.HazardReported.v1"),
                Map.entry("ce_source", "/hazard-service"),
                Map.entry("ce_subject", "5b7d9f1a-3c5e-4a7b-8d9f-1b3d5f7a9c24"),
                Map.entry("ce_time", "2024-04-11T12:30:02.125Z"),
                Map.entry("content-type", "application/json"));
    }

    @Test
    void readsBackWhatItWrote() {
        assertThat(CloudEvent.fromHeaders(EVENT.headers())).isEqualTo(EVENT);
    }

    @Test
    void theSubjectIsOptional() {
        CloudEvent withoutSubject = new CloudEvent(EVENT.id(), EVENT.type(), EVENT.source(), null, EVENT.time());

        assertThat(withoutSubject.headers()).doesNotContainKey(CloudEvent.H_SUBJECT);
        assertThat(CloudEvent.fromHeaders(withoutSubject.headers())).isEqualTo(withoutSubject);
    }

    @Test
    void ignoresHeadersItDoesNotKnow() {
        Map<String, byte[]> headers = new LinkedHashMap<>(EVENT.headers());
        headers.put("ce_traceparent", bytes("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        headers.put("dead-letter-reason", bytes("boom"));

        assertThat(CloudEvent.fromHeaders(headers)).isEqualTo(EVENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time"})
    void refusesARecordWithoutARequiredHeader(String header) {
        Map<String, byte[]> headers = new LinkedHashMap<>(EVENT.headers());
        headers.remove(header);

        assertThatIllegalArgumentException().isThrownBy(() -> CloudEvent.fromHeaders(headers))
                .withMessageContaining(header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id", "ce_type", "ce_source", "ce_time"})
    void refusesABlankRequiredHeader(String header) {
        Map<String, byte[]> headers = new LinkedHashMap<>(EVENT.headers());
        headers.put(header, bytes("  "));

        assertThatIllegalArgumentException().isThrownBy(() -> CloudEvent.fromHeaders(headers))
                .withMessageContaining(header);
    }

    @Test
    void refusesMalformedValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> CloudEvent.fromHeaders(with(CloudEvent.H_ID, "not-a-uuid")))
                .withMessageContaining("malformed");
        assertThatIllegalArgumentException().isThrownBy(() -> CloudEvent.fromHeaders(with(CloudEvent.H_TIME, "2024-04-11 12:30")))
                .withMessageContaining("malformed");
        assertThatIllegalArgumentException().isThrownBy(() -> CloudEvent.fromHeaders(with(CloudEvent.H_SPECVERSION, "0.3")))
                .withMessageContaining("ce_specversion");
    }

    @Test
    void requiresIdTypeSourceAndTime() {
        assertThatNullPointerException().isThrownBy(() -> new CloudEvent(null, EVENT.type(), EVENT.source(), null, EVENT.time()));
        assertThatNullPointerException().isThrownBy(() -> new CloudEvent(EVENT.id(), null, EVENT.source(), null, EVENT.time()));
        assertThatNullPointerException().isThrownBy(() -> new CloudEvent(EVENT.id(), EVENT.type(), null, null, EVENT.time()));
        assertThatNullPointerException().isThrownBy(() -> new CloudEvent(EVENT.id(), EVENT.type(), EVENT.source(), null, null));
    }

    @Test
    void namesTypesAfterDomainAndEvent() {
        assertThat(CloudEvent.typeOf("hazard", "HazardReported")).isEqualTo("rectify.hazard.HazardReported.v1");
        assertThat(CloudEvent.nameOf("rectify.scoring.CountyIndexChanged.v1")).isEqualTo("CountyIndexChanged");
        assertThat(CloudEvent.nameOf("rectify.hazard.HazardReported.v2")).isEqualTo("HazardReported");
        assertThat(CloudEvent.nameOf("Unversioned")).isEqualTo("Unversioned");
        assertThat(CloudEvent.nameOf(null)).isNull();
    }

    private static Map<String, byte[]> with(String header, String value) {
        Map<String, byte[]> headers = new LinkedHashMap<>(EVENT.headers());
        headers.put(header, bytes(value));
        return headers;
    }

    private static Map<String, String> text(Map<String, byte[]> headers) {
        Map<String, String> text = new LinkedHashMap<>();
        headers.forEach((name, value) -> text.put(name, new String(value, StandardCharsets.UTF_8)));
        return text;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
