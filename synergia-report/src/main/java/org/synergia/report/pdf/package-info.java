/**
 * PDF output: {@link org.synergia.report.pdf.PdfRenderer} renders report HTML with openhtmltopdf,
 * drawing the inline SVG charts as vectors and embedding DejaVu Sans so that Spanish and French text
 * renders the same everywhere, on numbered A4 pages.
 */
package org.synergia.report.pdf;
