/**
 * HTML output of reports and pages: {@link org.synergia.report.html.Html} escapes text, writes
 * tables and formats numbers for the reader's language while keeping the exact value in a
 * {@code data-value} attribute; {@link org.synergia.report.html.Page} wraps a body into a complete
 * document with print rules for A4 and the simulated-data banner where numbers come from simulated
 * surveys.
 */
package org.synergia.report.html;
