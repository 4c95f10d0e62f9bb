package org.synergia.cases.store;

/**
 * A named diagnostic or warning of one analysis (bandwidth, balance statistic, overlap count,
 * tau², a warning's text...).
 *
 * @param caseId the case identifier
 * @param analysisId the analysis in the plan
 * @param outcome the outcome it belongs to, or empty for the whole analysis
 * @param key the diagnostic's name ({@code warning} for warnings)
 * @param value its value as text
 */
public record DiagnosticRecord(String caseId, String analysisId, String outcome, String key, String value) {}
