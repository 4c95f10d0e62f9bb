/**
 * The portal's analyst area ({@code /analyst}): {@link org.synergia.web.analyst.AnalystArea} handles
 * login ({@link org.synergia.web.analyst.Accounts} with bcrypt hashes,
 * {@link org.synergia.web.analyst.LoginThrottle}, {@link org.synergia.web.analyst.Sessions} with CSRF
 * tokens, {@link org.synergia.web.analyst.Role}s), survey upload checked by the data readers, and
 * publication of results by an admin. {@link org.synergia.web.analyst.Jobs} runs each uploaded survey
 * through the same case pipeline as the main job, one at a time, into a private results store;
 * {@link org.synergia.web.analyst.AuditLog} records every action, never a password or a survey value.
 */
package org.synergia.web.analyst;
