package io.rectify.hazard.export;

import java.util.function.BiFunction;

/**
 * One column of an exported sheet, defined once for CSV and XLSX: its headers, its width in characters
 * and its value — a String, a Number, a LocalDateTime or a LocalDate (a date cell in XLSX).
 */
public record Column<R>(String zh, String en, int width, BiFunction<R, Labels, Object> value) {

    public String header(Lang lang) {
        return lang.pick(zh, en);
    }
}
