package io.rectify.notification.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.rectify.notification.api.NotificationDocument;
import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.Notification;
import io.rectify.notification.service.Acknowledgements;
import io.rectify.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The acknowledgement link of a message: the recipient acknowledges without logging in, the signed token
 * being the credential. Opening the link (GET) shows a page with a button; the button (POST) acknowledges,
 * so a mail scanner that follows links acknowledges nothing. Without a token the endpoint wants a login
 * (401) and refuses every role (403): acknowledging as a logged-in recipient is {@code POST …/ack}.
 */
@Path("/api/v1/notifications/{id}/acknowledgement")
@Tag(name = "Notifications")
@PermitAll
public class AcknowledgementResource {

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpHeaders headers;

    @Inject
    @Location("ack/page.html")
    Template page;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Open an acknowledgement link",
            description = "Shows the recipient a page in its language with the button that acknowledges; changes nothing.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response open(@PathParam("id") String id, @Parameter(description = "the link's signed token") @QueryParam("token") String token) {
        UUID notificationId = idOf(id, token);
        Notification n = acknowledgements.checkLink(notificationId, token);
        String html = page.instance().setAttribute(MessageBundles.ATTRIBUTE_LOCALE, localeOf(n))
                .data("done", n.acknowledgedAt != null)
                .data("headline", n.step + " · " + n.countyCode)
                .data("action", "/api/v1/notifications/" + notificationId + "/acknowledgement?token=" + token)
                .render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Acknowledge by the link in the message",
            description = "Single use: the token (HMAC-signed notification id and expiry) works once; altered or expired is 403, "
                    + "used again 409. Records who (the recipient), when and by which channel, and publishes NotificationAcknowledged.")
    @APIResponse(responseCode = "200", description = "Acknowledged", content = @Content(schema = @Schema(implementation = NotificationDocument.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response acknowledge(@PathParam("id") String id, @Parameter(description = "the link's signed token") @QueryParam("token") String token) {
        UUID notificationId = idOf(id, token);
        Notification n = acknowledgements.byLink(notificationId, token);
        if (wantsHtml()) {
            String html = page.instance().setAttribute(MessageBundles.ATTRIBUTE_LOCALE, localeOf(n)).data("done", true)
                    .data("headline", "").data("action", "").render();
            return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(new Acknowledged(n.id, n.hazardId, n.acknowledgedAt, n.acknowledgedBy, n.acknowledgedVia, n.channel.name()),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** What an acknowledgement by link answers (the recipient needs no more, and sees nothing of others). */
    public record Acknowledged(UUID notificationId, UUID hazardId, java.time.Instant acknowledgedAt, String acknowledgedBy, String via,
                               String channel) {
    }

    /**
     * Without a token this is an API call like any other: no credentials is 401, defective credentials 401,
     * a valid login 403 (logged-in recipients use {@code POST …/ack}).
     */
    private UUID idOf(String id, String token) {
        if (token == null || token.isBlank()) {
            if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null || identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            throw ProblemException.forbidden("an acknowledgement link needs its token; logged in, use POST /api/v1/notifications/{id}/ack");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("this acknowledgement link is not valid");
        }
    }

    private boolean wantsHtml() {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && accepted.get(0).isCompatible(MediaType.TEXT_HTML_TYPE) && !accepted.get(0).isWildcardType();
    }

    private static Locale localeOf(Notification n) {
        return Contact.find(n.level, n.recipientRef).map(Contact::locale).orElse(Locale.forLanguageTag("zh-CN"));
    }
}
