package io.rectify.platform.testing.reliability;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * R4: sends the hostile requests {@link HostileRequests} generates for every operation of a service's
 * OpenAPI document, with the token of a role the operation allows (ADMIN where it can) so the input
 * reaches validation, and checks each answer: no 5xx, no hang, every non-2xx answer is
 * {@code application/problem+json} whose {@code status} is the HTTP status, no 2xx for a strictly
 * invalid request, and — through a {@link DatabaseFingerprint} taken around each operation's batch —
 * no state change. A change is confirmed by replaying the batch request by request, so a background
 * job of the service (a sweep, a late consumer) is not mistaken for a hostile request's effect.
 */
public final class HostileInputSuite {

    private final URI base;
    private DataSource dataSource;
    private Set<String> ignoredTables = Set.of();
    private Map<String, String> pathValues = Map.of();
    private Function<String, String> tokens = RoleTokens::bearer;
    private final List<HostileRequest> extra = new ArrayList<>();
    private String prefix = "/api/";

    private HostileInputSuite(URI base) {
        this.base = base;
    }

    public static HostileInputSuite against(URI base) {
        return new HostileInputSuite(base);
    }

    /** The service's datasource: its tables are fingerprinted around each batch. */
    public HostileInputSuite database(DataSource ds, String... ignored) {
        this.dataSource = ds;
        this.ignoredTables = Set.of(ignored);
        return this;
    }

    /** Values for path parameters of reads (e.g. a real county code); writes always get a random id. */
    public HostileInputSuite pathValues(Map<String, String> values) {
        this.pathValues = values;
        return this;
    }

    public HostileInputSuite tokens(Function<String, String> roleToBearer) {
        this.tokens = roleToBearer;
        return this;
    }

    public HostileInputSuite only(String pathPrefix) {
        this.prefix = pathPrefix;
        return this;
    }

    /** Hand-made hostile requests (e.g. out-of-order transitions on a real resource), checked like the rest. */
    public HostileInputSuite plus(List<HostileRequest> requests) {
        extra.addAll(requests);
        return this;
    }

    public Findings run() {
        OpenApiDocument doc = OpenApiDocument.fetch(base);
        List<ApiOperation> ops = doc.operations(prefix);
        HostileRequests generator = new HostileRequests(doc, pathValues);
        RawHttp http = new RawHttp(base);
        DatabaseFingerprint fingerprint = dataSource == null ? null : new DatabaseFingerprint(dataSource, ignoredTables);
        Findings findings = new Findings("R4 hostile input");
        findings.operations(ops.size());
        if (ops.isEmpty()) {
            findings.violation("the OpenAPI document lists no operation under " + prefix);
        }
        if (fingerprint == null) {
            findings.note("no datasource given: state changes are not checked");
        } else {
            awaitQuiet(fingerprint, findings);
        }
        Map<String, List<HostileRequest>> batches = new java.util.LinkedHashMap<>();
        for (ApiOperation op : ops) {
            batches.put(op.toString(), generator.forOperation(op));
        }
        batches.put("undeclared methods", generator.wrongMethods(ops));
        if (!extra.isEmpty()) {
            batches.put("extra", extra);
        }
        for (Map.Entry<String, List<HostileRequest>> batch : batches.entrySet()) {
            Map<String, Long> before = fingerprint == null ? null : fingerprint.take();
            for (HostileRequest r : batch.getValue()) {
                Answer answer = http.send(r, tokenFor(r.operation()));
                findings.sent(r.category(), answer);
                check(r, answer, findings);
            }
            if (fingerprint != null) {
                List<String> changed = DatabaseFingerprint.diff(before, fingerprint.take());
                if (!changed.isEmpty()) {
                    confirm(batch.getKey(), batch.getValue(), changed, http, fingerprint, findings);
                }
            }
        }
        if (fingerprint != null) {
            findings.note(fingerprint.tableCount() + " tables fingerprinted around each operation's batch");
        }
        findings.finish();
        return findings;
    }

    private String tokenFor(ApiOperation op) {
        Set<String> roles = op.declaredRoles();
        String role = roles.isEmpty() || roles.contains("ADMIN") ? "ADMIN" : roles.stream().sorted().findFirst().orElseThrow();
        return tokens.apply(role);
    }

    static void check(HostileRequest r, Answer a, Findings findings) {
        if (a.failure() != null) {
            findings.violation(r + " → " + a);
        } else if (a.status() >= 500) {
            findings.violation(r + " → server error " + a);
        } else if (a.is2xx()) {
            if (r.strict()) {
                findings.violation(r + " → accepted " + a);
            }
        } else if (!a.isProblem()) {
            findings.violation(r + " → not problem+json: " + a);
        } else if (a.problemStatus() != a.status()) {
            findings.violation(r + " → problem status " + a.problemStatus() + " differs from HTTP " + a);
        }
    }

    /** Replays a batch that coincided with a change, request by request, to name the requests that change state. */
    private void confirm(String batch, List<HostileRequest> requests, List<String> changed, RawHttp http,
                         DatabaseFingerprint fingerprint, Findings findings) {
        awaitQuiet(fingerprint, findings);
        int culprits = 0;
        for (HostileRequest r : requests) {
            Map<String, Long> before = fingerprint.take();
            http.send(r, tokenFor(r.operation()));
            List<String> diff = DatabaseFingerprint.diff(before, fingerprint.take());
            if (!diff.isEmpty() && stillChanged(r, http, fingerprint)) {
                findings.violation(r + " → changed state: " + diff);
                culprits++;
            }
        }
        if (culprits == 0) {
            findings.note("batch " + batch + " coincided with " + changed + " but no request of it changes state on replay (background work, or an effect that cannot repeat: see accepted requests)");
        }
    }

    /** A second replay: a request whose first replay coincided with background work must change state again. */
    private boolean stillChanged(HostileRequest r, RawHttp http, DatabaseFingerprint fingerprint) {
        Map<String, Long> before = fingerprint.take();
        http.send(r, tokenFor(r.operation()));
        return !DatabaseFingerprint.diff(before, fingerprint.take()).isEmpty();
    }

    /** Waits until the service's own background work leaves the tables alone for a moment. */
    private static void awaitQuiet(DatabaseFingerprint fingerprint, Findings findings) {
        Map<String, Map<String, Long>> last = new HashMap<>();
        try {
            Awaitility.await("database quiet").pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(400)).atMost(Duration.ofSeconds(20))
                    .until(() -> {
                        Map<String, Long> now = fingerprint.take();
                        boolean same = now.equals(last.get("previous"));
                        last.put("previous", now);
                        return same;
                    });
        } catch (ConditionTimeoutException e) {
            findings.note("the database did not settle within 20 s; a change that reproduces on replay is still reported");
        }
    }
}
