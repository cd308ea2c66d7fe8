package io.rectify.platform.testing.reliability;

import com.fasterxml.jackson.databind.JsonNode;

/** What a service answered: status, Content-Type and body; {@code failure} when no answer came. */
public record Answer(int status, String contentType, String body, String failure) {

    public boolean is2xx() {
        return status >= 200 && status < 300;
    }

    public boolean isProblem() {
        return contentType != null && contentType.toLowerCase().startsWith("application/problem+json");
    }

    /** The {@code status} member of a problem document, or -1 when the body is not one. */
    public int problemStatus() {
        try {
            JsonNode doc = OpenApiDocument.JSON.readTree(body);
            return doc != null && doc.has("status") ? doc.get("status").asInt(-1) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        if (failure != null) {
            return "no answer: " + failure;
        }
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return status + " " + contentType + " " + (b.length() > 160 ? b.substring(0, 160) + "…" : b);
    }
}
