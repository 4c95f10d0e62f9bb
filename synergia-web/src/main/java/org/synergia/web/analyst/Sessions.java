package org.synergia.web.analyst;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions, held in memory: an unguessable token (256 random bits) for the cookie and
 * another for the CSRF field of every form. Sessions expire after a fixed time, and hold only the
 * account's name and the password hash it logged in with: {@link #find} checks them against the
 * account as it stands, so a session ends when its account is deleted, disabled or given a new
 * password, and carries the account's current role.
 */
public final class Sessions {

    /** The session cookie's name. */
    public static final String COOKIE = "synergia_session";
    /** How long a session lasts, in seconds. */
    public static final int LIFETIME_SECONDS = 8 * 3600;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A session, as {@link #find} gives it.
     *
     * @param account the account
     * @param role the account's role now
     * @param csrf the token every form must carry
     * @param expires when it ends (epoch milliseconds)
     */
    public record Session(String account, Role role, String csrf, long expires) {

        /**
         * @param token a token from a form
         * @return whether it is this session's CSRF token (compared in constant time)
         */
        public boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What a session keeps: the account, the password hash it logged in with, its CSRF token, its end. */
    private record Opened(String account, String hash, String csrf, long expires) {
    }

    private final Map<String, Opened> sessions = new ConcurrentHashMap<>();
    private final Accounts accounts;

    /** @param accounts the accounts sessions are checked against */
    public Sessions(Accounts accounts) {
        this.accounts = accounts;
    }

    /** @return a new random token */
    public static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * @param account the account that logged in
     * @return the new session's cookie token
     */
    public String open(Accounts.Account account) {
        String id = token();
        sessions.put(id, new Opened(account.name(), account.hash(), token(), System.currentTimeMillis() + LIFETIME_SECONDS * 1000L));
        return id;
    }

    /**
     * @param id a cookie token, or null
     * @return its session while it lasts and its account is enabled with the password it logged in with; a session that
     *     no longer qualifies is ended
     */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Opened s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Optional<Accounts.Account> a = accounts.find(s.account());
        if (s.expires() < System.currentTimeMillis() || a.isEmpty() || !a.get().enabled() || !a.get().hash().equals(s.hash())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(new Session(s.account(), a.get().role(), s.csrf(), s.expires()));
    }

    /** @param id a cookie token to end */
    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }
}
