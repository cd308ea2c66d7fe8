package io.rectify.platform.audit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One audit trail of a service: a table whose rows form one hash chain per aggregate. The table holds,
 * besides {@code columns}, the chain columns {@code seq} (1, 2, … within the aggregate),
 * {@code prev_hash} and {@code hash}. A service declares each of its trails as a CDI bean (a producer
 * method); {@link AuditChain} writes them and {@link AuditVerifier} walks them.
 *
 * @param name            the trail's name in checkpoints and verification answers (stable: it is hashed)
 * @param table           the table
 * @param aggregateColumn the column naming the aggregate: one chain per value
 * @param columns         the columns an entry's hash covers besides the aggregate and the chain columns
 */
public record AuditTrail(String name, String table, String aggregateColumn, List<String> columns) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public AuditTrail {
        // names go into SQL text: only plain lower-case identifiers
        for (String identifier : concat(List.of(name, table, aggregateColumn), columns)) {
            if (!IDENTIFIER.matcher(identifier).matches()) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + identifier);
            }
        }
        columns = List.copyOf(columns);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
