package io.rectify.scoring.dashboard;

import io.rectify.contracts.EventJson;
import io.rectify.contracts.notification.ChaseClosed;
import io.rectify.contracts.notification.EscalationRaised;
import io.rectify.contracts.notification.NotificationFailed;
import io.rectify.contracts.scoring.CountyIndexDocument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardViewTest {

    private static final Instant T0 = Instant.parse("2024-06-01T08:00:00Z");

    @Test
    void aCountyKeepsItsLatestIndexWhateverOrderTheRecordsComeIn() {
        DashboardView view = new DashboardView(10);
        assertThat(view.applyIndex(county("510781", "71.5", 2024, T0))).isTrue();
        assertThat(view.applyIndex(county("510781", "80.0", 2024, T0.plusSeconds(60)))).isTrue();
        assertThat(view.applyIndex(county("510781", "60.0", 2024, T0.plusSeconds(30)))).as("an older answer").isFalse();
        assertThat(view.applyIndex(county("510781", "80.0", 2024, T0.plusSeconds(60)))).as("the same answer again").isFalse();
        assertThat(view.applyIndex(county("510781", "99.0", 2023, T0.plusSeconds(600)))).as("a past period").isFalse();
        assertThat(view.applyIndex(county("510781", "40.0", 2025, T0.plusSeconds(90)))).as("the next period").isTrue();
        assertThat(view.snapshot(T0).counties()).singleElement().satisfies(c -> {
            assertThat(c.index()).isEqualByComparingTo("40.0");
            assertThat(c.period()).isEqualTo(2025);
        });
        assertThat(view.removeCounty("510781")).isTrue();
        assertThat(view.removeCounty("510781")).isFalse();
        assertThat(view.countyCount()).isZero();
    }

    @Test
    void theSnapshotRanksByIndexWithCountiesWithoutDataLast() {
        DashboardView view = new DashboardView(10);
        view.applyIndex(county("B", "70.0", 2024, T0));
        view.applyIndex(county("A", null, 2024, T0));
        view.applyIndex(county("C", "90.5", 2024, T0));
        view.applyIndex(county("D", "70.0", 2024, T0));
        assertThat(view.snapshot(T0).counties()).extracting(DashboardCounty::countyCode).containsExactly("C", "B", "D", "A");
    }

    @Test
    void notificationsAreKeptOnceNewestFirstAndBounded() {
        DashboardView view = new DashboardView(3);
        List<DashboardNotification> sent = List.of(failed(T0.plusSeconds(1)), failed(T0.plusSeconds(2)), failed(T0.plusSeconds(3)));
        sent.forEach(n -> assertThat(view.applyNotification(n)).isTrue());
        assertThat(view.applyNotification(sent.get(1))).as("a redelivery").isFalse();
        assertThat(view.applyNotification(failed(T0))).as("older than everything kept").isFalse();
        DashboardNotification newest = failed(T0.plusSeconds(10));
        assertThat(view.applyNotification(newest)).isTrue();
        assertThat(view.snapshot(T0).notifications()).extracting(DashboardNotification::eventId)
                .containsExactly(newest.eventId(), sent.get(2).eventId(), sent.get(1).eventId());
    }

    @Test
    void overdueHazardsShowTheLevelTheirChaseReachedUntilItCloses() {
        DashboardView view = new DashboardView(10);
        UUID hazard = UUID.randomUUID();
        OverdueMajorHazards facts = new OverdueMajorHazards(List.of(new OverdueMajorHazard(hazard, "510781", "OPEN", T0, null, null)), 1, T0);
        assertThat(view.applyOverdue(facts)).isTrue();
        assertThat(view.applyOverdue(new OverdueMajorHazards(facts.items(), 1, T0.plusSeconds(5)))).as("only the refresh time moved").isFalse();

        DashboardNotification escalation = DashboardNotification.of(UUID.randomUUID(), new EscalationRaised(UUID.randomUUID(), hazard,
                "510781", "91510781MA6CX4U14R", "MAJOR", "ESCALATE_CITY", "CITY", "EMAIL", "safety@mianyang.example", T0, T0.plusSeconds(9)));
        view.applyNotification(escalation);
        assertThat(view.concernsOverdue(escalation)).isTrue();
        assertThat(view.applyOverdue(facts)).isTrue();
        assertThat(view.overdue().items()).singleElement().satisfies(h -> {
            assertThat(h.escalationLevel()).isEqualTo("CITY");
            assertThat(h.enterpriseCreditCode()).isEqualTo("91510781MA6CX4U14R");
        });

        view.applyNotification(DashboardNotification.of(UUID.randomUUID(), new ChaseClosed(hazard, "510781", "SIGNED_OFF", T0.plusSeconds(20))));
        assertThat(view.applyOverdue(facts)).isTrue();
        assertThat(view.overdue().items().get(0).escalationLevel()).isNull();
    }

    @Test
    void whatTheDashboardShowsOfANotificationNamesNoRecipient() {
        String json = EventJson.write(DashboardNotification.of(UUID.randomUUID(), new EscalationRaised(UUID.randomUUID(), UUID.randomUUID(),
                "510781", "91510781MA6CX4U14R", "MAJOR", "ESCALATE_PROVINCE", "PROVINCE", "WEBHOOK",
                "https://hooks.sichuan.example/secret-path", T0, T0)));
        assertThat(json).contains("\"level\":\"PROVINCE\"").doesNotContain("hooks.sichuan.example").doesNotContain("recipient");
        String failure = EventJson.write(DashboardNotification.of(UUID.randomUUID(), new NotificationFailed(UUID.randomUUID(), UUID.randomUUID(),
                "510781", "OVERDUE", "COUNTY", "EMAIL", "DELIVERY_FAILED", "550 mailbox zhang.san@example.cn unknown", T0)));
        assertThat(failure).contains("DELIVERY_FAILED").doesNotContain("zhang.san");
    }

    private static DashboardCounty county(String code, String index, int period, Instant computedAt) {
        CountyIndexDocument doc = new CountyIndexDocument(code, "County " + code, period, "2024.1", index == null ? null : new BigDecimal(index),
                index == null ? "NO_DATA" : null, null, List.of(), List.of(), false, computedAt);
        return DashboardCounty.of(doc, "City");
    }

    private static DashboardNotification failed(Instant at) {
        return DashboardNotification.of(UUID.randomUUID(), new NotificationFailed(UUID.randomUUID(), UUID.randomUUID(), "510781", "OVERDUE",
                "COUNTY", "NONE", "NO_CONTACT", null, at));
    }
}
