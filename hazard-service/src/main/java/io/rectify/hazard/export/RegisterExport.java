package io.rectify.hazard.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectify.hazard.service.HazardCondition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the register of a search condition to a stream. One read-only REPEATABLE READ transaction: the
 * hazard sheet and the history sheet see the same snapshot, however long a million rows take.
 */
@ApplicationScoped
public class RegisterExport {

    private static final Logger LOG = Logger.getLogger(RegisterExport.class);

    /** A million-row export takes minutes; the default transaction timeout (5 min) is for requests. */
    static final Duration TIMEOUT = Duration.ofHours(1);

    @Inject
    EntityManager em;

    @Inject
    RegisterReader reader;

    public void write(HazardCondition condition, ExportFormat format, Lang lang, ZoneId zone, OutputStream out) throws IOException {
        long started = System.nanoTime();
        try {
            QuarkusTransaction.requiringNew().timeout((int) TIMEOUT.toSeconds()).run(() -> {
                em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
                Labels labels = reader.labels(lang, zone);
                try {
                    if (format == ExportFormat.CSV) {
                        try (Stream<RegisterRow> rows = reader.hazards(condition)) {
                            CsvRegisterWriter.write(rows.iterator(), labels, out);
                        }
                    } else {
                        // each sheet's query runs when POI starts writing that sheet, not before the first byte
                        List<Stream<?>> opened = new ArrayList<>();
                        try {
                            XlsxRegisterWriter.write(() -> opened(opened, reader.hazards(condition)).iterator(),
                                    () -> opened(opened, reader.history(condition)).iterator(), labels, out);
                        } finally {
                            opened.forEach(Stream::close);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        LOG.infof("register exported as %s (%s) in %d ms", format, lang, (System.nanoTime() - started) / 1_000_000);
    }

    private static <T> Stream<T> opened(List<Stream<?>> opened, Stream<T> stream) {
        opened.add(stream);
        return stream;
    }
}
