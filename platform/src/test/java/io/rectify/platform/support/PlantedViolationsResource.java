package io.rectify.platform.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Test-only endpoints with the mistakes the R4 and R5 engines exist to catch, so their tests can show
 * each mistake is reported. Only {@code HostileInputEngineTest} and {@code AuthorizationMatrixEngineTest}
 * call them; no other test of the platform goes near {@code /api/v1/planted}.
 */
@Path("/api/v1/planted")
public class PlantedViolationsResource {

    public record Note(@NotBlank String text, String tag) {
    }

    @Inject
    EntityManager em;

    /** Mistake: the body parameter is not {@code @NotNull}, so an empty or {@code null} body ends in an NPE (500). */
    @POST
    @Path("/notes")
    @RolesAllowed(Roles.ADMIN)
    public Response crashes(@Valid Note note) {
        return Response.status(201).entity(note.text().trim()).build();
    }

    /** Mistake: writes first (in its own transaction), validates afterwards: a refused request leaves a row behind. */
    @POST
    @Path("/ledgers/{widget}")
    @RolesAllowed(Roles.ADMIN)
    public Response writesBeforeValidating(@PathParam("widget") String widget, Note note) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into test_ledger (widget, seq) values (?1, ?2)")
                .setParameter(1, "planted").setParameter(2, -1).executeUpdate());
        if (note == null || note.text() == null || note.text().isBlank() || widget.length() > 64) {
            throw ProblemException.invalid("text", "must not be blank");
        }
        throw ProblemException.notFound("Ledger", widget);
    }

    /** Mistake: a hand-made error answer in text/plain instead of problem+json. */
    @GET
    @Path("/search")
    @RolesAllowed(Roles.ADMIN)
    public Response plainTextError(@QueryParam("q") String q) {
        if (q != null && q.contains("'")) {
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity("bad query").build();
        }
        return Response.ok("[]").type(MediaType.APPLICATION_JSON).build();
    }

    /** Mistake: an /api endpoint open to every authenticated caller. */
    @GET
    @Path("/open")
    @PermitAll
    public String open() {
        return "anyone with a token";
    }

    /** Mistake: admits ENTERPRISE, which its contract (ADMIN only) does not. */
    @GET
    @Path("/broad")
    @RolesAllowed({Roles.ADMIN, Roles.ENTERPRISE})
    public String broad() {
        return "too many roles";
    }
}
