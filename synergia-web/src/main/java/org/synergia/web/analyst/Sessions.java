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
 * another for the CSRF field of every form. Sessions expire after a fixed time.
 */
public final class Sessions {

    /** The session cookie's name. */
    public static final String COOKIE = "synergia_session";
    /** How long a session lasts, in seconds. */
    public static final int LIFETIME_SECONDS = 8 * 3600;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A session.
     *
     * @param account the account
     * @param role its role
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

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** @return a new random token */
    public static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * @param account the account that logged in
     * @param role its role
     * @return the new session's cookie token
     */
    public String open(String account, Role role) {
        String id = token();
        sessions.put(id, new Session(account, role, token(), System.currentTimeMillis() + LIFETIME_SECONDS * 1000L));
        return id;
    }

    /**
     * @param id a cookie token, or null
     * @return its session while it lasts
     */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s != null && s.expires() < System.currentTimeMillis()) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.ofNullable(s);
    }

    /** @param id a cookie token to end */
    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }
}
