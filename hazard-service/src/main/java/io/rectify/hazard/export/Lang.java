package io.rectify.hazard.export;

import java.util.List;
import java.util.Locale;

/** The language of the register's headers and labels: Chinese unless the caller asks for English. */
public enum Lang {
    ZH, EN;

    /** {@code ?lang=} wins; else the first of the Accept-Language ranges that is Chinese or English; else Chinese. */
    public static Lang of(String lang, List<Locale> acceptable) {
        if (lang != null && !lang.isBlank()) {
            return switch (lang.trim().toLowerCase(Locale.ROOT)) {
                case "zh", "zh-cn", "zh-hans" -> ZH;
                case "en" -> EN;
                default -> null;
            };
        }
        for (Locale l : acceptable) {
            if ("en".equals(l.getLanguage())) {
                return EN;
            }
            if ("zh".equals(l.getLanguage())) {
                return ZH;
            }
        }
        return ZH;
    }

    public String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }
}
