package io.rectify.platform.testing.reliability;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * R5: every operation of a service's OpenAPI document × every defective token (exactly 401) × every
 * role of domain.md. The roles an operation admits are the ones its code declares — SmallRye OpenAPI
 * writes each method's {@code @RolesAllowed} into the operation's {@code security} requirement — unless
 * the test pins a contract for it; a role outside them must get exactly 403, a role inside them must
 * get past the check (anything but 401/403/5xx). Requests are harmless: random ids, and a malformed
 * body where the operation takes one, so an admitted role is answered 400/404/422 and changes nothing.
 * An operation that declares no role must refuse every role: the platform denies unannotated
 * endpoints, and a {@code @PermitAll} on /api is a violation.
 */
public final class AuthorizationMatrix {

    private final URI base;
    private String prefix = "/api/";
    private Map<String, String> pathValues = Map.of();
    private final Map<String, Set<String>> contracts = new HashMap<>();
    private final Set<String> notCalledWhenAdmitted = new HashSet<>();
    private Function<String, String> tokens = RoleTokens::bearer;

    private AuthorizationMatrix(URI base) {
        this.base = base;
    }

    public static AuthorizationMatrix against(URI base) {
        return new AuthorizationMatrix(base);
    }

    public AuthorizationMatrix only(String pathPrefix) {
        this.prefix = pathPrefix;
        return this;
    }

    public AuthorizationMatrix pathValues(Map<String, String> values) {
        this.pathValues = values;
        return this;
    }

    public AuthorizationMatrix tokens(Function<String, String> roleToBearer) {
        this.tokens = roleToBearer;
        return this;
    }

    /** Pins the roles an operation ({@code "POST /api/v1/x"}) may be used by; the declared roles must match it. */
    public AuthorizationMatrix contract(String operation, String... roles) {
        contracts.put(operation, Set.of(roles));
        return this;
    }

    /**
     * An operation whose harmless request would still act (a body-less command): refused roles and bad
     * tokens are checked, admitted roles are not called.
     */
    public AuthorizationMatrix notCalledWhenAdmitted(String operation) {
        notCalledWhenAdmitted.add(operation);
        return this;
    }

    public Findings run() {
        OpenApiDocument doc = OpenApiDocument.fetch(base);
        List<ApiOperation> ops = doc.operations(prefix);
        HostileRequests paths = new HostileRequests(doc, pathValues);
        RawHttp http = new RawHttp(base);
        Findings findings = new Findings("R5 authorisation matrix");
        findings.operations(ops.size());
        if (ops.isEmpty()) {
            findings.violation("the OpenAPI document lists no operation under " + prefix);
        }
        int skipped = 0;
        for (ApiOperation op : ops) {
            String key = op.toString();
            Set<String> admitted = contracts.getOrDefault(key, op.declaredRoles());
            if (contracts.containsKey(key) && !contracts.get(key).equals(op.declaredRoles())) {
                findings.violation(key + " declares roles " + new java.util.TreeSet<>(op.declaredRoles())
                        + " but its contract is " + new java.util.TreeSet<>(contracts.get(key)));
            }
            String path = paths.path(op, Map.of());
            Map<String, String> headers = op.hasJsonBody() ? Map.of("Content-Type", "application/json") : Map.of();
            byte[] body = op.hasJsonBody() ? "{\"malformed\":".getBytes(StandardCharsets.UTF_8) : null;
            for (RoleTokens.BadToken bad : RoleTokens.badTokens()) {
                Answer a = http.send(op.method(), path, Map.of(), headers, body, false, bad.authorization());
                findings.sent("token: " + bad.kind(), a);
                if (a.status() != 401 || !a.isProblem()) {
                    findings.violation(key + " with " + bad.kind() + " → expected 401 problem+json, got " + a);
                }
            }
            for (String role : RoleTokens.ROLES) {
                boolean admits = admitted.contains(role);
                if (admits && notCalledWhenAdmitted.contains(key)) {
                    skipped++;
                    continue;
                }
                Answer a = http.send(op.method(), path, Map.of(), headers, body, false, tokens.apply(role));
                findings.sent(admits ? "admitted role" : "refused role", a);
                if (admits && (a.status() == 401 || a.status() == 403 || a.status() >= 500 || a.failure() != null)) {
                    findings.violation(key + " as " + role + " (admitted) → " + a);
                } else if (!admits && (a.status() != 403 || !a.isProblem())) {
                    findings.violation(key + " as " + role + " (not admitted" + (op.declaredRoles().isEmpty() ? ": no @RolesAllowed" : "")
                            + ") → expected 403 problem+json, got " + a);
                }
            }
        }
        if (skipped > 0) {
            findings.note(skipped + " admitted-role calls not made on body-less commands " + notCalledWhenAdmitted);
        }
        findings.finish();
        return findings;
    }
}
