package io.rectify.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a database that is out of reach (down, restarting, refusing connections) from every other
 * database error. Such a failure says nothing about the request or the record being processed: a
 * request is answered 503 with Retry-After, a consumed record is retried rather than dead-lettered.
 * <p>
 * The cause is looked for in the whole chain, suppressed exceptions included: a failed commit arrives
 * as a {@code RollbackException} (wrapped by ArC) with the driver's exception only among its suppressed.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** The database could not be reached, or it is shutting down or starting up. */
    public static boolean isCause(Throwable e) {
        return anyInChain(e, DatabaseOutage::unreachable);
    }

    /**
     * Worth trying the same work again unchanged: an outage, or a transaction PostgreSQL chose to abort
     * (serialization failure {@code 40001}, deadlock {@code 40P01}).
     */
    public static boolean isTransient(Throwable e) {
        return anyInChain(e, t -> unreachable(t) || (t instanceof SQLException s && ("40001".equals(s.getSQLState())
                || "40P01".equals(s.getSQLState()))));
    }

    private static boolean unreachable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException s) {
            String state = s.getSQLState();
            if (state != null) {
                // 08: connection exception; 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
                // connect now (starting up / shutting down); 53300 too many connections
                return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                        || state.equals("53300");
            }
            // Agroal's pool gives up waiting for a connection with a plain SQLException (no SQLState)
            String message = s.getMessage();
            return message != null && (message.startsWith("Acquisition timeout") || message.startsWith("Sorry, acquisition timeout"));
        }
        return false;
    }

    private static boolean anyInChain(Throwable e, java.util.function.Predicate<Throwable> test) {
        return anyInChain(e, test, new IdentityHashMap<>(), 0);
    }

    private static boolean anyInChain(Throwable t, java.util.function.Predicate<Throwable> test, Map<Throwable, Boolean> seen, int depth) {
        if (t == null || depth > 32 || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        if (test.test(t)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (anyInChain(s, test, seen, depth + 1)) {
                return true;
            }
        }
        return anyInChain(t.getCause(), test, seen, depth + 1);
    }
}
