package io.rectify.platform.support;

import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Jurisdiction;
import io.rectify.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** A test-only resource exercising the platform's REST conventions: roles, scope, validation, problems. */
@Path("/api/v1/widgets")
public class WidgetResource {

    public enum Colour { RED, GREEN }

    public record NewWidget(@NotBlank String name, @NotNull Colour colour, @NotNull @Min(1) @Max(10) Integer size) {
    }

    @Inject
    Caller caller;

    @Inject
    jakarta.persistence.EntityManager em;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COUNTY_REGULATOR})
    public PageResult<String> list(@BeanParam @Valid PageRequest page) {
        return page.result(List.of("w1"), 1);
    }

    @GET
    @Path("/in/{county}")
    @RolesAllowed({Roles.ADMIN, Roles.COUNTY_REGULATOR, Roles.ENTERPRISE})
    public String inCounty(@PathParam("county") String county) {
        if (!caller.canSee(Jurisdiction.ofCounty("Sichuan", "Mianyang", county))) {
            throw ProblemException.notFound("Widget", county);
        }
        return "visible";
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull NewWidget widget) {
        return Response.status(201).entity(widget).build();
    }

    /** A read that reaches the database with a client's string (R4 sends it NUL characters and injections). */
    @GET
    @Path("/ledger")
    @RolesAllowed(Roles.ADMIN)
    @jakarta.transaction.Transactional
    public long ledgerRows(@jakarta.ws.rs.QueryParam("widget") String widget) {
        return ((Number) em.createNativeQuery("select count(*) from test_ledger where widget = ?1")
                .setParameter(1, widget == null ? "" : widget).getSingleResult()).longValue();
    }

    @GET
    @Path("/unannotated")
    public String unannotated() {
        return "should never be served without a role";
    }
}
