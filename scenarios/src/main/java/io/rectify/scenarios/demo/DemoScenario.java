package io.rectify.scenarios.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.Api.ApiException;
import io.rectify.scenarios.demo.Actors.Service;
import io.rectify.scenarios.demo.DemoPlan.Fate;
import io.rectify.scenarios.demo.Poll.Outcome;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.rectify.scenarios.demo.Actors.obj;

/**
 * The demo: the 2024 Sichuan expert guidance service for hazardous-chemicals key counties, played against
 * the running services through their public REST APIs only, each step with the token of the role that does
 * it in real life. See {@link DemoPlan} for the data and {@link DemoCommand} for the options.
 *
 * <p>Re-running: the demo campaign of each round is the marker. With {@link Mode#IF_ABSENT} (what
 * {@code deploy/local/rectify up} uses) a system that already holds a demo round only gets the summary
 * printed again; {@link Mode#NEW_ROUND} ({@code deploy/local/rectify demo}) plays a further round with new
 * enterprises, inspections and hazards in the same counties.
 */
public final class DemoScenario {

    public enum Mode { IF_ABSENT, NEW_ROUND, SUMMARY_ONLY }

    /** Plan deadlines and due dates are calendar days in the agencies' zone (hazard-service's default). */
    static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");

    private final Actors actors;
    private final DemoOptions options;
    private final PrintStream out;
    private final long startedNanos = System.nanoTime();

    private final Map<String, UUID> expertIds = new HashMap<>();
    private final Counts counts = new Counts();

    private final DemoEvidence evidenceFiles = new DemoEvidence(AGENCY_ZONE, line -> say("%s", line));

    public DemoScenario(Actors actors, DemoOptions options, PrintStream out) {
        this.actors = actors;
        this.options = options;
        this.out = out;
    }

    /** One confirmed finding of this round: what the plan said, and where it was recorded. */
    record Recorded(UUID findingId, DemoPlan.Inspection inspection, DemoPlan.Finding finding) {
    }

    public void run() {
        checkHealth();
        List<Integer> rounds = playedRounds();
        int lastRound = rounds.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (options.mode() == Mode.SUMMARY_ONLY || (options.mode() == Mode.IF_ABSENT && lastRound > 0)) {
            if (lastRound == 0) {
                throw new DemoFailure("no demo data on this system yet: run `deploy/local/rectify demo` to play the demo");
            }
            say("demo data already there (round%s %s): not played again; `deploy/local/rectify demo` plays a new round",
                    rounds.size() == 1 ? "" : "s", rounds);
            new DemoSummary(actors, options, out).print(DemoPlan.round(lastRound));
            return;
        }
        DemoPlan plan = DemoPlan.round(lastRound + 1);
        say("playing round %d of the 2024 Sichuan expert guidance service: %d key counties, %d enterprises, %d inspections",
                plan.round(), DemoPlan.counties().size(), plan.enterprises().size(), plan.inspections().size());

        registerCounties();
        registerExperts();
        registerEnterprises(plan);
        registerContacts(plan);
        ChasingShowcase showcase = new ChasingShowcase(actors, options, out);
        showcase.chooseDigest(plan);
        awaitCountiesInHazardService();
        List<JsonNode> nearDue = reportNearDueHazards(plan, showcase.nearDueAt());
        UUID campaignId = createCampaign(plan);
        List<Recorded> findings = runInspections(plan, campaignId);
        Map<UUID, JsonNode> hazards = awaitHazardsFromFindings(findings);
        rectify(findings, hazards);
        new SheetAndConflictSteps(actors, line -> say("%s", line)).play(plan, expertIds, hazards.values());
        watchChasing(nearDue);
        showcase.show(nearDue);
        awaitScoring();
        say("round %d played in %d s", plan.round(), elapsedSeconds());
        new DemoSummary(actors, options, out).print(plan);
    }

