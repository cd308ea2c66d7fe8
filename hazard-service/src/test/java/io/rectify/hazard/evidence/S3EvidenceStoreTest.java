package io.rectify.hazard.evidence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.evidence.EvidenceSweep;
import io.rectify.platform.testing.SamplePhotos;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.rectify.hazard.support.HazardFixtures.act;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static io.rectify.hazard.support.HazardFixtures.plan;
import static io.rectify.hazard.support.HazardFixtures.rectificationWith;
import static io.rectify.hazard.support.HazardFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** The S3 evidence store against a real S3-compatible server (S3Mock, started by {@link S3MockServer}). */
@QuarkusTest
@TestProfile(S3EvidenceStoreTest.S3Store.class)
class S3EvidenceStoreTest extends HazardTestBase {

    public static class S3Store implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3MockServer.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rectify.evidence.unreferenced-retention", "PT0S");
        }
    }

    @Inject
    EvidenceSweep sweep;

    @Test
    void everyMediaTypeRoundTripsThroughS3WithItsHashAndRanges() throws Exception {
        String me = enterprise(newCreditCode());
        Map<String, byte[]> files = Map.of("image/jpeg", SamplePhotos.jpeg(), "image/png", SamplePhotos.png(), "image/webp", SamplePhotos.webp(),
                "image/heic", SamplePhotos.heic(), "application/pdf", SamplePhotos.pdf(), "video/mp4", SamplePhotos.mp4());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String sha = EvidenceFilesTest.sha256(file.getValue());
            String id = RestAssured.given().header("Authorization", me).contentType(file.getKey()).header("X-Content-SHA256", sha)
                    .body(file.getValue()).post("/api/v1/evidence").then().statusCode(201).body("sha256", equalTo(sha)).extract().path("id");
            Response got = RestAssured.given().header("Authorization", me).get("/api/v1/evidence/" + id);
            got.then().statusCode(200).header("ETag", "\"" + sha + "\"");
            assertThat(got.asByteArray()).as(file.getKey()).isEqualTo(file.getValue());
            // the object is in the bucket under its digest, byte for byte
            assertThat(s3().getObjectAsBytes(b -> b.bucket("rectify-evidence").key("evidence/" + sha)).asByteArray()).isEqualTo(file.getValue());
        }
        byte[] pdf = SamplePhotos.pdf();
        String id = upload(me, pdf, "application/pdf");
        Response part = RestAssured.given().header("Authorization", me).header("Range", "bytes=5-14").get("/api/v1/evidence/" + id);
        part.then().statusCode(206).header("Content-Range", "bytes 5-14/" + pdf.length);
        assertThat(part.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(pdf, 5, 15));
    }

    @Test
    void unreferencedUploadsAreSweptAndReferencedOnesNever() throws Exception {
        Place place = newCounty();
        String code = newCreditCode();
        byte[] kept = SamplePhotos.png();
        byte[] dropped = SamplePhotos.png();
        String keptId = upload(enterprise(code), kept, "image/png");
        String droppedId = upload(enterprise(code), dropped, "image/png");
        String hazard = reportGeneral(place, code);
        act(enterprise(code), hazard, "plan", plan()).statusCode(200);
        act(enterprise(code), hazard, "rectification", rectificationWith(keptId)).statusCode(200);

        int swept = sweep.sweep(Instant.now().plusSeconds(1));

        assertThat(swept).isPositive();
        RestAssured.given().header("Authorization", enterprise(code)).get("/api/v1/evidence/" + keptId).then().statusCode(200);
        RestAssured.given().header("Authorization", enterprise(code)).get("/api/v1/evidence/" + droppedId).then().statusCode(404);
        String keptKey = "evidence/" + EvidenceFilesTest.sha256(kept);
        assertThat(s3().getObjectAsBytes(b -> b.bucket("rectify-evidence").key(keptKey)).asByteArray()).isEqualTo(kept);
        String droppedKey = "evidence/" + EvidenceFilesTest.sha256(dropped);
        assertThatThrownBy(() -> s3().getObjectAsBytes(b -> b.bucket("rectify-evidence").key(droppedKey))).isInstanceOf(NoSuchKeyException.class);
    }

    private static S3Client s3() {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1).forcePathStyle(true)
                .endpointOverride(URI.create(S3MockServer.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY)))
                .build();
    }
}
