package io.rectify.contracts.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scoring sheet for the implementation of key work (重点县重点工作落实情况评分细则), as written: the
 * shipped {@code scoring-sheets/<version>.json} of this module, the body of
 * {@code PUT /api/v1/scoring-sheets/{version}} (scoring-service) and what inspection-service checks an
 * expert team's marks against. Not an event: it is shared here because two services read the same
 * seeded sheet (scoring.md "The scoring sheet").
 *
 * @param period the calendar year the sheet is for; one sheet is active per period
 * @param total  the points of the whole sheet; the items' points add up to it
 */
public record ScoringSheet(
        String version,
        Integer period,
        String titleZh,
        String titleEn,
        BigDecimal total,
        List<Section> sections) {

    /** How an item is judged: met / partly met / not met, or a count against a target. */
    public enum Judgement { LEVEL, COUNT }

    /** The marks of a {@link Judgement#LEVEL} item: met earns all its points, partly half, not met none. */
    public enum Level { MET, PARTLY, NOT_MET }

    /** The items that judge one key task (a code of the key-task reference data). */
    public record Section(String keyTask, List<Item> items) {
    }

    /**
     * @param id               unique within the sheet, e.g. {@code MH-1}; marks name it
     * @param judgedBy         {@code LEVEL} or {@code COUNT}
     * @param target           for {@code COUNT} only: the count that earns all the points
     * @param evidenceRequired a mark of this item must cite evidence (findings, hazards or evidence files)
     */
    public record Item(String id, String textZh, String textEn, BigDecimal points, String judgedBy, Integer target,
                       Boolean evidenceRequired) {

        public boolean needsEvidence() {
            return Boolean.TRUE.equals(evidenceRequired);
        }
    }

    public ScoringSheet withVersion(String newVersion) {
        return new ScoringSheet(newVersion, period, titleZh, titleEn, total, sections);
    }

    /** Every item with its section's key task, in sheet order. */
    public List<Located> items() {
        return sections == null ? List.of() : sections.stream()
                .filter(s -> s != null && s.items() != null)
                .flatMap(s -> s.items().stream().filter(i -> i != null).map(i -> new Located(s.keyTask(), i)))
                .toList();
    }

    public record Located(String keyTask, Item item) {
    }

    /** Reads a shipped sheet of this module ({@code scoring-sheets/<version>.json}); empty when there is none. */
    public static java.util.Optional<ScoringSheet> shipped(String version) {
        String location = "scoring-sheets/" + version + ".json";
        try (java.io.InputStream in = ScoringSheet.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(io.rectify.contracts.EventJson.mapper().readValue(in, ScoringSheet.class).withVersion(version));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
