package io.rectify.platform.audit;

/**
 * A JSON document given as an entry value: hashed as the JSON it holds (not as a string) and written to
 * a {@code jsonb} column, so the hash does not depend on how PostgreSQL reformats it.
 */
public record AuditJson(String json) {
}
