package io.rectify.notification.rest;

import io.rectify.contracts.CountyCode;
import io.rectify.contracts.CreditCode;
import io.rectify.notification.api.ContactDocument;
import io.rectify.notification.api.ContactRequest;
import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.DeliveryMode;
import io.rectify.notification.domain.RecipientLevel;
import io.rectify.notification.service.ContactDirectory;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.rest.QueryValues;
import io.rectify.platform.rest.Versions;
import io.rectify.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The contacts directory: who hears about each level of the ladder (contracts.md "notification-service"). */
@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
public class ContactResource {

    @Inject
    ContactDirectory directory;

    @Inject
    UriInfo uri;

    /** One page of contacts, for the OpenAPI document. */
    public record ContactPage(java.util.List<ContactDocument> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.AGENCY_SYSTEM})
    @Operation(summary = "List contacts", description = "Only contacts inside the caller's scope; secrets are never shown.")
    @APIResponse(responseCode = "200", description = "One page of contacts", content = @Content(schema = @Schema(implementation = ContactPage.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public PageResult<ContactDocument> list(
            @Parameter(schema = @Schema(implementation = RecipientLevel.class)) @QueryParam("level") String level,
            @BeanParam @Valid PageRequest page) {
        RecipientLevel l = QueryValues.enumOf("level", level, RecipientLevel.class);
        return directory.list(l, page).map(ContactDocument::of);
    }

    @GET
    @Path("/{level}/{ref}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.AGENCY_SYSTEM, Roles.ENTERPRISE})
    @Operation(summary = "Read a contact", description = "ENTERPRISE (ref = credit code), COUNTY (county code), CITY or PROVINCE (name).")
    @APIResponse(responseCode = "200", description = "The contact", headers = @Header(name = "ETag", description = "its version"),
            content = @Content(schema = @Schema(implementation = ContactDocument.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("level") String level, @PathParam("ref") String ref) {
        Contact contact = directory.get(levelOf(level), ref);
        return Response.ok(ContactDocument.of(contact)).tag(Versions.etag(contact.version)).build();
    }

    @PUT
    @Path("/{level}/{ref}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR})
    @Operation(summary = "Create or replace a contact",
            description = "By ADMIN or a regulator whose scope covers the contact's place on the ladder (an enterprise's place is "
                    + "the county the registry has it in). A webhook needs a secret (at least 16 characters); leaving "
                    + "webhookSecret out keeps the one already set. locale (zh-CN default, en) is the language of its messages; "
                    + "delivery DAILY_DIGEST with a digestTime gathers its reminders into one email a day.")
    @APIResponse(responseCode = "200", description = "Replaced", headers = @Header(name = "ETag", description = "the new version"),
            content = @Content(schema = @Schema(implementation = ContactDocument.class)))
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", description = "the contact"), @Header(name = "ETag", description = "its version")},
            content = @Content(schema = @Schema(implementation = ContactDocument.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response put(@PathParam("level") String level, @PathParam("ref") String ref,
                        @Parameter(description = "the version (ETag) the change is based on; a stale one is a 412")
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @Valid @NotNull ContactRequest body) {
        RecipientLevel l = levelOf(level);
        checkRef(l, ref);
        if (blank(body.email()) && blank(body.webhookUrl()) && blank(body.phone())) {
            throw ProblemException.invalid("email", "give an email, a webhookUrl or a phone (or several)");
        }
        DeliveryMode delivery = blank(body.delivery()) ? DeliveryMode.IMMEDIATE : DeliveryMode.valueOf(body.delivery());
        if (delivery == DeliveryMode.DAILY_DIGEST && (blank(body.email()) || blank(body.digestTime()))) {
            throw ProblemException.invalid("delivery", "DAILY_DIGEST needs an email (the digest is mailed) and a digestTime");
        }
        ContactDirectory.Saved saved = directory.put(l, ref,
                new ContactDirectory.Details(body.name(), body.email(), body.webhookUrl(), body.webhookSecret(), body.phone(),
                        blank(body.locale()) ? "zh-CN" : body.locale(), delivery,
                        blank(body.digestTime()) ? null : java.time.LocalTime.parse(body.digestTime())), ifMatch);
        Response.ResponseBuilder answer = saved.created()
                ? Response.created(uri.getBaseUriBuilder().path("api/v1/contacts").path(l.name()).path(ref).build())
                : Response.ok();
        return answer.tag(Versions.etag(saved.contact().version)).entity(ContactDocument.of(saved.contact())).build();
    }

    /** An unknown level names no contact that could exist. */
    private static RecipientLevel levelOf(String level) {
        return RecipientLevel.parse(level).orElseThrow(() -> ProblemException.notFound("contact level", level));
    }

    private static void checkRef(RecipientLevel level, String ref) {
        switch (level) {
            case ENTERPRISE -> CreditCode.problem(ref).ifPresent(p -> {
                throw ProblemException.invalid("ref", "credit code " + p);
            });
            case COUNTY -> {
                if (!CountyCode.isValid(ref)) {
                    throw ProblemException.invalid("ref", "county code must be 6 to 12 digits or uppercase letters");
                }
            }
            default -> {
                if (ref.isBlank() || ref.length() > 100) {
                    throw ProblemException.invalid("ref", "name must be 1 to 100 characters");
                }
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
