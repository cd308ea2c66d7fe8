package io.rectify.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectify.contracts.hazard.HazardEvent;
import io.rectify.contracts.inspection.InspectionEvent;
import io.rectify.contracts.notification.NotificationEvent;
import io.rectify.contracts.scoring.CountyIndexDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every event payload of the contracts module, found from the code (the sealed event interfaces of
 * each producer, plus the county index document) rather than from a hand-kept list, so a new event
 * record is picked up by every contract test without touching them.
 */
final class EventCatalog {

    /** One kind of event: its record and where its schema and golden fixture live. */
    record EventKind(Class<? extends EventPayload> type, String domain, String name, String cloudEventType) {

        /** The major version of the type, {@code v1} in {@code rectify.hazard.HazardReported.v1}. */
        String version() {
            return cloudEventType.substring(cloudEventType.lastIndexOf('.') + 1);
        }

        String schemaPath() {
            return "schemas/" + domain + "/" + name + "." + version() + ".schema.json";
        }

        String fixturePath() {
            return "fixtures/" + domain + "/" + name + "." + version() + ".json";
        }

        /** Its key under components.messages of asyncapi.yaml: the name, with the version from v2 on. */
        String messageKey() {
            return version().equals("v1") ? name : name + "." + version();
        }

        /** The golden fixture as a JSON tree. */
        ObjectNode fixture() {
            return (ObjectNode) EventCatalog.readTree(fixturePath());
        }

        String fixtureText() {
            return EventCatalog.text(fixturePath());
        }

        @Override
        public String toString() {
            return name + "." + version();
        }
    }

    private EventCatalog() {
    }

    static List<EventKind> all() {
        List<Class<? extends EventPayload>> types = new ArrayList<>();
        for (Class<?> root : List.of(InspectionEvent.class, HazardEvent.class, NotificationEvent.class)) {
            collectRecords(root, types);
        }
        types.add(CountyIndexDocument.class);
        types.add(io.rectify.contracts.audit.AuditCheckpoint.class);
        return types.stream()
                .map(EventCatalog::kindOf)
                .sorted(Comparator.comparing(EventKind::cloudEventType))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static void collectRecords(Class<?> sealed, List<Class<? extends EventPayload>> into) {
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isRecord()) {
                into.add((Class<? extends EventPayload>) sub);
            } else if (sub.isSealed()) {
                collectRecords(sub, into);
            } else {
                throw new AssertionError(sub + " is neither a record nor sealed: event payloads are records");
            }
        }
    }

    /**
     * Asks the record itself for its domain and event name, through an instance built with default
     * component values: the names live in the code (e.g. CountyIndexDocument's event name), not here.
     */
    private static EventKind kindOf(Class<? extends EventPayload> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        Object[] defaults = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            defaults[i] = parameterTypes[i].isPrimitive() ? Array.get(Array.newInstance(parameterTypes[i], 1), 0) : null;
        }
        try {
            EventPayload blank = type.getDeclaredConstructor(parameterTypes).newInstance(defaults);
            return new EventKind(type, blank.domain(), blank.eventName(), blank.cloudEventType());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build a blank " + type.getSimpleName(), e);
        }
    }

    static String text(String classpathResource) {
        try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new AssertionError("missing classpath resource " + classpathResource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readTree(String classpathResource) {
        try {
            return EventJson.mapper().readTree(text(classpathResource));
        } catch (IOException e) {
            throw new UncheckedIOException(classpathResource, e);
        }
    }

    static boolean exists(String classpathResource) {
        return EventCatalog.class.getClassLoader().getResource(classpathResource) != null;
    }
}
