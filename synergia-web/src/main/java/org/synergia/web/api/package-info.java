/**
 * The JSON documents of the portal's API ({@code /api/...}), described by
 * {@code org/synergia/web/openapi.json}: {@link org.synergia.web.api.ApiDocuments} builds the case
 * list, a case's detail, its estimates, the synthesis and error documents from a
 * {@link org.synergia.report.documents.Workspace}, with identifiers, term names and numbers exactly
 * as the results store holds them (NaN as {@code null}).
 */
package org.synergia.web.api;
