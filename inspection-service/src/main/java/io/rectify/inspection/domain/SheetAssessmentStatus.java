package io.rectify.inspection.domain;

/** A sheet assessment is a draft the team edits until its lead submits it; a submitted one is final. */
public enum SheetAssessmentStatus { DRAFT, SUBMITTED }
