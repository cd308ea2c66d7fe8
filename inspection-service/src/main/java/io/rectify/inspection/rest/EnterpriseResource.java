package io.rectify.inspection.rest;

import io.rectify.inspection.api.EnterpriseDocument;
import io.rectify.inspection.api.EnterpriseRequest;
import io.rectify.inspection.service.EnterpriseService;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.rest.IdempotencyKeys;
import io.rectify.platform.rest.Versions;
import io.rectify.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

import static io.rectify.platform.security.Roles.ADMIN;
import static io.rectify.platform.security.Roles.AGENCY_SYSTEM;
import static io.rectify.platform.security.Roles.CITY_REGULATOR;
import static io.rectify.platform.security.Roles.COUNTY_REGULATOR;
import static io.rectify.platform.security.Roles.ENTERPRISE;
import static io.rectify.platform.security.Roles.EXPERT;
import static io.rectify.platform.security.Roles.PROVINCE_REGULATOR;

@Path("/api/v1/enterprises")
@Tag(name = "Enterprises", description = "Chemical enterprises, keyed by unified social credit code")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnterpriseResource {

    @Inject
    EnterpriseService enterprises;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, ENTERPRISE, AGENCY_SYSTEM})
    @Operation(summary = "Enterprises in the caller's scope", description = "Paged; `county` narrows to one county. An ENTERPRISE sees only itself.")
    @APIResponse(responseCode = "200", description = "One page of enterprises")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "ValidationFailed")
    public PageResult<EnterpriseDocument> list(@QueryParam("county") String county, @BeanParam @Valid PageRequest page) {
        return enterprises.list(county, page);
    }

    @POST
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR})
    @Operation(summary = "Register an enterprise", description = "The credit code's check character is verified (a wrong one is a 422 "
            + "saying which it should be); the county must exist. ADMIN anywhere, a regulator inside its own area. "
            + "Publishes EnterpriseRegistered. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag set")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "ValidationFailed")
    public Response register(@Valid @NotNull EnterpriseRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/enterprises", request, () -> {
            EnterpriseDocument enterprise = enterprises.register(request);
            return Response.created(URI.create("/api/v1/enterprises/" + enterprise.creditCode()))
                    .tag(Versions.etag(enterprise.version())).entity(enterprise).build();
        });
    }

    @GET
    @Path("/{creditCode}")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, ENTERPRISE, AGENCY_SYSTEM})
    @Operation(summary = "One enterprise")
    @APIResponse(responseCode = "200", description = "The enterprise; ETag is its version")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public Response get(@PathParam("creditCode") String creditCode) {
        EnterpriseDocument enterprise = enterprises.get(creditCode);
        return Response.ok(enterprise).tag(Versions.etag(enterprise.version())).build();
    }

    @PUT
    @Path("/{creditCode}")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR})
    @Operation(summary = "Change an enterprise", description = "ADMIN anywhere, a regulator inside its own area. Publishes "
            + "EnterpriseRegistered again (the latest wins). If-Match is checked.")
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "ValidationFailed")
    public Response change(@PathParam("creditCode") String creditCode, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull EnterpriseRequest request) {
        EnterpriseDocument enterprise = enterprises.change(creditCode, ifMatch, request);
        return Response.ok(enterprise).tag(Versions.etag(enterprise.version())).build();
    }
}
