package io.rectify.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error answer is application/problem+json. Bad input is a 4xx naming the field; a database
 * outage is a 503 with Retry-After; anything unexpected is a 500 with an id to find it in the log,
 * never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(ProblemException.invalid(errors), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String detail;
        if (e instanceof InvalidFormatException f) {
            detail = "value " + abbreviate(String.valueOf(f.getValue())) + " is not a valid " + f.getTargetType().getSimpleName()
                    + (f.getTargetType().isEnum() ? " (one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants()) + ")" : "");
        } else if (e instanceof UnrecognizedPropertyException u) {
            detail = "unknown field " + u.getPropertyName();
        } else if (e instanceof JsonMappingException) {
            detail = "the value does not have the expected type";
        } else {
            detail = "the body is not well-formed JSON";
        }
        Problem p = Problem.of(400, "malformed-request", "Malformed request", field.isEmpty() ? detail : field + ": " + detail);
        if (!field.isEmpty()) {
            p = p.withErrors(List.of(new Problem.FieldError(field, detail)));
        }
        return p.at(uri.getPath()).toResponse();
    }

    // The Jackson integration ships its own mappers for these (plain JSON bodies); ours are more specific.
    @ServerExceptionMapper
    public Response unparsableJson(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidJsonValue(InvalidFormatException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        String title = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        Response.ResponseBuilder answer = Response.fromResponse(Problem.of(status, "http-" + status, title,
                e.getMessage() == null ? title : e.getMessage()).at(uri.getPath()).toResponse());
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(403, "forbidden", "Forbidden", "your role may not do this").at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return staleState(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return staleState(uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (causedBy(e, OptimisticLockException.class) || causedBy(e, StaleStateException.class)) {
            return staleState(uri);
        }
        if (causedBy(e, ConstraintViolationException.class)) {
            return constraintViolation(find(e, ConstraintViolationException.class), uri);
        }
        if (causedBy(e, ProblemException.class)) {
            return problem(find(e, ProblemException.class), uri);
        }
        if (databaseUnavailable(e)) {
            LOG.warnf("database unavailable for %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(Problem.of(503, "unavailable", "Service unavailable",
                            "the database is not reachable; try again shortly").at(uri.getPath()).toResponse())
                    .header("Retry-After", "5").build();
        }
        if (causedBy(e, io.netty.handler.codec.DecoderException.class) || brokenMultipart(e)) {
            // a body Netty cannot decode (a broken multipart envelope of an evidence upload): the client's fault
            LOG.infof("undecodable body on %s: %s", uri.getPath(), e.getMessage());
            return Problem.of(400, "malformed-request", "Malformed request", "the request body cannot be decoded (e.g. a broken multipart envelope)")
                    .at(uri.getPath()).toResponse();
        }
        if (valueRefusedByDatabase(e)) {
            // the database refused a value the request carried (a NUL character, a number or date out of
            // its range, a string longer than the column): bad input, not a server fault
            LOG.infof("database refused a value of %s: %s", uri.getPath(), e.getMessage());
            return Problem.of(400, "malformed-request", "Malformed request",
                    "a value in the request cannot be stored or compared (e.g. a NUL character, or a number, date or text out of range)")
                    .at(uri.getPath()).toResponse();
        }
        if (clientGone(e)) {
            // the client hung up (timed out, cancelled a download) while its answer was being written: nothing
            // is wrong here and nobody is left to read a 500
            LOG.debugf("client closed the connection before the answer to %s was written: %s", uri.getPath(), e.getMessage());
            return Problem.of(499, "client-closed", "Client closed the connection", "the client closed the connection")
                    .at(uri.getPath()).toResponse();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", incident, uri.getPath());
        return Problem.of(500, "internal", "Internal error", "an unexpected error occurred; incident " + incident)
                .with("incident", incident).at(uri.getPath()).toResponse();
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(Problem.of(401, "unauthenticated", "Unauthorized",
                        "a valid bearer token is required").at(uri.getPath()).toResponse())
                .header("WWW-Authenticate", "Bearer").build();
    }

    private static Response staleState(UriInfo uri) {
        return Problem.of(412, "stale-version", "Precondition failed",
                "the resource was changed by someone else; read it again and retry").at(uri.getPath()).toResponse();
    }

    /** Quarkus REST's multipart parser reports a truncated or mis-bounded envelope as an IOException. */
    static boolean brokenMultipart(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && java.util.Arrays.stream(t.getStackTrace())
                    .anyMatch(f -> f.getClassName().contains("MultiPartParserDefinition"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writing the answer failed because the connection is gone: Quarkus REST's output stream reports it as
     * {@code IOException("Failed to write")} over Vert.x's closed-connection exception, or the socket's own
     * closed-channel, reset or broken-pipe error.
     */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException || t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if ((t instanceof io.vertx.core.VertxException && message.contains("Connection was closed"))
                    || (t instanceof java.io.IOException && (message.equals("Failed to write")
                    || message.contains("Connection reset by peer") || message.contains("Broken pipe")))) {
                return true;
            }
        }
        return false;
    }

    static boolean databaseUnavailable(Throwable e) {
        return DatabaseOutage.isCause(e);
    }

    /** SQLState class 22, "data exception": the value, not the statement or the server, is at fault. */
    static boolean valueRefusedByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return find(e, type) != null;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // "create.request.fundingCny" -> "fundingCny": the method and parameter names mean nothing to a client
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
