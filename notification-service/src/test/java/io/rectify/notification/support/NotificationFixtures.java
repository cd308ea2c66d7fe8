package io.rectify.notification.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.platform.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;

/** The REST calls the tests make again and again, as ADMIN unless a token is given. */
public final class NotificationFixtures {

    public static final String ADMIN = bearer("ADMIN");

    private NotificationFixtures() {
    }

    public static void putContact(String level, String ref, Map<String, Object> body) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .put("/api/v1/contacts/{level}/{ref}", level, ref)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    public static Map<String, Object> email(String name, String address) {
        return Map.of("name", name, "email", address);
    }

    public static Map<String, Object> webhook(String name, String url, String secret) {
        return Map.of("name", name, "webhookUrl", url, "webhookSecret", secret);
    }

    /** Every notification of a hazard, in the order the ladder recorded them. */
    public static List<Map<String, Object>> notifications(UUID hazardId) {
        return given().header("Authorization", ADMIN).queryParam("hazardId", hazardId.toString()).queryParam("size", 500)
                .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** The chase of a hazard, or {@code null} while the consumer has not opened it. */
    public static JsonPath chase(UUID hazardId) {
        var response = given().header("Authorization", ADMIN).get("/api/v1/chases/{id}", hazardId);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    /** "STEP LEVEL CHANNEL" per notification, for exact-sequence assertions. */
    public static List<String> ladder(List<Map<String, Object>> notifications) {
        return notifications.stream().map(n -> n.get("step") + " " + n.get("level") + " " + n.get("channel")).toList();
    }
}
