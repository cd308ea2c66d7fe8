package io.rectify.notification.support;

import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.CreditCode;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.hazard.Actor;
import io.rectify.contracts.hazard.DeadlineExtended;
import io.rectify.contracts.hazard.HazardEvent;
import io.rectify.contracts.hazard.HazardReported;
import io.rectify.contracts.hazard.HazardSignedOff;
import io.rectify.contracts.hazard.HazardSnapshot;
import io.rectify.contracts.hazard.RectificationSubmitted;
import io.rectify.contracts.hazard.VerificationRejected;
import io.rectify.platform.testing.TopicProbe;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One hazard's life on {@code hazard.events}, published the way hazard-service's outbox relay would:
 * CloudEvents headers, key = hazard id, the snapshot in every event, a growing version.
 */
public final class HazardStory {

    public final UUID id = UUID.randomUUID();
    public final Place place;
    public final String grade;
    private final String topic;
    private final TopicProbe probe = new TopicProbe(RectifyTestResources.BOOTSTRAP);
    private Instant dueAt;
    private String status = "OPEN";
    private long version;
    private volatile UUID lastEventId;
    private String description = "leaking flange on tank T-3";

    /** A fresh county, city, province and enterprise, so tests never see each other's contacts or chases. */
    public record Place(String countyCode, String city, String province, String creditCode) {
        public static Place fresh() {
            String county = "5" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String first17 = "91" + county + "MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
            return new Place(county, "City-" + suffix, "Province-" + suffix, CreditCode.complete(first17));
        }
    }

    public HazardStory(String prefix, Place place, String grade, Instant dueAt) {
        this.topic = prefix + Topics.HAZARD_EVENTS;
        this.place = place;
        this.grade = grade;
        this.dueAt = dueAt;
    }

    /** What the hazard is: the description every message quotes. */
    public HazardStory describedAs(String description) {
        this.description = description;
        return this;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public HazardSnapshot snapshot() {
        return new HazardSnapshot(id, "SELF_CHECK", null, null, place.creditCode(), place.countyCode(), place.city(), place.province(),
                "RECTIFICATION_CLOSURE", grade, "MAJOR".equals(grade) ? "MHC-01" : null, description, status,
                Instant.now(), dueAt, false, "COUNTY", 0, 0, 0, null, "SIGNED_OFF".equals(status) ? Instant.now() : null, version);
    }

    public HazardStory reported() {
        return publish(next("OPEN"), s -> new HazardReported(s, Actor.SYSTEM, Instant.now()));
    }

    public HazardStory rectificationSubmitted() {
        return publish(next("PENDING_VERIFICATION"), s -> new RectificationSubmitted(s, Actor.SYSTEM, Instant.now(), "fixed", List.of()));
    }

    public HazardStory verificationRejected() {
        return publish(next("RECTIFYING"), s -> new VerificationRejected(s, Actor.SYSTEM, Instant.now(), "still leaking"));
    }

    public HazardStory deadlineExtended(Instant newDueAt) {
        Instant previous = dueAt;
        dueAt = newDueAt;
        return publish(next(status), s -> new DeadlineExtended(s, Actor.SYSTEM, Instant.now(), previous, newDueAt, "parts on order"));
    }

    public HazardStory signedOff() {
        return publish(next("SIGNED_OFF"), s -> new HazardSignedOff(s, Actor.SYSTEM, Instant.now(), "closed"));
    }

    /** Re-publishes an older version under a new event id (a late, out-of-order copy). */
    public HazardStory staleCopy(String staleStatus, long staleVersion) {
        String current = status;
        long currentVersion = version;
        status = staleStatus;
        version = staleVersion;
        HazardSnapshot stale = snapshot();
        status = current;
        version = currentVersion;
        return publish(stale, s -> new RectificationSubmitted(s, Actor.SYSTEM, Instant.now(), "late copy", List.of()));
    }

    /** The CloudEvents id of the event published last (what the consumer records as processed). */
    public UUID lastEventId() {
        return lastEventId;
    }

    public long version() {
        return version;
    }

    private HazardSnapshot next(String newStatus) {
        status = newStatus;
        version++;
        return snapshot();
    }

    private HazardStory publish(HazardSnapshot snapshot, java.util.function.Function<HazardSnapshot, HazardEvent> event) {
        HazardEvent payload = event.apply(snapshot);
        CloudEvent ce = new CloudEvent(UUID.randomUUID(), payload.cloudEventType(), "/hazard-service", id.toString(), Instant.now());
        probe.publish(topic, id.toString(), ce, EventJson.write(payload));
        lastEventId = ce.id();
        return this;
    }
}
