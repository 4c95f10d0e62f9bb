/**
 * The public pages of the portal, built from a workspace's results and the case specifications
 * with the report module's sections and charts: {@link org.synergia.web.site.Site} renders the home
 * page with its {@link org.synergia.web.site.CaseFilter filters}, the case pages, the cross-cutting
 * pages and search; {@link org.synergia.web.site.SiteExport} writes them as static files into
 * {@code <workspace>/site/}; {@link org.synergia.web.site.Downloads} lists the report files that may
 * be served and {@link org.synergia.web.site.EstimatesCsv} gives a case's estimates as CSV, numbers as
 * the store holds them. {@link org.synergia.web.site.SiteLayout} and
 * {@link org.synergia.web.site.Links} frame and link the pages, live or exported.
 */
package org.synergia.web.site;
