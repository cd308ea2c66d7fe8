package io.rectify.scoring.report;

import io.quarkus.qute.Template;
import io.rectify.platform.pdf.PdfRenderer;
import io.rectify.scoring.service.CountyRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The county report as PDF: gathered, formatted, laid out by the {@code countyReport} template, rendered. */
@ApplicationScoped
public class CountyReportPdf {

    @Inject
    CountyReportService reports;

    @Inject
    Template countyReport;

    @Inject
    PdfRenderer renderer;

    public byte[] render(CountyRef county, int period) {
        CountyReportView view = CountyReportView.of(reports.report(county, period));
        return renderer.render(countyReport.data("v", view).render(), "county report " + county.code() + " " + period);
    }

    public static String fileName(String countyCode, int period) {
        return "county-report-" + countyCode + "-" + period + ".pdf";
    }
}
