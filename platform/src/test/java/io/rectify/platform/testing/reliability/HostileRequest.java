package io.rectify.platform.testing.reliability;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One hostile request. {@code path} is already filled in and percent-encoded; {@code query} values
 * are raw (the sender encodes them). A {@code strict} request is invalid whatever the state, so a
 * 2xx answer to it is a violation; a non-strict one (a hostile value in a read's free-text parameter)
 * may be answered 2xx but never 5xx. {@code chunked} sends the body without a Content-Length.
 */
public record HostileRequest(String category, ApiOperation operation, String method, String path, Map<String, String> query,
                             Map<String, String> headers, byte[] body, boolean strict, boolean chunked, String description) {

    /**
     * A hand-made request sent as ADMIN with a JSON body (e.g. an out-of-order transition on a real
     * resource), strictly hostile: it must be refused without a state change.
     */
    public static HostileRequest handMade(String category, String method, String path, String json, String description) {
        ApiOperation op = new ApiOperation(method, path, java.util.List.of(), null, null, false, java.util.Set.of("ADMIN"));
        Builder b = on(op, category, description).path(path);
        if (json != null) {
            b.json(json);
        }
        return b.build();
    }

    public static Builder on(ApiOperation operation, String category, String description) {
        return new Builder(operation, category, description);
    }

    public static final class Builder {
        private final ApiOperation operation;
        private final String category;
        private final String description;
        private String method;
        private String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean strict = true;
        private boolean chunked;

        private Builder(ApiOperation operation, String category, String description) {
            this.operation = operation;
            this.category = category;
            this.description = description;
            this.method = operation.method();
        }

        public Builder method(String m) {
            this.method = m;
            return this;
        }

        public Builder path(String p) {
            this.path = p;
            return this;
        }

        public Builder query(String name, String value) {
            query.put(name, value);
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder json(String json) {
            return body(json.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        public Builder body(byte[] bytes, String contentType) {
            this.body = bytes;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return this;
        }

        public Builder lenient() {
            this.strict = false;
            return this;
        }

        public Builder chunked() {
            this.chunked = true;
            return this;
        }

        public HostileRequest build() {
            return new HostileRequest(category, operation, method, path, Map.copyOf(query), Map.copyOf(headers), body, strict, chunked, description);
        }
    }

    @Override
    public String toString() {
        String d = description.length() > 120 ? description.substring(0, 120) + "…" : description;
        return "[" + category + "] " + method + " " + (path.length() > 100 ? path.substring(0, 100) + "…" : path)
                + (query.isEmpty() ? "" : " ?" + abbreviate(query.toString())) + " — " + d;
    }

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
