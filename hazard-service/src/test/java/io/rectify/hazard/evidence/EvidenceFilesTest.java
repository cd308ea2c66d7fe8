package io.rectify.hazard.evidence;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.hazard.RectificationSubmitted;
import io.rectify.contracts.inspection.Evidence;
import io.rectify.contracts.inspection.FindingConfirmed;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.testing.SamplePhotos;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.act;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.assertProblem;
import static io.rectify.hazard.support.HazardFixtures.countyRegulator;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static io.rectify.hazard.support.HazardFixtures.plan;
import static io.rectify.hazard.support.HazardFixtures.rectificationWith;
import static io.rectify.hazard.support.HazardFixtures.type;
import static io.rectify.hazard.support.HazardFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Evidence files on the real PostgreSQL store: what goes in, what comes out, what they may close, who reads them. */
@QuarkusTest
class EvidenceFilesTest extends HazardTestBase {

    static final String EVIDENCE = "/api/v1/evidence";

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void everyMediaTypeRoundTripsByteForByteWithItsHash() throws Exception {
        String me = enterprise(newCreditCode());
        Map<String, byte[]> files = Map.of("image/jpeg", SamplePhotos.jpeg(), "image/png", SamplePhotos.png(), "image/webp", SamplePhotos.webp(),
                "image/heic", SamplePhotos.heic(), "application/pdf", SamplePhotos.pdf(), "video/mp4", SamplePhotos.mp4());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String sha = sha256(file.getValue());
            Response created = RestAssured.given().header("Authorization", me).contentType(file.getKey())
                    .header("X-Content-SHA256", sha).body(file.getValue()).post(EVIDENCE);
            created.then().statusCode(201).body("sha256", equalTo(sha), "size", equalTo(file.getValue().length),
                    "mediaType", equalTo(file.getKey()), "uploadedBy", equalTo("test-enterprise"));
            String id = created.path("id");
            assertThat(created.header("Location")).endsWith(EVIDENCE + "/" + id);

            Response got = RestAssured.given().header("Authorization", me).get(EVIDENCE + "/" + id);
            got.then().statusCode(200).contentType(file.getKey()).header("ETag", "\"" + sha + "\"")
                    .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;"));
            assertThat(got.asByteArray()).as(file.getKey()).isEqualTo(file.getValue());
            RestAssured.given().header("Authorization", me).get(EVIDENCE + "/" + id + "/meta").then().statusCode(200)
                    .body("id", equalTo(id), "sha256", equalTo(sha), "mediaType", equalTo(file.getKey()));
        }
        // multipart/form-data: the part's name and type are the declared ones
        byte[] photo = SamplePhotos.jpeg();
        RestAssured.given().header("Authorization", me).multiPart("file", "valve-after.jpg", photo, "image/jpeg").post(EVIDENCE)
                .then().statusCode(201).body("fileName", equalTo("valve-after.jpg"), "sha256", equalTo(sha256(photo)), "mediaType", equalTo("image/jpeg"));
    }

    @Test
    void theSameBytesAreStoredOnce() throws Exception {
        String me = enterprise(newCreditCode());
        byte[] photo = SamplePhotos.png();
        String first = upload(me, photo, "image/png");
        String second = upload(me, photo, "image/png");
        assertThat(first).isNotEqualTo(second);
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("select count(*) from evidence_blob where sha256 = ?")) {
            s.setString(1, sha256(photo));
            var r = s.executeQuery();
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1);
        }
    }

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void aDeclaredHashThatDiffersIs422() {
        byte[] photo = SamplePhotos.png();
        RestAssured.given().header("Authorization", enterprise(newCreditCode())).contentType("image/png")
                .header("X-Content-SHA256", "0".repeat(64)).body(photo).post(EVIDENCE)
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("X-Content-SHA256"));
    }

    @Test
    void anExecutableWithAnImageNameIs415() {
        String me = enterprise(newCreditCode());
        RestAssured.given().header("Authorization", me).contentType("image/jpeg").header("Content-Disposition", "attachment; filename=\"photo.jpg\"")
                .body(SamplePhotos.executable()).post(EVIDENCE).then().statusCode(415).contentType("application/problem+json");
        RestAssured.given().header("Authorization", me).multiPart("file", "photo.jpg", SamplePhotos.executable(), "image/jpeg").post(EVIDENCE)
                .then().statusCode(415).contentType("application/problem+json");
        // a real photo declared as another type, or named as one, is refused too
        RestAssured.given().header("Authorization", me).contentType("image/jpeg").body(SamplePhotos.png()).post(EVIDENCE).then().statusCode(415);
        RestAssured.given().header("Authorization", me).multiPart("file", "report.pdf", SamplePhotos.png(), "application/octet-stream").post(EVIDENCE)
                .then().statusCode(415);
    }

    @Test
    void aRangeIsServedAsPartialContent() {
        String me = enterprise(newCreditCode());
        byte[] pdf = SamplePhotos.pdf();
        String id = upload(me, pdf, "application/pdf");
        Response part = RestAssured.given().header("Authorization", me).header("Range", "bytes=10-19").get(EVIDENCE + "/" + id);
        part.then().statusCode(206).header("Content-Range", "bytes 10-19/" + pdf.length).header("Content-Length", "10");
        assertThat(part.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(pdf, 10, 20));
        Response tail = RestAssured.given().header("Authorization", me).header("Range", "bytes=-5").get(EVIDENCE + "/" + id);
        assertThat(tail.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(pdf, pdf.length - 5, pdf.length));
        RestAssured.given().header("Authorization", me).header("Range", "bytes=" + pdf.length + "-").get(EVIDENCE + "/" + id)
                .then().statusCode(416).header("Content-Range", "bytes */" + pdf.length);
    }

    @Test
    void exifCaptureTimeAndPositionAreServed() {
        byte[] photo = SamplePhotos.jpeg(LocalDateTime.of(2024, 4, 11, 14, 30, 5), 31.7789, 104.7415);
        io.restassured.path.json.JsonPath meta = RestAssured.given().header("Authorization", enterprise(newCreditCode())).contentType("image/jpeg")
                .body(photo).post(EVIDENCE).then().statusCode(201).body("capturedAt", equalTo("2024-04-11T06:30:05Z")).extract().jsonPath();
        assertThat(meta.getDouble("location.latitude")).isCloseTo(31.7789, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(meta.getDouble("location.longitude")).isCloseTo(104.7415, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void anotherEnterpriseNeverReadsTheFilesAndCannotUseThem() {
        Place place = newCounty();
        String mine = newCreditCode();
        String id = upload(enterprise(mine), SamplePhotos.png(), "image/png");
        String other = enterprise(newCreditCode());
        assertProblem(RestAssured.given().header("Authorization", other).get(EVIDENCE + "/" + id).then(), 404);
        assertProblem(RestAssured.given().header("Authorization", other).get(EVIDENCE + "/" + id + "/meta").then(), 404);
        // a colleague of the uploader may, and once a hazard references it, the regulators of its county may
        RestAssured.given().header("Authorization", enterprise(mine)).get(EVIDENCE + "/" + id + "/meta").then().statusCode(200);
        assertProblem(RestAssured.given().header("Authorization", countyRegulator(place)).get(EVIDENCE + "/" + id).then(), 404);
        String hazard = reportGeneral(place, mine);
        act(enterprise(mine), hazard, "plan", plan()).statusCode(200);
        act(enterprise(mine), hazard, "rectification", rectificationWith(id)).statusCode(200);
        RestAssured.given().header("Authorization", countyRegulator(place)).get(EVIDENCE + "/" + id).then().statusCode(200);
        assertProblem(RestAssured.given().header("Authorization", countyRegulator(newCounty())).get(EVIDENCE + "/" + id).then(), 404);
        assertProblem(RestAssured.given().header("Authorization", other).get(EVIDENCE + "/" + id).then(), 404);

        // the other enterprise cannot close its own hazard with this file either
        String theirs = newCreditCode();
        String theirHazard = reportGeneral(place, theirs);
        act(enterprise(theirs), theirHazard, "plan", plan()).statusCode(200);
        act(enterprise(theirs), theirHazard, "rectification", rectificationWith(id)).statusCode(422)
                .body("errors[0].field", equalTo("evidence[0].evidenceId"));
    }

    @Test
    void anUnknownEvidenceIdOrAnOutsideUriFromAnEnterpriseIs422() {
        Place place = newCounty();
        String code = newCreditCode();
        String hazard = reportGeneral(place, code);
        act(enterprise(code), hazard, "plan", plan()).statusCode(200);
        act(enterprise(code), hazard, "rectification", rectificationWith(upload(enterprise(code), SamplePhotos.png(), "image/png"), UUID.randomUUID().toString()))
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("evidence[1].evidenceId"));
        act(enterprise(code), hazard, "rectification", Map.of("description", "done", "evidence",
                List.of(Map.of("kind", "PHOTO", "uri", "https://files.example.org/after.jpg", "sha256", "9".repeat(64)))))
                .statusCode(422).body("errors[0].field", equalTo("evidence[0].evidenceId"));
        given(admin()).get(HAZARDS + "/" + hazard).then().body("status", equalTo("RECTIFYING"));
        // an ADMIN backfill may name an outside file: kept, marked unverified
        act(admin(), hazard, "rectification", Map.of("description", "backfilled from the county's archive", "evidence",
                List.of(Map.of("kind", "DOCUMENT", "uri", "https://archive.example.org/r.pdf", "sha256", "9".repeat(64)))))
                .statusCode(200).body("rectification.evidence[0].verified", equalTo(false), "rectification.evidence[0].evidenceId", nullValue());
    }

    @Test
    void eachWarningIsRaisedWhenItsSignIsThereAndNotOtherwise() throws Exception {
        Place place = newCounty();
        String code = newCreditCode();
        String me = enterprise(code);
        ZoneId camera = ZoneId.of("Asia/Shanghai");

        // SAME_AS_FINDING_EVIDENCE: the finding's own photo handed in as the "after" photo
        byte[] before = SamplePhotos.jpeg();
        String fromFinding = hazardFromFinding(place, code, before);
        String sameId = upload(me, before, "image/jpeg");
        // taken a minute from now (camera time): after every report of this test, so never CAPTURED_BEFORE_REPORT
        String fresh = upload(me, SamplePhotos.jpeg(LocalDateTime.now(camera).plusMinutes(1), null, null), "image/jpeg");
        String other = hazardFromFinding(place, code, SamplePhotos.jpeg());
        rectify(me, fromFinding, sameId);
        rectify(me, other, fresh);
        assertThat(warnings(fromFinding)).containsExactly("SAME_AS_FINDING_EVIDENCE");
        assertThat(warnings(other)).isEmpty();

        // USED_FOR_ANOTHER_HAZARD: the photo that closed "other" closes a second hazard
        String second = reportGeneral(place, code);
        rectify(me, second, upload(me, RestAssured.given().header("Authorization", me).get("/api/v1/evidence/" + fresh).asByteArray(), "image/jpeg"));
        assertThat(warnings(second)).containsExactly("USED_FOR_ANOTHER_HAZARD");
        assertThat(warnings(other)).as("the first use raises nothing").isEmpty();

        // CAPTURED_BEFORE_REPORT: EXIF says the photo was taken a year before the report
        String old = reportGeneral(place, code);
        rectify(me, old, upload(me, SamplePhotos.jpeg(LocalDateTime.now(camera).minusYears(1), null, null), "image/jpeg"));
        assertThat(warnings(old)).containsExactly("CAPTURED_BEFORE_REPORT");

        // the enterprise does not see the signals; the event snapshot carries them
        given(me).get(HAZARDS + "/" + old).then().body("evidenceWarnings", nullValue());
        ConsumerRecord<String, String> submitted = hazardEvents(old, 3).stream().filter(r -> type(r).contains("RectificationSubmitted")).findFirst().orElseThrow();
        RectificationSubmitted event = EventJson.read(submitted.value(), RectificationSubmitted.class);
        assertThat(event.hazard().evidenceWarnings()).containsExactly("CAPTURED_BEFORE_REPORT");
        assertThat(event.evidence().get(0).evidenceId()).isNotNull();
        assertThat(event.evidence().get(0).mediaType()).isEqualTo("image/jpeg");
        assertThat(submitted.value()).doesNotContain("/9j/"); // references only: no base64 JPEG on Kafka
    }

    private void rectify(String bearer, String hazard, String evidenceId) {
        given(admin()).get(HAZARDS + "/" + hazard).then().statusCode(200);
        act(bearer, hazard, "plan", plan()).statusCode(200);
        act(bearer, hazard, "rectification", rectificationWith(evidenceId)).statusCode(200);
    }

    private static List<String> warnings(String hazard) {
        return given(admin()).get(HAZARDS + "/" + hazard).then().statusCode(200).extract().jsonPath().getList("evidenceWarnings");
    }

    private static String expertEverywhere() {
        return io.rectify.platform.testing.TestTokens.bearer("EXPERT");
    }

    /** Plays inspection-service: a finding with this photo as its evidence becomes a hazard. */
    private String hazardFromFinding(Place place, String code, byte[] photo) throws Exception {
        Instant confirmedAt = Instant.now().minusSeconds(60);
        UUID evidenceId = UUID.randomUUID();
        FindingConfirmed f = new FindingConfirmed(UUID.randomUUID(), UUID.randomUUID(), null, code, place.county(), "FINE_CHEMICAL_FOUR_ZEROINGS",
                "GENERAL", null, "Valve panel corroded", "Workshop 3", "Replace the panel", 30,
                List.of(new Evidence("PHOTO", "/api/v1/evidence/" + evidenceId, sha256(photo), evidenceId, "image/jpeg", (long) photo.length, true)),
                LocalDate.now(), confirmedAt, confirmedAt);
        publishInspectionEvent(f.aggregateId(), UUID.randomUUID(), "FindingConfirmed", EventJson.write(f));
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given(admin()).queryParam("county", place.county()).queryParam("size", 100).get(HAZARDS).then().extract().jsonPath()
                        .<String>getList("items.findingId").contains(f.findingId().toString()) ? findHazard(place, f.findingId()) : null, id -> id != null);
    }

    private static String findHazard(Place place, UUID findingId) {
        List<Map<String, Object>> items = given(admin()).queryParam("county", place.county()).queryParam("size", 100).get(HAZARDS)
                .then().extract().jsonPath().getList("items");
        return items.stream().filter(i -> findingId.toString().equals(i.get("findingId"))).map(i -> (String) i.get("id")).findFirst().orElse(null);
    }
}
