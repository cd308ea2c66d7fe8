package io.rectify.scenarios.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.Api.ApiException;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo's evidence files (issue 14): the experts photograph each finding and upload it (with DCS
 * exports where the enterprise consented), the enterprises upload "after" photos and test records with
 * their rectifications — real JPEGs with EXIF capture times and GPS, real PDFs. It also shows a disguised
 * file refused (an executable named photo.jpg: 415) and one enterprise reusing an "after" photo on a second
 * hazard, which the verifying expert sees as USED_FOR_ANOTHER_HAZARD.
 */
final class DemoEvidence {

    static final String EVIDENCE = "/api/v1/evidence";
    /** Jiangyou's chemical park, roughly: where the demo's cameras are. */
    private static final double LATITUDE = 31.7782;
    private static final double LONGITUDE = 104.7453;

    private final ZoneId zone;
    private final Consumer<String> say;
    private byte[] firstAfterPhoto;
    private boolean disguiseShown;
    private boolean reuseShown;
    int uploads;
    String reusedOnHazard;

    DemoEvidence(ZoneId zone, Consumer<String> say) {
        this.zone = zone;
        this.say = say;
    }

    /** The finding's photo (and the DCS export, once consented), uploaded by the expert who records it. */
    List<Map<String, Object>> forFinding(Api expert, String inspectionId, String keyTask, boolean controlSystemData) {
        byte[] before = DemoPhotos.installation((inspectionId + keyTask).hashCode(), false, LocalDateTime.now(zone).minusMinutes(20), LATITUDE, LONGITUDE);
        Map<String, Object> photo = item("PHOTO", upload(expert, before, "image/jpeg", keyTask.toLowerCase() + "-before.jpg"));
        if (!controlSystemData) {
            return List.of(photo);
        }
        byte[] export = DemoPhotos.document("DCS trend export, inspection " + inspectionId);
        return List.of(photo, item("CONTROL_SYSTEM_DATA", upload(expert, export, "application/pdf", "dcs-trend-export.pdf")));
    }

    /** The "after" photo and the test record of a rectification, uploaded by the enterprise. */
    List<Map<String, Object>> forRectification(Api enterprise, JsonNode hazard, int attempt) {
        showDisguisedFileRefused(enterprise);
        String hazardId = hazard.path("id").asText();
        byte[] after = DemoPhotos.installation((hazardId + attempt).hashCode(), true, LocalDateTime.now(zone), LATITUDE, LONGITUDE);
        if (firstAfterPhoto == null) {
            firstAfterPhoto = after;
        } else if (!reuseShown && attempt == 1) {
            after = firstAfterPhoto; // the shortcut reviewers look for: the photo that closed another hazard, handed in again
            reuseShown = true;
            reusedOnHazard = hazardId;
        }
        byte[] record = DemoPhotos.document("Rectification test record " + attempt + ", hazard " + hazardId);
        return List.of(item("PHOTO", upload(enterprise, after, "image/jpeg", "after-" + attempt + ".jpg")),
                item("DOCUMENT", upload(enterprise, record, "application/pdf", "test-record-" + attempt + ".pdf")));
    }

    /** What the verifying expert sees on the hazard with the reused photo. */
    void showWarning(Api expert, String hazardPath) {
        JsonNode h = expert.get(hazardPath);
        say.accept("evidence: the enterprise handed in the \"after\" photo of another hazard for " + h.path("id").asText()
                + " -> the verifying expert sees evidenceWarnings " + h.path("evidenceWarnings"));
        if (!h.path("evidenceWarnings").toString().contains("USED_FOR_ANOTHER_HAZARD")) {
            throw new DemoFailure("hazard-service raised no USED_FOR_ANOTHER_HAZARD for a reused photo: " + h.path("evidenceWarnings"));
        }
    }

    private void showDisguisedFileRefused(Api enterprise) {
        if (disguiseShown) {
            return;
        }
        disguiseShown = true;
        try {
            enterprise.upload(EVIDENCE, DemoPhotos.executable(), "image/jpeg", "photo.jpg");
            throw new DemoFailure("hazard-service accepted an executable named photo.jpg as evidence (expected 415)");
        } catch (ApiException e) {
            if (e.status() != 415) {
                throw e;
            }
            say.accept("evidence: an executable uploaded as photo.jpg (image/jpeg) is refused: 415, the content is checked, not the name");
        }
    }

    private String upload(Api api, byte[] bytes, String type, String name) {
        JsonNode meta = api.upload(EVIDENCE, bytes, type, name);
        uploads++;
        return meta.path("id").asText();
    }

    private static Map<String, Object> item(String kind, String evidenceId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("evidenceId", evidenceId);
        return m;
    }
}
