/**
 * The content of the reports and of the portal's pages, drawn from the results store and the case
 * specifications: a {@link org.synergia.report.documents.Workspace} (loaded once from a
 * {@link org.synergia.cases.store.ResultsStore}) holds each case's
 * {@link org.synergia.report.documents.CaseResults} and the cross-case synthesis;
 * {@link org.synergia.report.documents.CaseDocuments} and
 * {@link org.synergia.report.documents.CrossCuttingReport} build the documents from
 * {@link org.synergia.report.documents.CaseSections} and {@link org.synergia.report.documents.CaseCharts};
 * {@link org.synergia.report.documents.TermLabels} puts stored terms into the reader's words, reading
 * the terms' fields.
 */
package org.synergia.report.documents;
