package io.rectify.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 problem+json. Quarkus' own
 * check (route order {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}) answers the same status with an
 * empty body; this one runs just before it with the same rule, so clients get the promised document.
 * A chunked body (no Content-Length) is read here with the same bound, for the same reason, and so is every
 * other body but an evidence upload (see {@link #install}).
 * <p>
 * Evidence uploads ({@code POST /api/v1/evidence} where {@code rectify.evidence.enabled}) have their own
 * limit, {@code rectify.evidence.max-size} (plus room for a multipart envelope); a service that takes them
 * raises {@code quarkus.http.limits.max-body-size} above it and keeps every other request at
 * {@code rectify.http.limits.max-body-size}. A chunked upload is not read here: the upload streams it to
 * disk and counts.
 */
@ApplicationScoped
public class BodySizeLimit {

    static final long DRAIN_CAP = 64L * 1024 * 1024;
    static final Duration DRAIN_TIME = Duration.ofSeconds(30);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<String> maxBodySize;

    /** The bound of every request but evidence uploads, when it is lower than Quarkus' own. */
    @ConfigProperty(name = "rectify.http.limits.max-body-size")
    Optional<String> ordinaryBodySize;

    @ConfigProperty(name = "rectify.evidence.enabled", defaultValue = "false")
    boolean evidenceEnabled;

    @ConfigProperty(name = "rectify.evidence.max-size", defaultValue = "20M")
    String evidenceMaxSize;

    /** What a multipart envelope may add to an evidence file (boundaries, part headers, a digest field). */
    static final long MULTIPART_ENVELOPE = 64 * 1024;

    @Inject
    ObjectMapper json;

    @Inject
    Vertx vertx;

    void install(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        MemorySizeConverter sizes = new MemorySizeConverter();
        long limit = sizes.convert(ordinaryBodySize.orElse(maxBodySize.get())).asLongValue();
        long evidenceLimit = sizes.convert(evidenceMaxSize).asLongValue();
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limit).setHandleFileUploads(false);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (evidenceEnabled && isEvidenceUpload(ctx)) {
                String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
                long bound = evidenceLimit + (type != null && type.toLowerCase().startsWith("multipart/") ? MULTIPART_ENVELOPE : 0);
                if (length != null && tooLarge(length, bound)) {
                    reject(ctx, evidenceLimit);
                } else {
                    ctx.next();
                }
            } else if (length != null && tooLarge(length, limit)) {
                reject(ctx, limit);
            } else if (ctx.request().version() == HttpVersion.HTTP_2) {
                // REST pauses an HTTP/2 stream when it takes the request over, which fails on one whose body
                // was read already (500 "Request has already been read"; the JDK client's h2c upgrade): left to REST
                ctx.next();
            } else if (length == null && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                // a chunked body announces no size: read it here, bounded, so an oversized one fails this
                // route (answered below) instead of Quarkus' reader, which ends the response with no body
                bodies.handle(ctx);
            } else if (length != null && !"0".equals(length.trim())) {
                // read here, on the event loop, too: REST reads the body of a blocking resource method on the
                // worker thread through a stream the event loop fills chunk by chunk, both sides taking the
                // connection's lock; a body already read is handed over as it is. That hand-off was a fifth
                // of hazard-service's CPU samples under P1 (bench RESULTS run 12).
                bodies.handle(ctx);
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
            if (ctx.failure() instanceof io.vertx.core.http.HttpClosedException) {
                // the client went away while its body was read here: nobody to answer, nothing went wrong here
                return;
            }
            if (ctx.statusCode() == 413 && !ctx.response().ended()) {
                reject(ctx, evidenceEnabled && isEvidenceUpload(ctx) ? evidenceLimit : limit);
            } else if (evidenceEnabled && isEvidenceUpload(ctx) && !ctx.response().ended() && undecodable(ctx)) {
                // a multipart envelope Vert.x could not parse fails here, before any resource: answer as one would
                answer(ctx, Problem.of(400, "malformed-request", "Malformed request",
                        "the upload cannot be decoded (e.g. a broken multipart envelope)").at(ctx.request().path()));
            } else {
                ctx.next();
            }
        });
    }

    private static boolean undecodable(RoutingContext ctx) {
        if (ctx.statusCode() == 400) {
            return true;
        }
        for (Throwable t = ctx.failure(); t != null; t = t.getCause()) {
            if (t instanceof io.netty.handler.codec.DecoderException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEvidenceUpload(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return ctx.request().method() == io.vertx.core.http.HttpMethod.POST
                && (path.equals("/api/v1/evidence") || path.equals("/api/v1/evidence/"));
    }

    private static boolean tooLarge(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private void reject(RoutingContext ctx, long limit) {
        Problem problem = Problem.of(413, "payload-too-large", "Payload too large",
                "the request body may be at most " + limit + " bytes").at(ctx.request().path());
        answer(ctx, problem);
        drainRestOfBody(ctx.request());
    }

    private void answer(RoutingContext ctx, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + ",\"title\":\"" + problem.title() + "\"}";
        }
        ctx.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }

    /**
     * Closing the connection while the client is still sending makes the kernel answer its next segments
     * with a reset, and a reset can destroy the 413 before the client has read it. So the rest of the
     * body is read and thrown away (HTTP's "lingering close"); a client that keeps sending past
     * {@link #DRAIN_CAP} bytes or {@link #DRAIN_TIME} is cut off, since it is no longer a mistake.
     */
    private void drainRestOfBody(HttpServerRequest request) {
        if (request.isEnded()) {
            return;
        }
        HttpConnection connection = request.connection();
        AtomicLong drained = new AtomicLong();
        long timer = vertx.setTimer(DRAIN_TIME.toMillis(), ignored -> connection.close());
        request.handler(chunk -> {
            if (drained.addAndGet(chunk.length()) > DRAIN_CAP) {
                vertx.cancelTimer(timer);
                connection.close();
            }
        });
        request.endHandler(ignored -> vertx.cancelTimer(timer));
        request.exceptionHandler(ignored -> vertx.cancelTimer(timer));
        request.resume();
    }
}
