package io.rectify.platform.evidence;

import io.quarkus.arc.properties.IfBuildProperty;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence files: upload (the file as the body, or one {@code file} part of a multipart form), download
 * (streamed, with Range), metadata. Served by the services that take evidence (build property
 * {@code rectify.evidence.enabled=true}: inspection-service and hazard-service).
 */
@Path("/api/v1/evidence")
@Tag(name = "evidence")
@IfBuildProperty(name = "rectify.evidence.enabled", stringValue = "true")
public class EvidenceResource {

    public static final String DIGEST_HEADER = "X-Content-SHA256";

    @Inject
    EvidenceIntake intake;

    @Inject
    EvidenceLibrary library;

    @Inject
    EvidenceStore store;

    @Inject
    EvidenceConfig config;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Upload an evidence file (the request body)",
            description = "JPEG, PNG, WebP, HEIC, PDF or MP4, recognised from the content; optional X-Content-SHA256 is checked; "
                    + "the file name may come in Content-Disposition. 413 over the size limit, 415 for other content, 422 for a digest mismatch.")
    public Response upload(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam("Content-Disposition") String disposition, @HeaderParam(DIGEST_HEADER) String sha256) {
        EvidenceFile f = intake.upload(body, new EvidenceIntake.Declared(contentType, fileNameOf(disposition), sha256));
        return created(f);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Upload an evidence file (multipart/form-data, one part named file)",
            description = "The same checks as the plain upload; the part's Content-Type and file name are the declared ones.")
    public Response uploadForm(@RestForm(FileUpload.ALL) List<FileUpload> files, @RestForm("sha256") String formSha256,
                               @HeaderParam(DIGEST_HEADER) String sha256) {
        List<FileUpload> named = files == null ? List.of() : files.stream().filter(f -> "file".equals(f.name())).toList();
        if (named.size() != 1) {
            throw ProblemException.invalid("file", named.isEmpty() ? "a multipart upload needs one part named file" : "only one file per upload");
        }
        FileUpload part = named.get(0);
        if (part.size() > config.maxSize().asLongValue()) {
            throw EvidenceIntake.tooLarge(config.maxSize().asLongValue());
        }
        try (InputStream in = Files.newInputStream(part.uploadedFile())) {
            EvidenceFile f = intake.upload(in, new EvidenceIntake.Declared(part.contentType(), part.fileName(),
                    sha256 != null ? sha256 : formSha256));
            return created(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Download an evidence file", description = "Streamed; ETag is the SHA-256; a single bytes Range is honoured (206).")
    public Response download(@PathParam("id") UUID id, @HeaderParam("Range") String range, @HeaderParam("If-None-Match") String ifNoneMatch) {
        EvidenceFile f = library.readable(id);
        String etag = "\"" + f.sha256 + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        Optional<ByteRange> part;
        try {
            part = ByteRange.parse(range, f.size);
        } catch (ByteRange.Unsatisfiable e) {
            return Response.status(416).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(416, "range-not-satisfiable", "Range not satisfiable", "the file has " + f.size + " bytes"))
                    .header("Content-Range", "bytes */" + f.size).build();
        }
        long start = part.map(ByteRange::start).orElse(0L);
        long length = part.map(ByteRange::length).orElse(f.size);
        StreamingOutput bytes = out -> {
            try (InputStream in = store.open(f.sha256, start, length)) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder answer = Response.status(part.isPresent() ? 206 : 200).entity(bytes)
                .type(f.mediaType)
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header(HttpHeaders.ETAG, etag)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", disposition(f))
                .header("X-Content-SHA256", f.sha256)
                .header("X-Content-Type-Options", "nosniff");
        part.ifPresent(p -> answer.header("Content-Range", p.contentRange(f.size)));
        return answer.build();
    }

    @GET
    @Path("/{id}/meta")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "An evidence file's metadata", description = "{id, sha256, size, mediaType, fileName, uploadedBy, uploadedAt, capturedAt?, location?}")
    public Response meta(@PathParam("id") UUID id) {
        EvidenceFile f = library.readable(id);
        return Response.ok(EvidenceMeta.of(f)).header(HttpHeaders.ETAG, "\"" + f.sha256 + "\"").build();
    }

    private Response created(EvidenceFile f) {
        URI location = uri.getBaseUriBuilder().path("api/v1/evidence").path(f.id.toString()).build();
        return Response.created(location).entity(EvidenceMeta.of(f)).header(HttpHeaders.ETAG, "\"" + f.sha256 + "\"").build();
    }

    /** Always an attachment (a browser must not render an uploaded file inline), with the name in RFC 5987 form too. */
    private static String disposition(EvidenceFile f) {
        String name = f.fileName != null ? f.fileName : f.id + "." + MediaTypes.extensionOf(f.mediaType);
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The file name of a {@code Content-Disposition: attachment; filename="…"} request header, if any. */
    static String fileNameOf(String disposition) {
        if (disposition == null) {
            return null;
        }
        for (String param : disposition.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "filename=", 0, 9)) {
                String v = p.substring(9).trim();
                return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }
}
