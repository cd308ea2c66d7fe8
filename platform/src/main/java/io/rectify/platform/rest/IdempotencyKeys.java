package io.rectify.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.rectify.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POST: the first answer is stored in the same transaction as the effect;
 * the same key and body within 24 h replays it, the same key with another body is a 422. A concurrent
 * duplicate waits on the first one's row (PostgreSQL's unique index) and then replays its answer.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Whether the request carries a key (a blank header is none). */
    public static boolean present(String key) {
        return key != null && !key.isBlank();
    }

    @Transactional
    public Response execute(String key, String caller, String endpoint, Object request, Supplier<Response> action) {
        if (!present(key)) {
            return action.get();
        }
        if (key.length() > 200) {
            throw ProblemException.invalid(HEADER, "must be at most 200 characters");
        }
        String scope = caller + " " + endpoint;
        String hash = hash(request);
        em.createNativeQuery("delete from idempotency_record where scope = ?1 and idem_key = ?2 and created_at < now() - interval '24 hours'")
                .setParameter(1, scope).setParameter(2, key).executeUpdate();
        int claimed = em.createNativeQuery("insert into idempotency_record (scope, idem_key, request_hash, created_at) "
                        + "values (?1, ?2, ?3, now()) on conflict do nothing")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash).executeUpdate();
        if (claimed == 0) {
            return replay(scope, key, hash);
        }
        Response response = action.get();
        em.createNativeQuery("update idempotency_record set status = ?1, location = ?2, body = ?3 where scope = ?4 and idem_key = ?5")
                .setParameter(1, response.getStatus())
                .setParameter(2, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(3, write(response.getEntity()))
                .setParameter(4, scope).setParameter(5, key)
                .executeUpdate();
        return response;
    }

    private Response replay(String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, status, location, body from idempotency_record where scope = ?1 and idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.conflict("a request with this Idempotency-Key is still in progress; retry shortly");
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.invalid(HEADER, "this key was already used with a different request body");
        }
        Response.ResponseBuilder answer = Response.status(((Number) row[1]).intValue())
                .header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            answer.location(URI.create((String) row[2]));
        }
        if (row[3] != null) {
            answer.entity(row[3]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return answer.build();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("delete from idempotency_record where created_at < now() - interval '24 hours'").executeUpdate();
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