    // ---------------------------------------------------------------------------------------------
    // Set-up: services, rounds already played, reference data
    // ---------------------------------------------------------------------------------------------
    private void checkHealth() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        List<String> down = new ArrayList<>();
        for (Service s : Service.values()) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(actors.url(s) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    down.add(s.name + " (health " + r.statusCode() + ")");
                }
            } catch (Exception e) {
                down.add(s.name + " (" + actors.url(s) + " not answering)");
            }
        }
        if (!down.isEmpty()) {
            throw new DemoFailure("not ready: " + String.join(", ", down) + " — start the system with `deploy/local/rectify up`");
        }
        say("all four services ready on %s", actors.host());
    }

    private List<Integer> playedRounds() {
        JsonNode page = inspection(actors.admin()).get("/api/v1/campaigns?year=" + DemoPlan.CAMPAIGN_YEAR + "&size=500");
        List<Integer> rounds = new ArrayList<>();
        for (JsonNode c : page.path("items")) {
            String name = c.path("name").asText("");
            if (name.startsWith(DemoPlan.CAMPAIGN_PREFIX) && name.endsWith(")")) {
                try {
                    rounds.add(Integer.parseInt(name.substring(DemoPlan.CAMPAIGN_PREFIX.length(), name.length() - 1)));
                } catch (NumberFormatException ignored) {
                    // a campaign someone else named like ours: not a round
                }
            }
        }
        rounds.sort(Integer::compare);
        return rounds;
    }

    /** Counties are the same in every round: registered once, corrected if someone changed them. */
    private void registerCounties() {
        Api api = inspection(actors.province());
        int created = 0;
        int corrected = 0;
        for (DemoPlan.County c : DemoPlan.counties()) {
            Map<String, Object> body = obj("code", c.code(), "name", c.name(), "city", c.city(), "province", DemoPlan.PROVINCE,
                    "tier", c.tier(), "status", "KEY");
            try {
                api.post("/api/v1/counties", body);
                created++;
            } catch (ApiException e) {
                if (e.status() != 409) {
                    throw e;
                }
                JsonNode existing = inspection(actors.admin()).get("/api/v1/counties/" + c.code());
                if (!existing.path("name").asText().equals(c.name()) || !existing.path("city").asText().equals(c.city())
                        || !existing.path("province").asText().equals(DemoPlan.PROVINCE)) {
                    Map<String, Object> change = new LinkedHashMap<>(body);
                    change.put("status", existing.path("status").asText("KEY"));
                    inspection(actors.admin()).put("/api/v1/counties/" + c.code(), change);
                    corrected++;
                }
            }
        }
        say("%d key counties registered (%d new, %d already there%s), incl. 510781 江油市 Jiangyou and %s 广安经开区",
                DemoPlan.counties().size(), created, DemoPlan.counties().size() - created,
                corrected > 0 ? ", " + corrected + " corrected" : "", DemoPlan.GUANGAN_ZONE);
    }

    private void registerExperts() {
        JsonNode page = inspection(actors.admin()).get("/api/v1/experts?size=500");
        for (JsonNode e : page.path("items")) {
            if (!e.path("subject").isNull() && !e.path("subject").asText("").isEmpty()) {
                expertIds.putIfAbsent(e.path("subject").asText(), UUID.fromString(e.path("id").asText()));
            }
        }
        int created = 0;
        for (DemoPlan.Expert x : DemoPlan.experts()) {
            if (!expertIds.containsKey(x.subject())) {
                JsonNode e = inspection(actors.province()).post("/api/v1/experts",
                        obj("name", x.name(), "specialties", x.specialties(), "subject", x.subject()));
                expertIds.put(x.subject(), UUID.fromString(e.path("id").asText()));
                created++;
            }
        }
        say("expert team of %d (%d new): %s", DemoPlan.experts().size(), created,
                String.join(", ", DemoPlan.experts().stream().map(DemoPlan.Expert::name).toList()));
    }

    private void registerEnterprises(DemoPlan plan) {
        int created = 0;
        for (DemoPlan.Enterprise e : plan.enterprises()) {
            try {
                inspection(actors.county(e.countyCode())).post("/api/v1/enterprises", obj("creditCode", e.creditCode(),
                        "name", e.name(), "countyCode", e.countyCode(), "parkName", e.parkName(), "fineChemical", e.fineChemical(),
                        "majorHazardInstallationGrade", e.majorHazardInstallationGrade()));
                created++;
            } catch (ApiException ex) {
                if (ex.status() != 409) {
                    throw ex;
                }
            }
        }
        say("%d enterprises registered by their county regulators (%d new), credit codes e.g. %s",
                plan.enterprises().size(), created, plan.enterprises().get(0).creditCode());
    }

    /**
     * The authority ladder's contacts, each registered by the regulator of that level. Every contact gets a
     * signed webhook to the local receiver, and an email to the SMTP sink when the demo runs one.
     */
    private void registerContacts(DemoPlan plan) {
        String hooks = options.webhookBaseUrl();
        putContact(actors.province(), "PROVINCE", DemoPlan.PROVINCE, "四川省应急管理厅 Sichuan Emergency Management Department", hooks);
        Set<String> cities = new TreeSet<>();
        for (DemoPlan.County c : DemoPlan.counties()) {
            cities.add(c.city());
            putContact(actors.county(c.code()), "COUNTY", c.code(), c.nameZh() + "应急管理局 " + c.nameEn() + " emergency management bureau", hooks);
        }
        for (String city : cities) {
            putContact(actors.city(city), "CITY", city, city + " municipal emergency management bureau", hooks);
        }
        for (DemoPlan.Enterprise e : plan.enterprises()) {
            // notification-service places an enterprise's contact in the county EnterpriseRegistered names (the
            // economic zone's enterprises too, whatever their credit codes' digits say): wait until it knows it
            Poll.until("notification-service learning enterprise " + e.creditCode() + " from inspection.events", Duration.ofSeconds(60),
                    Duration.ofMillis(500), () -> {
                        try {
                            putContact(actors.county(e.countyCode()), "ENTERPRISE", e.creditCode(), e.name() + " safety officer", hooks);
                            return Outcome.done(true);
                        } catch (ApiException ex) {
                            if (ex.status() != 404) {
                                throw ex;
                            }
                            return Outcome.notYet("enterprise " + e.creditCode() + " not in its registry yet");
                        }
                    });
        }
        say("contacts: 1 province, %d cities, %d counties, %d enterprises -> signed webhooks to %s%s",
                cities.size(), DemoPlan.counties().size(), plan.enterprises().size(), hooks,
                options.email() ? " and email to the SMTP sink" : "");
    }

    private void putContact(String token, String level, String ref, String name, String hooks) {
        String webhook = hooks + "/" + level.toLowerCase() + "/" + pathSegment(ref);
        String email = options.email() ? level.toLowerCase() + "-" + Actors.slug(ref) + "@demo.rectify.local" : null;
        notification(token).put("/api/v1/contacts/" + level + "/" + pathSegment(ref),
                obj("name", name, "email", email, "webhookUrl", webhook, "webhookSecret", options.webhookSecret()));
    }

    /** hazard-service learns counties from CountyRegistered events; a regulator's report needs its county known. */
    private void awaitCountiesInHazardService() {
        Api api = hazard(actors.admin());
        Poll.until("hazard-service learning the demo counties from inspection.events", Duration.ofSeconds(60), Duration.ofMillis(500), () -> {
            for (DemoPlan.County c : DemoPlan.counties()) {
                try {
                    JsonNode s = api.get("/api/v1/counties/" + c.code() + "/hazard-summary");
                    if (s.path("countyName").isNull() || s.path("countyName").isMissingNode()) {
                        return Outcome.notYet("county " + c.code() + " not known yet");
                    }
                } catch (ApiException e) {
                    if (e.status() == 404) {
                        return Outcome.notYet("county " + c.code() + " not known yet");
                    }
                    throw e;
                }
            }
            return Outcome.done(true);
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Hazards due in a minute: the chase ladder runs while the rest of the demo goes on
    // ---------------------------------------------------------------------------------------------
    private List<JsonNode> reportNearDueHazards(DemoPlan plan, Instant dueAt) {
        List<JsonNode> reported = new ArrayList<>();
        for (DemoPlan.NearDueHazard n : plan.nearDueHazards()) {
            JsonNode h = RegisteredReports.report(hazard(actors.county(n.countyCode())), obj("enterpriseCreditCode", n.enterpriseCreditCode(),
                    "countyCode", n.countyCode(), "keyTask", n.keyTask(), "grade", n.grade(), "majorCriterion", n.majorCriterion(),
                    "description", n.description(), "dueAt", dueAt.toString(), "source", "REGULATOR"));
            if (n.planned()) {
                h = plan(h);
            }
            reported.add(h);
        }
        say("%d hazards reported by county regulators with due date %s (in %d s): they will fall overdue and be chased during the demo",
                reported.size(), dueAt, Duration.between(Instant.now(), dueAt).toSeconds());
        for (JsonNode h : reported) {
            say("  %s %-7s %s %s%s", h.path("countyCode").asText(), h.path("grade").asText(), h.path("id").asText(),
                    shorten(h.path("description").asText(), 60), h.path("status").asText().equals("RECTIFYING") ? " (plan submitted)" : "");
        }
        return reported;
    }

    private UUID createCampaign(DemoPlan plan) {
        JsonNode c = inspection(actors.province()).post("/api/v1/campaigns", obj("name", plan.campaignName(), "year", DemoPlan.CAMPAIGN_YEAR,
                "countyCodes", DemoPlan.counties().stream().map(DemoPlan.County::code).toList(),
                "startsOn", plan.campaignStart().toString(), "endsOn", plan.campaignEnd().toString()));
        say("campaign \"%s\" (%s), guidance week of %s", plan.campaignName(), c.path("id").asText(), plan.weekStart());
        return UUID.fromString(c.path("id").asText());
    }

    // ---------------------------------------------------------------------------------------------
    // Centralised inspections
    // ---------------------------------------------------------------------------------------------
    private List<Recorded> runInspections(DemoPlan plan, UUID campaignId) {
        List<Recorded> recorded = new ArrayList<>();
        boolean consentRuleShown = false;
        Map<String, int[]> perCounty = new LinkedHashMap<>();
        for (DemoPlan.Inspection i : plan.inspections()) {
            int[] tally = perCounty.computeIfAbsent(i.countyCode(), k -> new int[4]);
            List<String> expertSubjects = i.experts().stream().map(x -> DemoPlan.experts().get(x).subject()).toList();
            JsonNode scheduled = inspection(actors.county(i.countyCode())).post("/api/v1/inspections", obj("campaignId", campaignId.toString(),
                    "enterpriseCreditCode", i.enterpriseCreditCode(), "expertIds", expertSubjects.stream().map(s -> expertIds.get(s).toString()).toList(),
                    "scheduledOn", i.scheduledOn().toString(), "mode", "CENTRALISED", "keyTasks", i.keyTasks()));
            String id = scheduled.path("id").asText();
            if (i.cancelled()) {
                inspection(actors.county(i.countyCode())).post("/api/v1/inspections/" + id + "/cancel",
                        obj("reason", "企业停产检修，改期 / enterprise shut down for maintenance, visit moved to the next campaign"));
                tally[3]++;
                continue;
            }
            Api expert = inspection(actors.expert(expertSubjects.get(0)));
            expert.post("/api/v1/inspections/" + id + "/start", null);
            if (i.needsControlSystemConsent()) {
                DemoPlan.Finding first = i.findings().stream().filter(DemoPlan.Finding::controlSystemEvidence).findFirst().orElseThrow();
                String shown = EnterpriseConsent.obtain(expert, inspection(actors.enterprise(i.enterpriseCreditCode())), id,
                        consentRuleShown ? null : findingBody(expert, id, first));
                if (shown != null) {
                    say("%s", shown);
                    consentRuleShown = true;
                }
                counts.consents++;
            }
            for (DemoPlan.Finding f : i.findings()) {
                JsonNode finding = expert.post("/api/v1/inspections/" + id + "/findings", findingBody(expert, id, f));
                recorded.add(new Recorded(UUID.fromString(finding.path("id").asText()), i, f));
                tally[1]++;
                tally[2] += f.major() ? 1 : 0;
            }
            expert.post("/api/v1/inspections/" + id + "/complete", obj("summary",
                    "夜间工作会已通报 / reported at the nightly debrief: " + i.findings().size() + " finding(s)"));
            tally[0]++;
        }
        for (Map.Entry<String, int[]> e : perCounty.entrySet()) {
            int[] t = e.getValue();
            DemoPlan.County c = DemoPlan.county(e.getKey());
            say("%-10s %-28s %s: %d inspection(s) completed%s, %d finding(s) (%d major)", c.code(), c.name(), plan.visitDay(c.code()),
                    t[0], t[3] > 0 ? ", " + t[3] + " cancelled" : "", t[1], t[2]);
        }
        Set<String> tasks = new TreeSet<>();
        plan.inspections().forEach(i -> tasks.addAll(i.keyTasks()));
        long major = recorded.stream().filter(r -> r.finding().major()).count();
        say("%d findings confirmed (%d major, with their MHC criteria), %d consents confirmed by the enterprises; key tasks covered: %s",
                recorded.size(), major, counts.consents, tasks);
        return recorded;
    }

    private Map<String, Object> findingBody(Api expert, String inspectionId, DemoPlan.Finding f) {
        List<Map<String, Object>> evidence = evidenceFiles.forFinding(expert, inspectionId, f.keyTask(), f.controlSystemEvidence());
        return obj("keyTask", f.keyTask(), "grade", f.grade(), "majorCriterion", f.majorCriterion(), "description", f.description(),
                "location", f.location(), "recommendedMeasure", f.recommendedMeasure(), "rectificationDays", f.rectificationDays(),
                "evidence", evidence);
    }

    /** Each confirmed finding becomes a hazard in hazard-service (FindingConfirmed over Kafka). */
    private Map<UUID, JsonNode> awaitHazardsFromFindings(List<Recorded> findings) {
        Api api = hazard(actors.admin());
        Set<String> enterprises = new TreeSet<>();
        findings.forEach(r -> enterprises.add(r.inspection().enterpriseCreditCode()));
        long t0 = System.nanoTime();
        Map<UUID, JsonNode> byFinding = Poll.until("hazard-service creating a hazard for each of the " + findings.size()
                + " confirmed findings", Duration.ofSeconds(90), Duration.ofMillis(500), () -> {
            Map<UUID, JsonNode> found = new HashMap<>();
            for (String cc : enterprises) {
                for (JsonNode h : api.get("/api/v1/hazards?enterprise=" + cc + "&size=500").path("items")) {
                    if (h.hasNonNull("findingId")) {
                        found.put(UUID.fromString(h.path("findingId").asText()), h);
                    }
                }
            }
            long missing = findings.stream().filter(r -> !found.containsKey(r.findingId())).count();
            return missing == 0 ? Outcome.done(found) : Outcome.notYet(missing + " of " + findings.size() + " still missing");
        });
        say("%d hazards created by hazard-service from FindingConfirmed events (%.1f s after completion); major ones under listed supervision",
                findings.size(), (System.nanoTime() - t0) / 1e9);
        return byFinding;
    }

    // ---------------------------------------------------------------------------------------------
    // Rectification work, with the roles of domain.md
    // ---------------------------------------------------------------------------------------------
    private void rectify(List<Recorded> findings, Map<UUID, JsonNode> hazards) {
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
                evidenceFiles.showWarning(hazard(actors.expert(expert)), "/api/v1/hazards/" + evidenceFiles.reusedOnHazard);
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

    private JsonNode plan(JsonNode h) {
        LocalDate dueDay = Instant.parse(h.path("dueAt").asText()).atZone(AGENCY_ZONE).toLocalDate();
        JsonNode planned = hazard(actors.enterprise(h.path("enterpriseCreditCode").asText())).post(hazardPath(h, "plan"), obj(
                "responsiblePerson", "生产副总经理 deputy general manager (production)",
                "measures", "按专家建议整改并复核 / " + h.path("recommendedMeasure").asText("rectify as the experts recommend") + "; re-test",
                "fundingCny", h.path("grade").asText().equals("MAJOR") ? 480000 : 36000,
                "deadline", dueDay.toString(),
                "contingencyPlan", "整改期间加强巡检，降负荷运行 / extra patrols and reduced load until rectified"));
        counts.plans++;
        return planned;
    }

    private JsonNode submit(JsonNode h, int attempt) {
        Api enterprise = hazard(actors.enterprise(h.path("enterpriseCreditCode").asText()));
        JsonNode submitted = enterprise.post(hazardPath(h, "rectification"), obj(
                "description", attempt == 1 ? "已完成整改 / rectified as planned" : "补充联锁测试记录 / interlock test record added",
                "evidence", evidenceFiles.forRectification(enterprise, h, attempt)));
        counts.submissions++;
        return submitted;
    }

    /** An expert of the inspection verifies; a comment means a rejection. */
    private JsonNode verify(JsonNode h, String expertSubject, String rejection) {
        JsonNode verified = hazard(actors.expert(expertSubject)).post(hazardPath(h, "verification"), rejection == null
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
        JsonNode signed = hazard(token).post(hazardPath(h, "sign-off"), obj("comment", "一事一结，予以销号 / closed"));
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
        hazard(actors.county(county)).post(hazardPath(h, "deadline-extensions"), obj("newDueAt", newDue.toString(),
                "reason", "检测报警设备供货周期长，延期30天 / detectors on a long delivery time: 30 more days"));
        counts.extended++;
    }

    private void reopen(JsonNode h, String county) {
        hazard(actors.county(county)).post(hazardPath(h, "reopen"), obj("reason",
                "复查发现联锁再次失效 / on re-inspection the interlock had failed again"));
        counts.reopened++;
    }

    private static String hazardPath(JsonNode h, String action) {
        return "/api/v1/hazards/" + h.path("id").asText() + "/" + action;
    }

    // ---------------------------------------------------------------------------------------------
    // Chasing: reminders and escalations of the hazards left overdue
    // ---------------------------------------------------------------------------------------------
    private void watchChasing(List<JsonNode> nearDue) {
        if (nearDue.isEmpty()) {
            return;
        }
        Api api = notification(actors.admin());
        Instant lastDue = nearDue.stream().map(h -> Instant.parse(h.path("dueAt").asText())).max(Instant::compareTo).orElseThrow();
        Duration timeout = Duration.between(Instant.now(), lastDue).plus(options.ladderTimeout());
        say("waiting for the chase ladder (reminders, overdue notices, escalations to city and province) — at most %d s",
                timeout.toSeconds());
        Set<String> printed = new java.util.HashSet<>();
        Poll.until("the chase ladder of the overdue hazards reaching the province", timeout, Duration.ofSeconds(2), () -> {
            List<String> waiting = new ArrayList<>();
            for (JsonNode h : nearDue) {
                String id = h.path("id").asText();
                Instant due = Instant.parse(h.path("dueAt").asText());
                Map<String, List<JsonNode>> bySteps = new LinkedHashMap<>();
                for (JsonNode n : api.get("/api/v1/notifications?hazardId=" + id + "&size=500").path("items")) {
                    bySteps.computeIfAbsent(n.path("step").asText() + "#" + n.path("sequence").asInt(), k -> new ArrayList<>()).add(n);
                }
                boolean provinceDone = false;
                boolean pending = false;
                List<Map.Entry<String, List<JsonNode>>> steps = new ArrayList<>(bySteps.entrySet());
                steps.sort((a, b) -> a.getValue().get(0).path("stepAt").asText().compareTo(b.getValue().get(0).path("stepAt").asText()));
                for (Map.Entry<String, List<JsonNode>> step : steps) {
                    boolean stepPending = step.getValue().stream().anyMatch(n -> n.path("status").asText().equals("PENDING"));
                    pending |= stepPending;
                    if (step.getKey().startsWith("ESCALATE_PROVINCE") && !stepPending) {
                        provinceDone = true;
                    }
                    if (!stepPending && printed.add(id + step.getKey())) {
                        printStep(h, due, step.getValue());
                    }
                }
                if (!provinceDone || pending) {
                    waiting.add(h.path("countyCode").asText() + " " + h.path("grade").asText() + " " + id + ": "
                            + chaseState(id) + (pending ? ", deliveries pending" : ""));
                }
            }
            return waiting.isEmpty() ? Outcome.done(true) : Outcome.notYet(String.join("; ", waiting)
                    + " — were the services started with the demo's short chase durations (deploy/local/rectify up sets them)?");
        });
        say("chase ladder complete for %d overdue hazards", nearDue.size());
    }

    private void printStep(JsonNode h, Instant due, List<JsonNode> notifications) {
        JsonNode first = notifications.get(0);
        long offset = Duration.between(due, Instant.parse(first.path("stepAt").asText())).toSeconds();
        Map<String, List<String>> byRecipient = new LinkedHashMap<>();
        for (JsonNode n : notifications) {
            String who = n.path("level").asText() + " " + n.path("recipientRef").asText();
            String how = n.path("channel").asText() + " " + n.path("status").asText()
                    + (n.hasNonNull("failureReason") ? " (" + n.path("failureReason").asText() + ")" : "");
            byRecipient.computeIfAbsent(who, k -> new ArrayList<>()).add(how);
        }
        List<String> parts = new ArrayList<>();
        byRecipient.forEach((who, how) -> parts.add(who + " [" + String.join(", ", how) + "]"));
        say("  %s %-7s due%s%3ds  %-17s -> %s", h.path("countyCode").asText(), h.path("grade").asText(), offset < 0 ? "-" : "+",
                Math.abs(offset), first.path("step").asText(), String.join("; ", parts));
    }

    private String chaseState(String hazardId) {
        try {
            JsonNode c = notification(actors.admin()).get("/api/v1/chases/" + hazardId);
            return "chase " + c.path("status").asText() + ", escalation " + c.path("escalationLevel").asText()
                    + ", next step at " + c.path("nextReminderAt").asText("-");
        } catch (ApiException e) {
            return "no chase yet (" + e.status() + ")";
        }
    }

    /**
     * scoring-service recomputes on events and on its tick; before printing, wait until every demo county's
     * index counts what hazard-service counts (overdue majors, signed off, all hazards), so the summary and a
     * later look at the APIs agree. A mismatch left after the wait is reported, not hidden.
     */
    private void awaitScoring() {
        Api hazardApi = hazard(actors.admin());
        Api scoringApi = scoring(actors.admin());
        try {
            Poll.until("scoring-service catching up with hazard-service", options.scoringTimeout(), Duration.ofSeconds(1), () -> {
                List<String> behind = new ArrayList<>();
                for (DemoPlan.County c : DemoPlan.counties()) {
                    JsonNode s = hazardApi.get("/api/v1/counties/" + c.code() + "/hazard-summary");
                    JsonNode idx = scoringApi.get("/api/v1/counties/" + c.code() + "/index");
                    long overdueMajor = deductionCount(idx, "OVERDUE_MAJOR");
                    long signedOff = indicator(idx, "RECTIFICATION_RATE").path("numerator").asLong(0);
                    long total = indicator(idx, "REPEAT_FREE_RATE").path("denominator").asLong(0);
                    long wantSigned = s.path("byStatus").path("SIGNED_OFF").asLong(0);
                    if (overdueMajor != s.path("overdueMajor").asLong() || signedOff != wantSigned || total != s.path("total").asLong()) {
                        behind.add(String.format("%s: index counts %d overdue major/%d signed off/%d hazards, hazard-service %d/%d/%d",
                                c.code(), overdueMajor, signedOff, total, s.path("overdueMajor").asLong(), wantSigned, s.path("total").asLong()));
                    }
                }
                return behind.isEmpty() ? Outcome.done(true) : Outcome.notYet(String.join("; ", behind));
            });
            say("scoring-service's indices agree with hazard-service for all %d counties", DemoPlan.counties().size());
        } catch (DemoFailure e) {
            out.println("[demo] WARNING: " + e.getMessage());
        }
    }

    static long deductionCount(JsonNode index, String code) {
        for (JsonNode d : index.path("deductions")) {
            if (d.path("code").asText().equals(code)) {
                return d.path("count").asLong();
            }
        }
        return 0;
    }

    static JsonNode indicator(JsonNode index, String code) {
        for (JsonNode i : index.path("indicators")) {
            if (i.path("code").asText().equals(code)) {
                return i;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    // ---------------------------------------------------------------------------------------------
    private Api inspection(String token) {
        return actors.api(Service.INSPECTION, token);
    }

    private Api hazard(String token) {
        return actors.api(Service.HAZARD, token);
    }

    private Api scoring(String token) {
        return actors.api(Service.SCORING, token);
    }

    private Api notification(String token) {
        return actors.api(Service.NOTIFICATION, token);
    }

    private long elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    private void say(String format, Object... args) {
        out.printf("[demo %5.1fs] %s%n", (System.nanoTime() - startedNanos) / 1e9, String.format(format, args));
        out.flush();
    }

    static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the rectification step did, for its progress line. */
    private static final class Counts {
        int consents;
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
