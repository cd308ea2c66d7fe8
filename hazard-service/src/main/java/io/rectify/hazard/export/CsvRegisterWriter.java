package io.rectify.hazard.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;

/**
 * The register as CSV: RFC 4180 (CRLF, fields quoted when needed), UTF-8 with a byte-order mark so Excel
 * reads Chinese text correctly. One row per hazard; the history has no place in a single CSV table.
 */
final class CsvRegisterWriter {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CsvRegisterWriter() {
    }

    static void write(Iterator<RegisterRow> rows, Labels labels, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        List<Column<RegisterRow>> columns = RegisterColumns.HAZARD;
        csv.printRecord(columns.stream().map(c -> c.header(labels.lang())));
        while (rows.hasNext()) {
            RegisterRow row = rows.next();
            csv.printRecord(columns.stream().map(c -> text(c.value().apply(row, labels))));
        }
        csv.flush();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return value.toString();
    }
}
