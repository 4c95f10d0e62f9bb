package org.synergia.cases.store;

/**
 * What the results store keeps about one case's run: where its data came from and how it ended.
 *
 * @param caseId the case identifier
 * @param country the country's English name (a stable key; reports and pages show the specification's name in the reader's language)
 * @param region {@code latin-america} or {@code africa}
 * @param status {@code ok}, {@code institutional} (no impact evaluation) or {@code failed}
 * @param message why it failed, or empty
 * @param simulated true when the data are the bundled simulated survey
 * @param dataFile the survey file, or the simulated survey's name
 * @param dataSha256 SHA-256 of the survey data
 * @param specSha256 SHA-256 of the case specification
 * @param seed the seed of the simulated survey (0 for real data)
 * @param rows the number of rows in the survey
 * @param softwareVersion Synergia's version
 */
public record CaseRecord(String caseId, String country, String region, String status, String message, boolean simulated,
        String dataFile, String dataSha256, String specSha256, long seed, int rows, String softwareVersion) {}
