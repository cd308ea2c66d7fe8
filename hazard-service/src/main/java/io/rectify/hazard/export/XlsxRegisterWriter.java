package io.rectify.hazard.export;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The register as XLSX, written by POI's streaming SXSSF in its deferred form: the rows of each sheet
 * are generated while the workbook is being written to {@code out}, so the first bytes leave before the
 * last row is read and only a window of rows is ever in the heap. Sheet 1: one row per hazard; sheet 2:
 * the audit trail of every exported hazard. Frozen header row, column widths, dates as date cells.
 */
final class XlsxRegisterWriter {

    /** Excel's limit for the text of one cell. */
    private static final int MAX_CELL_TEXT = 32_767;
    private static final int ROW_WINDOW = 200;

    private XlsxRegisterWriter() {
    }

    static void write(Supplier<Iterator<RegisterRow>> hazards, Supplier<Iterator<HistoryRow>> history, Labels labels,
                      OutputStream out) throws IOException {
        try (DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook(ROW_WINDOW)) {
            Styles styles = new Styles(workbook);
            Lang lang = labels.lang();
            sheet(workbook, lang.pick("隐患台账", "Hazard register"), RegisterColumns.HAZARD, hazards, labels, styles);
            sheet(workbook, lang.pick("整改记录", "History"), RegisterColumns.HISTORY, history, labels, styles);
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static <R> void sheet(DeferredSXSSFWorkbook workbook, String name, List<Column<R>> columns, Supplier<Iterator<R>> rows,
                                  Labels labels, Styles styles) {
        DeferredSXSSFSheet sheet = workbook.createSheet(name);
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setRowGenerator(s -> {
            header(s, columns, labels.lang(), styles);
            int index = 1;
            for (Iterator<R> it = rows.get(); it.hasNext(); ) {
                R row = it.next();
                Row r = s.createRow(index++);
                for (int i = 0; i < columns.size(); i++) {
                    cell(r, i, columns.get(i).value().apply(row, labels), styles);
                }
            }
        });
    }

    private static <R> void header(SXSSFSheet sheet, List<Column<R>> columns, Lang lang, Styles styles) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell c = header.createCell(i);
            c.setCellValue(columns.get(i).header(lang));
            c.setCellStyle(styles.header);
        }
    }

    private static void cell(Row row, int column, Object value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell c = row.createCell(column);
        if (value instanceof LocalDateTime t) {
            c.setCellValue(t);
            c.setCellStyle(styles.dateTime);
        } else if (value instanceof LocalDate d) {
            c.setCellValue(d);
            c.setCellStyle(styles.date);
        } else if (value instanceof BigDecimal b) {
            c.setCellValue(b.doubleValue());
            c.setCellStyle(styles.money);
        } else if (value instanceof Number n) {
            c.setCellValue(n.doubleValue());
        } else {
            String text = value.toString();
            c.setCellValue(text.length() > MAX_CELL_TEXT ? text.substring(0, MAX_CELL_TEXT) : text);
        }
    }

    /** Cell styles are workbook-wide and limited in number: made once per export. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle dateTime;
        final CellStyle date;
        final CellStyle money;

        Styles(DeferredSXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            short dateTimeFormat = wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss");
            dateTime = wb.createCellStyle();
            dateTime.setDataFormat(dateTimeFormat);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        }
    }
}
