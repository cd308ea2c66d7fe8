package io.rectify.notification;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CreditCode;
import io.rectify.notification.service.ChaseSweep;
import io.rectify.notification.support.HazardStory;
import io.rectify.notification.support.RectifyTestResources;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.rectify.notification.support.NotificationFixtures.email;
import static io.rectify.notification.support.NotificationFixtures.notifications;
import static io.rectify.notification.support.NotificationFixtures.putContact;
import static io.rectify.notification.support.Waits.chaseAtVersion;
import static io.rectify.platform.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Roles (401/403), data scope (404 and filtered lists), and bad input that is never a 500. */
@QuarkusTest
@WithTestResource(RectifyTestResources.class)
class AccessTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    ChaseSweep sweep;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    HazardStory.Place place;
    HazardStory hazard;
    String enterpriseNotification;
    String countyNotification;

    /** A hazard of a fresh county made overdue: a delivered enterprise email and a county notification without contact. */
    @BeforeEach
    void overdueHazard() {
        place = HazardStory.Place.fresh();
        putContact("ENTERPRISE", place.creditCode(), email("Safety officer", "officer-" + place.countyCode() + "@enterprise.test"));
        Instant due = Instant.now().plus(Duration.ofDays(1));
        hazard = new HazardStory(prefix, place, "GENERAL", due).reported();
        chaseAtVersion(hazard.id, 1);
        sweep.sweep(due.plusSeconds(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(hazard.id).stream().anyMatch(n -> "SENT".equals(n.get("status"))));
        List<Map<String, Object>> all = notifications(hazard.id);
        enterpriseNotification = (String) all.stream().filter(n -> "ENTERPRISE".equals(n.get("level"))).findFirst().orElseThrow().get("id");
        countyNotification = (String) all.stream().filter(n -> "COUNTY".equals(n.get("level"))).findFirst().orElseThrow().get("id");
    }

    String countyRegulator() {
        return bearer("COUNTY_REGULATOR", "county", place.countyCode(), "city", place.city(), "province", place.province());
    }

    String enterprise() {
        return bearer("ENTERPRISE", "creditCode", place.creditCode());
    }

    @Test
    void withoutATokenEverythingUnderApiIs401() {
        given().get("/api/v1/chases").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/chases/" + hazard.id).then().statusCode(401);
        given().get("/api/v1/notifications").then().statusCode(401);
        given().post("/api/v1/notifications/" + enterpriseNotification + "/ack").then().statusCode(401);
        given().get("/api/v1/contacts").then().statusCode(401);
        given().contentType(ContentType.JSON).body(email("x", "x@y.test")).put("/api/v1/contacts/COUNTY/" + place.countyCode()).then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/api/v1/chases").then().statusCode(401);
    }

    @Test
    void aWrongRoleIs403() {
        given().header("Authorization", bearer("EXPERT")).get("/api/v1/notifications").then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", bearer("EXPERT")).get("/api/v1/contacts").then().statusCode(403);
        given().header("Authorization", enterprise()).get("/api/v1/contacts").then().statusCode(403);
        given().header("Authorization", enterprise()).contentType(ContentType.JSON).body(email("Me", "me@enterprise.test"))
                .put("/api/v1/contacts/ENTERPRISE/" + place.creditCode()).then().statusCode(403);
        given().header("Authorization", bearer("AGENCY_SYSTEM")).contentType(ContentType.JSON).body(email("x", "x@y.test"))
                .put("/api/v1/contacts/COUNTY/" + place.countyCode()).then().statusCode(403);
    }

    @Test
    void regulatorsSeeTheirJurisdictionAndOthersGet404OrNothing() {
        String otherCounty = bearer("COUNTY_REGULATOR", "county", "599999");
        given().header("Authorization", countyRegulator()).get("/api/v1/chases/" + hazard.id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("overdue", is(false)).body("countyCode", equalTo(place.countyCode()));
        given().header("Authorization", otherCounty).get("/api/v1/chases/" + hazard.id).then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", otherCounty).queryParam("hazardId", hazard.id.toString()).get("/api/v1/notifications")
                .then().statusCode(200).body("total", is(0));
        given().header("Authorization", otherCounty).queryParam("county", place.countyCode()).get("/api/v1/chases")
                .then().statusCode(200).body("total", is(0));
        given().header("Authorization", countyRegulator()).queryParam("hazardId", hazard.id.toString()).get("/api/v1/notifications")
                .then().statusCode(200).body("total", is(2)).body("items.level", hasItem("COUNTY"));
        given().header("Authorization", bearer("CITY_REGULATOR", "city", place.city(), "province", place.province()))
                .queryParam("county", place.countyCode()).get("/api/v1/chases").then().statusCode(200).body("total", is(1));
        given().header("Authorization", bearer("PROVINCE_REGULATOR", "province", place.province()))
                .queryParam("hazardId", hazard.id.toString()).get("/api/v1/notifications").then().statusCode(200).body("total", is(2));
        given().header("Authorization", bearer("AGENCY_SYSTEM")).queryParam("hazardId", hazard.id.toString()).get("/api/v1/notifications")
                .then().statusCode(200).body("total", is(2)).body("items[0].attempts", notNullValue());
    }

    @Test
    void anEnterpriseReadsAndAcknowledgesOnlyWhatWasAddressedToIt() {
        given().header("Authorization", enterprise()).queryParam("hazardId", hazard.id.toString()).get("/api/v1/notifications")
                .then().statusCode(200).body("total", is(1)).body("items[0].level", equalTo("ENTERPRISE"));
        given().header("Authorization", enterprise()).get("/api/v1/chases/" + hazard.id).then().statusCode(200);
        String otherEnterprise = bearer("ENTERPRISE", "creditCode", CreditCode.complete("91510781MA0000001"));
        given().header("Authorization", otherEnterprise).get("/api/v1/chases/" + hazard.id).then().statusCode(404);
        given().header("Authorization", otherEnterprise).post("/api/v1/notifications/" + enterpriseNotification + "/ack").then().statusCode(404);
        given().header("Authorization", enterprise()).post("/api/v1/notifications/" + countyNotification + "/ack").then().statusCode(404);

        String first = given().header("Authorization", enterprise()).post("/api/v1/notifications/" + enterpriseNotification + "/ack")
                .then().statusCode(200).body("acknowledgedBy", equalTo("test-enterprise")).extract().path("acknowledgedAt");
        given().header("Authorization", enterprise()).post("/api/v1/notifications/" + enterpriseNotification + "/ack")
                .then().statusCode(200).body("acknowledgedAt", equalTo(first));
        // the county had no contact: nothing was delivered, so there is nothing to acknowledge
        given().header("Authorization", countyRegulator()).post("/api/v1/notifications/" + countyNotification + "/ack")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void regulatorsManageContactsInTheirScopeAndSecretsAreNeverShown() {
        String path = "/api/v1/contacts/COUNTY/" + place.countyCode();
        Map<String, Object> hook = Map.of("name", "County office", "webhookUrl", "https://county.example/hook", "webhookSecret", "s3cret-s3cret-s3cret");
        given().header("Authorization", countyRegulator()).contentType(ContentType.JSON).body(hook).put(path)
                .then().statusCode(201).header("Location", containsString(path)).header("ETag", notNullValue());
        given().header("Authorization", countyRegulator()).get(path).then().statusCode(200)
                .body("webhookSecret", nullValue()).body("webhookSecretSet", is(true)).body("webhookUrl", equalTo("https://county.example/hook"));
        given().header("Authorization", countyRegulator()).header("If-Match", "\"99\"").contentType(ContentType.JSON).body(hook).put(path)
                .then().statusCode(412).contentType(PROBLEM);
        String etag = given().header("Authorization", countyRegulator()).get(path).then().extract().header("ETag");
        given().header("Authorization", countyRegulator()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("name", "County office", "email", "office@county.test")).put(path)
                .then().statusCode(200).body("email", equalTo("office@county.test")).body("webhookSecretSet", is(false));

        given().header("Authorization", bearer("COUNTY_REGULATOR", "county", "599999")).contentType(ContentType.JSON).body(hook).put(path)
                .then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", bearer("COUNTY_REGULATOR", "county", "599999")).get(path).then().statusCode(404);
        // the city's province is known from the hazard snapshots: its province regulator may set the city contact
        given().header("Authorization", bearer("PROVINCE_REGULATOR", "province", place.province())).contentType(ContentType.JSON)
                .body(email("City desk", "desk@city.test")).put("/api/v1/contacts/CITY/" + place.city()).then().statusCode(201);
        given().header("Authorization", bearer("CITY_REGULATOR", "city", place.city())).contentType(ContentType.JSON)
                .body(email("Province", "p@province.test")).put("/api/v1/contacts/PROVINCE/" + place.province()).then().statusCode(404);
        given().header("Authorization", countyRegulator()).queryParam("level", "COUNTY").get("/api/v1/contacts")
                .then().statusCode(200).body("items.ref", hasItem(place.countyCode())).body("items.webhookSecret", everyItemNull());
    }

    @Test
    void anEnterpriseContactBelongsToTheCountyOfItsHazardsNotToItsCreditCodeDigits() {
        // an economic-zone county has no division code of its own: its enterprises' codes carry the city's
        String zone = "ZONE" + place.countyCode();
        String zoneEnterprise = CreditCode.complete("91" + place.countyCode() + "MB" + "0000001");
        HazardStory.Place inZone = new HazardStory.Place(zone, place.city(), place.province(), zoneEnterprise);
        HazardStory zoneHazard = new HazardStory(prefix, inZone, "GENERAL", Instant.now().plus(Duration.ofDays(2))).reported();
        chaseAtVersion(zoneHazard.id, 1);
        String path = "/api/v1/contacts/ENTERPRISE/" + zoneEnterprise;
        given().header("Authorization", countyRegulator()).contentType(ContentType.JSON)
                .body(email("Wrong county", "x@county.test")).put(path).then().statusCode(404);
        given().header("Authorization", bearer("COUNTY_REGULATOR", "county", zone, "city", place.city(), "province", place.province()))
                .contentType(ContentType.JSON).body(email("Zone officer", "officer@zone.test")).put(path)
                .then().statusCode(201);
    }

    @Test
    void badInputIsA4xxProblemNeverA500() {
        String admin = bearer("ADMIN");
        given().header("Authorization", admin).contentType(ContentType.JSON).body(email("x", "x@y.test"))
                .put("/api/v1/contacts/GALAXY/x").then().statusCode(404).contentType(PROBLEM);
        String badCode = place.creditCode().substring(0, 17) + (place.creditCode().charAt(17) == '0' ? '1' : '0');
        given().header("Authorization", admin).contentType(ContentType.JSON).body(email("x", "x@y.test"))
                .put("/api/v1/contacts/ENTERPRISE/" + badCode).then().statusCode(422).body("errors[0].field", equalTo("ref"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(email("x", "x@y.test"))
                .put("/api/v1/contacts/COUNTY/lower").then().statusCode(422);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(email("x", "not-an-address"))
                .put("/api/v1/contacts/COUNTY/" + place.countyCode()).then().statusCode(422).body("errors[0].field", equalTo("email"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("name", "x", "webhookUrl", "https://a.example/h"))
                .put("/api/v1/contacts/PROVINCE/Nowhere-" + place.countyCode()).then().statusCode(422).body("errors[0].field", equalTo("webhookSecret"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("name", "x", "webhookUrl", "ftp://a", "webhookSecret", "0123456789abcdef"))
                .put("/api/v1/contacts/PROVINCE/Nowhere").then().statusCode(422);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("name", "nobody"))
                .put("/api/v1/contacts/PROVINCE/Nowhere").then().statusCode(422);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("email", "a@b.test"))
                .put("/api/v1/contacts/PROVINCE/Nowhere").then().statusCode(422).body("errors[0].field", equalTo("name"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"name\": ")
                .put("/api/v1/contacts/PROVINCE/Nowhere").then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", admin).queryParam("level", "SKY").get("/api/v1/chases").then().statusCode(422).contentType(PROBLEM);
        given().header("Authorization", admin).queryParam("overdue", "maybe").get("/api/v1/chases").then().statusCode(422);
        given().header("Authorization", admin).queryParam("size", 1000).get("/api/v1/chases").then().statusCode(422);
        given().header("Authorization", admin).queryParam("hazardId", "nope").get("/api/v1/notifications").then().statusCode(422);
        given().header("Authorization", admin).queryParam("status", "LOST").get("/api/v1/notifications").then().statusCode(422);
        given().header("Authorization", admin).queryParam("channel", "PIGEON").get("/api/v1/notifications").then().statusCode(422);
        given().header("Authorization", admin).get("/api/v1/chases/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", admin).post("/api/v1/notifications/xyz/ack").then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", admin).queryParam("level", "GALAXY").get("/api/v1/contacts").then().statusCode(422);
        // enum names ignore case, as in every service (platform QueryValues)
        given().header("Authorization", admin).queryParam("level", "city").get("/api/v1/chases").then().statusCode(200);
        given().header("Authorization", admin).queryParam("channel", "email").get("/api/v1/notifications").then().statusCode(200);
    }

    /** The page past every int offset: an empty page (the offset is a long), never a 500; one past an int is a 422. */
    @Test
    void theLastIntPageIsAnEmptyPage() {
        String admin = bearer("ADMIN");
        for (String list : List.of("/api/v1/notifications", "/api/v1/chases", "/api/v1/contacts")) {
            given().header("Authorization", admin).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get(list).then()
                    .statusCode(200).body("items.size()", is(0)).body("page", is(Integer.MAX_VALUE)).body("size", is(500));
            given().header("Authorization", admin).queryParam("page", "2147483648").get(list).then()
                    .statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("page"));
        }
    }

    static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemNull() {
        return org.hamcrest.Matchers.everyItem(nullValue());
    }
}
