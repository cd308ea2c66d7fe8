package io.rectify.hazard.domain;

/** The authority level supervising a major hazard under listed supervision (挂牌督办). */
public enum SupervisionLevel {
    COUNTY,
    CITY,
    PROVINCE
}
