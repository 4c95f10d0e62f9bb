/**
 * The reports of a workspace: {@link org.synergia.report.ReportSet} writes, in HTML and PDF and in
 * each requested language, every case's country report, summary and one-pager and the five
 * cross-cutting documents into {@code reports/<lang>/}. Its input is a
 * {@link org.synergia.report.documents.Workspace} read from the results store; subpackages hold the
 * documents ({@code documents}), the charts ({@code chart}), HTML ({@code html}), PDF ({@code pdf})
 * and the message bundles ({@code i18n}).
 */
package org.synergia.report;
