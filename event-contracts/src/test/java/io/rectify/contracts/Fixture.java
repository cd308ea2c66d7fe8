package io.rectify.contracts;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** A golden fixture changed in one place, to show what its schema refuses. */
final class Fixture {

    private final EventCatalog.EventKind kind;
    private final ObjectNode json;

    private Fixture(EventCatalog.EventKind kind) {
        this.kind = kind;
        this.json = kind.fixture();
    }

    static Fixture of(String eventName) {
        return new Fixture(EventCatalog.all().stream()
                .filter(k -> k.name().equals(eventName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event " + eventName)));
    }

    Fixture set(String pointer, Object value) {
        JsonPointer at = JsonPointer.compile(pointer);
        parent(at).set(at.last().getMatchingProperty(), EventJson.mapper().valueToTree(value));
        return this;
    }

    Fixture remove(String pointer) {
        JsonPointer at = JsonPointer.compile(pointer);
        if (parent(at).remove(at.last().getMatchingProperty()) == null) {
            throw new AssertionError(pointer + " is not in the fixture of " + kind.name());
        }
        return this;
    }

    /** What the event's schema says about the changed fixture; empty when it is valid. */
    List<String> problems() {
        return JsonSchemas.problems(kind.schemaPath(), json);
    }

    private ObjectNode parent(JsonPointer at) {
        JsonNode parent = json.at(at.head());
        if (!(parent instanceof ObjectNode object)) {
            throw new AssertionError(at + " has no object parent in the fixture of " + kind.name());
        }
        return object;
    }
}
