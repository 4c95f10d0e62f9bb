/**
 * The portal's web server: {@link org.synergia.web.server.PortalServer} (Javalin on Jetty) serves
 * the public pages in three languages, the report downloads, the results CSVs, the JSON API under
 * {@code /api} with its OpenAPI description and the analyst area under {@code /analyst}. Path
 * parameters are only looked up in lists of known names, never resolved as paths, and every
 * response carries strict security headers (no script, no framing).
 */
package org.synergia.web.server;
