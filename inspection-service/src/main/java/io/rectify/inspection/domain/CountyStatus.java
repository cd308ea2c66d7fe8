package io.rectify.inspection.domain;

/** A key county (重点县) works towards becoming a demonstration county (示范县). */
public enum CountyStatus {
    KEY, DEMONSTRATION
}
