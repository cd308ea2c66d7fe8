package io.rectify.scenarios.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.demo.InspectionRound.Recorded;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.scenarios.demo.Actors.obj;
import static io.rectify.scenarios.demo.DemoScenario.AGENCY_ZONE;

/**
 * Rectification work with the roles of domain.md: the enterprise plans (five assurances) and submits with
 * evidence files, an expert of the inspection verifies or rejects, the enterprise (general) or the county
 * regulator (major) signs off; the regulator extends a deadline or reopens a hazard, as the plan's fate says.
 */
final class RectificationSteps {

    private final Actors actors;
    private final DemoEvidence evidenceFiles;
    private final DemoScenario.Say printer;
    private final Counts counts = new Counts();

    RectificationSteps(Actors actors, DemoEvidence evidenceFiles, DemoScenario.Say printer) {
        this.actors = actors;
        this.evidenceFiles = evidenceFiles;
        this.printer = printer;
    }

    void rectify(List<Recorded> findings, Map<UUID, JsonNode> hazards) {
        for (Recorded r : findings) {
            JsonNode h = hazards.get(r.findingId());
            String expert = DemoPlan.experts().get(r.inspection().experts().get(0)).subject();
            String county = r.inspection().countyCode();
            switch (r.finding().fate()) {
                case OPEN -> { }
                case PLANNED -> plan(h);
                case SIGNED_OFF_BY_ENTERPRISE -> signOff(verify(submit(plan(h), 1), expert, null), actors.enterprise(h.path("enterpriseCreditCode").asText()));
                case SIGNED_OFF_BY_REGULATOR -> signOff(verify(submit(plan(h), 1), expert, null), actors.county(county));
                case REJECTED_THEN_SIGNED_OFF -> {
                    JsonNode rejected = verify(submit(plan(h), 1), expert,
                            "照片未显示联锁测试结果，请补充测试记录 / the photo does not show the interlock test: add the test record");
                    signOff(verify(submit(rejected, 2), expert, null), actors.enterprise(h.path("enterpriseCreditCode").asText()));
                }
                case EXTENDED -> extend(plan(h), county);
                case REOPENED -> reopen(signOff(verify(submit(plan(h), 1), expert, null), actors.county(county)), county);
            }
            if (h.path("id").asText().equals(evidenceFiles.reusedOnHazard)) {
                evidenceFiles.showWarning(actors.hazard(actors.expert(expert)), "/api/v1/hazards/" + evidenceFiles.reusedOnHazard);
            }
        }
        say("rectification: %d plans (five assurances), %d submissions with evidence, %d rejected, %d verified by experts, "
                        + "%d signed off (%d major by county regulators, %d general by the enterprise), %d deadline extended, %d reopened",
                counts.plans, counts.submissions, counts.rejections, counts.verified, counts.signedOffMajor + counts.signedOffGeneral
                        + counts.signedOffGeneralByRegulator, counts.signedOffMajor, counts.signedOffGeneral, counts.extended, counts.reopened);
        say("evidence: %d files uploaded (JPEG photos with EXIF capture time and GPS, PDF records), referenced by id; events carry references only",
                evidenceFiles.uploads);
        if (counts.signedOffGeneralByRegulator > 0) {
            say("  (and %d general hazard(s) signed off by a county regulator)", counts.signedOffGeneralByRegulator);
        }
    }

    /** The enterprise's rectification plan, due on the hazard's due day. */
    JsonNode plan(JsonNode h) {
        LocalDate dueDay = Instant.parse(h.path("dueAt").asText()).atZone(AGENCY_ZONE).toLocalDate();
        JsonNode planned = actors.hazard(actors.enterprise(h.path("enterpriseCreditCode").asText())).post(hazardPath(h, "plan"), obj(
                "responsiblePerson", "生产副总经理 deputy general manager (production)",
                "measures", "按专家建议整改并复核 / " + h.path("recommendedMeasure").asText("rectify as the experts recommend") + "; re-test",
                "fundingCny", h.path("grade").asText().equals("MAJOR") ? 480000 : 36000,
                "deadline", dueDay.toString(),
                "contingencyPlan", "整改期间加强巡检，降负荷运行 / extra patrols and reduced load until rectified"));
        counts.plans++;
        return planned;
    }

    private JsonNode submit(JsonNode h, int attempt) {
        Api enterprise = actors.hazard(actors.enterprise(h.path("enterpriseCreditCode").asText()));
        JsonNode submitted = enterprise.post(hazardPath(h, "rectification"), obj(
                "description", attempt == 1 ? "已完成整改 / rectified as planned" : "补充联锁测试记录 / interlock test record added",
                "evidence", evidenceFiles.forRectification(enterprise, h, attempt)));
        counts.submissions++;
        return submitted;
    }

    /** An expert of the inspection verifies; a comment means a rejection. */
    private JsonNode verify(JsonNode h, String expertSubject, String rejection) {
        JsonNode verified = actors.hazard(actors.expert(expertSubject)).post(hazardPath(h, "verification"), rejection == null
                ? obj("outcome", "ACCEPTED", "comment", "现场复核通过 / checked on site")
                : obj("outcome", "REJECTED", "comment", rejection));
        if (rejection == null) {
            counts.verified++;
        } else {
            counts.rejections++;
        }
        return verified;
    }

    private JsonNode signOff(JsonNode h, String token) {
        JsonNode signed = actors.hazard(token).post(hazardPath(h, "sign-off"), obj("comment", "一事一结，予以销号 / closed"));
        boolean major = h.path("grade").asText().equals("MAJOR");
        boolean byEnterprise = token.equals(actors.enterprise(h.path("enterpriseCreditCode").asText()));
        if (major) {
            counts.signedOffMajor++;
        } else if (byEnterprise) {
            counts.signedOffGeneral++;
        } else {
            counts.signedOffGeneralByRegulator++;
        }
        return signed;
    }

    private void extend(JsonNode h, String county) {
        Instant newDue = Instant.parse(h.path("dueAt").asText()).plus(Duration.ofDays(30));
        actors.hazard(actors.county(county)).post(hazardPath(h, "deadline-extensions"), obj("newDueAt", newDue.toString(),
                "reason", "检测报警设备供货周期长，延期30天 / detectors on a long delivery time: 30 more days"));
        counts.extended++;
    }

    private void reopen(JsonNode h, String county) {
        actors.hazard(actors.county(county)).post(hazardPath(h, "reopen"), obj("reason",
                "复查发现联锁再次失效 / on re-inspection the interlock had failed again"));
        counts.reopened++;
    }

    private static String hazardPath(JsonNode h, String action) {
        return "/api/v1/hazards/" + h.path("id").asText() + "/" + action;
    }

    private void say(String format, Object... args) {
        printer.say(format, args);
    }

    /** What the rectification step did, for its progress line. */
    private static final class Counts {
        int plans;
        int submissions;
        int rejections;
        int verified;
        int signedOffMajor;
        int signedOffGeneral;
        int signedOffGeneralByRegulator;
        int extended;
        int reopened;
    }
}
