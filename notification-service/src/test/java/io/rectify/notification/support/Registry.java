package io.rectify.notification.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.contracts.inspection.EnterpriseRegistered;
import io.rectify.contracts.inspection.InspectionEvent;
import io.rectify.notification.domain.RegistryCounty;
import io.rectify.notification.domain.RegistryEnterprise;
import io.rectify.platform.testing.TopicProbe;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** The registry's events on {@code inspection.events}, published as inspection-service's relay would, and a wait until applied. */
public final class Registry {

    private Registry() {
    }

    /** Registers the place's county under {@code countyName} and its enterprise under {@code enterpriseName}, and waits until both are known. */
    public static void register(EntityManager em, HazardStory.Place place, String countyName, String enterpriseName) {
        publish(new CountyRegistered(place.countyCode(), countyName, place.city(), place.province(), "KEY", "ACTIVE", Instant.now()));
        publish(new EnterpriseRegistered(place.creditCode(), enterpriseName, place.countyCode(), null, true, null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                em.find(RegistryCounty.class, place.countyCode()) != null && em.find(RegistryEnterprise.class, place.creditCode()) != null));
    }

    public static void publish(InspectionEvent event) {
        CloudEvent ce = new CloudEvent(UUID.randomUUID(), event.cloudEventType(), "/inspection-service", event.aggregateId(), Instant.now());
        new TopicProbe(RectifyTestResources.BOOTSTRAP).publish(RectifyTestResources.prefix() + Topics.INSPECTION_EVENTS,
                event.aggregateId(), ce, EventJson.write(event));
    }
}
