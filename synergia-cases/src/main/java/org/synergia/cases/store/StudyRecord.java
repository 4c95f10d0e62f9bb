package org.synergia.cases.store;

/**
 * One case's standardised effect entering a cross-case synthesis (a row of a forest plot).
 *
 * @param domain the outcome domain
 * @param comparison what the effect compares (as in {@link PooledRecord})
 * @param caseId the case
 * @param region the case's region
 * @param analysisId the analysis it comes from
 * @param outcomes the outcomes averaged, comma-separated
 * @param estimate the standardised effect (positive = better off)
 * @param se its standard error
 */
public record StudyRecord(String domain, String comparison, String caseId, String region, String analysisId, String outcomes,
        double estimate, double se) {}
