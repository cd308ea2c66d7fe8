package io.rectify.scenarios.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.demo.Actors.Service;
import io.rectify.scenarios.demo.Poll.Outcome;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.rectify.scenarios.demo.Actors.obj;

/**
 * What reaches people in the chase (chasing.md "Language", "Digest", "Acknowledgement"): a message in
 * Chinese as the receiver got it, one enterprise on a daily digest, and an acknowledgement made with the
 * signed link of a message, without logging in. Read from the services and the local receiver's files.
 */
final class ChasingShowcase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Actors actors;
    private final DemoOptions options;
    private final PrintStream out;
    private String digestEnterprise;
    private Instant digestAt;

    /** The due date of the near-due hazards: 20 s after the digest's minute when a digest is shown. */
    Instant nearDueAt() {
        return digestAt != null ? digestAt.plusSeconds(20) : Instant.now().plus(options.nearDueIn()).truncatedTo(ChronoUnit.SECONDS);
    }

    ChasingShowcase(Actors actors, DemoOptions options, PrintStream out) {
        this.actors = actors;
        this.options = options;
        this.out = out;
    }

    /**
     * Before the near-due hazards are reported: the enterprise of the last one takes a daily digest at a
     * full minute ({@link #nearDueAt} puts the due date 20 s after it), so its first "due soon" reminder
     * (30 s before the due date) is held and goes out in the digest. Later reminders of that hazard are held
     * too, but the overdue step and the escalations withdraw them (SUPERSEDED: no stale reminder), so the
     * digest must come before the due date. Digests are mailed: only with the SMTP sink.
     */
    void chooseDigest(DemoPlan plan) {
        if (!options.email() || plan.nearDueHazards().isEmpty()) {
            say("daily digest: not shown (digests are emailed and this run has no SMTP sink)");
            return;
        }
        DemoPlan.NearDueHazard h = plan.nearDueHazards().get(plan.nearDueHazards().size() - 1);
        Api api = actors.api(Service.NOTIFICATION, actors.county(h.countyCode()));
        String path = "/api/v1/contacts/ENTERPRISE/" + DemoScenario.pathSegment(h.enterpriseCreditCode());
        JsonNode c = api.get(path);
        digestAt = Instant.now().plus(options.nearDueIn()).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        LocalTime at = digestAt.atZone(BEIJING).toLocalTime();
        api.put(path, obj("name", c.path("name").asText(), "email", c.path("email").asText(null), "webhookUrl", c.path("webhookUrl").asText(null),
                "locale", "zh-CN", "delivery", "DAILY_DIGEST", "digestTime", at.toString()));
        digestEnterprise = h.enterpriseCreditCode();
        say("daily digest: enterprise %s gets its reminders by email in one digest at %s (Beijing time); its webhook stays immediate",
                h.enterpriseCreditCode(), at);
    }

    /** After the ladder: the Chinese message, the digest and an acknowledgement by link. */
    void show(List<JsonNode> nearDue) {
        if (nearDue.isEmpty()) {
            return;
        }
        showChineseMessage();
        acknowledgeByLink(nearDue.get(0));
        showDigest(nearDue);
    }

    private void showChineseMessage() {
        Optional<JsonNode> mail = lines("mails.jsonl").stream().filter(l -> l.path("subject").asText().startsWith("【隐患整改】")).findFirst();
        if (mail.isPresent()) {
            say("a reminder as the enterprise read it (email, zh-CN): %s", mail.get().path("subject").asText());
            mail.get().path("body").asText().lines().limit(9).forEach(l -> say("    %s", l));
            return;
        }
        lines("webhooks.jsonl").stream().filter(l -> l.path("body").hasNonNull("title")).findFirst().ifPresent(hook -> {
            say("a reminder as the receiving system got it (webhook title/text, %s): %s", hook.path("body").path("locale").asText(),
                    hook.path("body").path("title").asText());
            hook.path("body").path("text").asText().lines().limit(9).forEach(l -> say("    %s", l));
        });
    }

    /** The enterprise uses the link of its OVERDUE notice: no login, once; a second click is refused. */
    private void acknowledgeByLink(JsonNode hazard) {
        String hazardId = hazard.path("id").asText();
        Optional<JsonNode> hook = lines("webhooks.jsonl").stream()
                .filter(l -> hazardId.equals(l.path("hazardId").asText()) && "ENTERPRISE".equals(l.path("level").asText())
                        && "OVERDUE".equals(l.path("step").asText()) && l.path("body").hasNonNull("acknowledgementUrl"))
                .findFirst();
        if (hook.isEmpty()) {
            say("acknowledgement: no OVERDUE notice with a link reached the receiver for hazard %s", hazardId);
            return;
        }
        String link = hook.get().path("body").path("acknowledgementUrl").asText();
        int first = post(link);
        int again = post(link);
        JsonNode n = actors.api(Service.NOTIFICATION, actors.admin())
                .get("/api/v1/notifications?hazardId=" + hazardId + "&acknowledged=true&size=50").path("items");
        say("acknowledgement: the enterprise clicked the link of its OVERDUE notice without logging in -> HTTP %d; clicked again -> HTTP %d "
                + "(single use); acknowledged notifications of hazard %s: %d (via %s)", first, again, hazardId, n.size(),
                n.isEmpty() ? "-" : n.get(0).path("acknowledgedVia").asText());
    }

    private void showDigest(List<JsonNode> nearDue) {
        if (digestEnterprise == null) {
            return;
        }
        Api api = actors.api(Service.NOTIFICATION, actors.admin());
        List<String> hazards = nearDue.stream().filter(h -> digestEnterprise.equals(h.path("enterpriseCreditCode").asText()))
                .map(h -> h.path("id").asText()).toList();
        try {
            int digested = Poll.until("the daily digest of " + digestEnterprise, Duration.ofSeconds(240), Duration.ofSeconds(3), () -> {
                int sent = 0;
                int held = 0;
                for (String id : hazards) {
                    for (JsonNode n : api.get("/api/v1/notifications?hazardId=" + id + "&level=ENTERPRISE&channel=EMAIL&size=100").path("items")) {
                        sent += n.hasNonNull("digestId") && "SENT".equals(n.path("status").asText()) ? 1 : 0;
                        held += "HELD".equals(n.path("status").asText()) ? 1 : 0;
                    }
                }
                return sent > 0 && held == 0 ? Outcome.done(sent) : Outcome.notYet(held + " reminders held for the digest");
            });
            String subject = lines("mails.jsonl").stream().map(l -> l.path("subject").asText()).filter(s -> s.contains("条提醒"))
                    .reduce((a, b) -> b).orElse("(not in the receiver's mails yet)");
            say("daily digest: %d reminders of enterprise %s went out in one email: %s", digested, digestEnterprise, subject);
        } catch (DemoFailure e) {
            // one digest a day: a round played again the same day finds today's digest taken already
            say("daily digest: none sent for %s in this round (%s) — one digest a day per recipient", digestEnterprise, e.getMessage());
        }
    }

    private int post(String link) {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private List<JsonNode> lines(String file) {
        List<JsonNode> lines = new ArrayList<>();
        if (options.runDir() == null) {
            return lines;
        }
        Path p = options.runDir().resolve(file);
        if (!Files.exists(p)) {
            return lines;
        }
        try {
            for (String l : Files.readAllLines(p)) {
                if (!l.isBlank()) {
                    lines.add(JSON.readTree(l));
                }
            }
        } catch (IOException e) {
            say("could not read %s: %s", p, e.getMessage());
        }
        return lines;
    }

    private void say(String format, Object... args) {
        out.printf("[demo] %s%n", String.format(format, args));
        out.flush();
    }
}
