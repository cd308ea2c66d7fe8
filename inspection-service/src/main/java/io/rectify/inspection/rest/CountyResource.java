package io.rectify.inspection.rest;

import io.rectify.inspection.api.CountyDocument;
import io.rectify.inspection.api.CountyRequest;
import io.rectify.inspection.service.CountyService;
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
import static io.rectify.platform.security.Roles.EXPERT;
import static io.rectify.platform.security.Roles.PROVINCE_REGULATOR;

@Path("/api/v1/counties")
@Tag(name = "Counties", description = "Key counties (重点县)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CountyResource {

    @Inject
    CountyService counties;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, AGENCY_SYSTEM})
    @Operation(summary = "Key counties in the caller's scope", description = "Paged, ordered by code; optionally of one province.")
    @APIResponse(responseCode = "200", description = "One page of counties")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "ValidationFailed")
    public PageResult<CountyDocument> list(@QueryParam("province") String province, @BeanParam @Valid PageRequest page) {
        return counties.list(province, page);
    }

    @POST
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR})
    @Operation(summary = "Register a key county", description = "ADMIN anywhere, a regulator inside its own area. "
            + "Publishes CountyRegistered. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag set")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "ValidationFailed")
    public Response register(@Valid @NotNull CountyRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/counties", request, () -> {
            CountyDocument county = counties.register(request);
            return Response.created(URI.create("/api/v1/counties/" + county.code()))
                    .tag(Versions.etag(county.version())).entity(county).build();
        });
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, AGENCY_SYSTEM})
    @Operation(summary = "One key county")
    @APIResponse(responseCode = "200", description = "The county; ETag is its version")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public Response get(@PathParam("code") String code) {
        CountyDocument county = counties.get(code);
        return Response.ok(county).tag(Versions.etag(county.version())).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR})
    @Operation(summary = "Change a key county", description = "ADMIN anywhere, a regulator inside its own area (and it cannot move "
            + "the county out of it). Publishes CountyRegistered again (the latest wins). If-Match is checked.")
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "ValidationFailed")
    public Response change(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CountyRequest request) {
        CountyDocument county = counties.change(code, ifMatch, request);
        return Response.ok(county).tag(Versions.etag(county.version())).build();
    }
}
