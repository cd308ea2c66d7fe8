package io.rectify.platform.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts the hazard and county a REST request is about into the logging MDC (JSON log field {@code mdc}),
 * next to the {@code traceId} and {@code spanId} OpenTelemetry adds, so an operator finds every line of
 * a hazard's requests by its id. Taken from the path: {@code /hazards/{id}}, {@code /counties/{code}}.
 */
public class RequestIds {

    private static final Map<String, String> KEYS = Map.of("hazards", "hazardId", "counties", "countyCode", "chases", "hazardId");
    /** What an id looks like (a UUID, a county code): other segments ("export", "summary") are not ids. */
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|[A-Z0-9]{4,12}");

    @ServerRequestFilter
    public void put(ContainerRequestContext request) {
        // the raw path: an id is plain text, and decoding a hostile path ("%s%s") here would fail the request
        String[] segments = request.getUriInfo().getRequestUri().getRawPath().split("/");
        for (int i = 0; i + 1 < segments.length; i++) {
            String key = KEYS.get(segments[i]);
            String value = segments[i + 1];
            if (key != null && ID.matcher(value).matches()) {
                MDC.put(key, value);
            }
        }
    }

    @ServerResponseFilter
    public void clear(ContainerResponseContext response) {
        KEYS.values().forEach(MDC::remove);
    }
}
