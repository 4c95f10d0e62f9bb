/**
 * The words of the reports and the portal in English, Spanish and French:
 * {@link org.synergia.report.i18n.Messages} reads the bundles
 * {@code org/synergia/report/i18n/messages_<lang>.properties} (languages in
 * {@link org.synergia.report.i18n.Messages#LANGUAGES}); a missing key fails loudly rather than
 * falling back to another language.
 */
package org.synergia.report.i18n;
