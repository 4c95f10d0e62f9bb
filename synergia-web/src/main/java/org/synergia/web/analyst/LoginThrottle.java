package org.synergia.web.analyst;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits login attempts per client address and per account: an attempt is taken ({@link #attempt}) before the
 * password is checked and counts as a failure unless {@link #succeeded} gives it back, so parallel guesses are all
 * counted; once {@code maxFailures} failures of the address or of the account fall within the window, further
 * attempts are refused until the oldest leaves it. A success gives back only its own attempt and clears only its
 * own account's failures, so logging in to one account does not clear the guesses against another.
 */
public final class LoginThrottle {

    /** One attempt, to give back when it succeeds. */
    public record Attempt(String address, String account, long time) {
    }

    private final int maxFailures;
    private final long windowMillis;
    private final Map<String, Deque<Long>> byAddress = new HashMap<>();
    private final Map<String, Deque<Long>> byAccount = new HashMap<>();

    /**
     * @param maxFailures failures allowed within the window, per address and per account
     * @param windowMillis the window's length
     */
    public LoginThrottle(int maxFailures, long windowMillis) {
        this.maxFailures = maxFailures;
        this.windowMillis = windowMillis;
    }

    /**
     * @param address a client address
     * @param account the account named, as typed (already capped in length)
     * @return the attempt, counted as a failure until it succeeds; null when the address or the account has no attempt left
     */
    public synchronized Attempt attempt(String address, String account) {
        long now = System.currentTimeMillis();
        Deque<Long> a = recent(byAddress, address, now);
        Deque<Long> b = recent(byAccount, account, now);
        if (a.size() >= maxFailures || b.size() >= maxFailures) {
            return null;
        }
        a.addLast(now);
        b.addLast(now);
        return new Attempt(address, account, now);
    }

    /** @param attempt an attempt whose password was right */
    public synchronized void succeeded(Attempt attempt) {
        Deque<Long> a = byAddress.get(attempt.address());
        if (a != null) {
            a.removeFirstOccurrence(attempt.time());
        }
        byAccount.remove(attempt.account());
    }

    /** The attempts of a key within the window (older ones dropped; keys without any forgotten). */
    private Deque<Long> recent(Map<String, Deque<Long>> map, String key, long now) {
        map.values().removeIf(d -> d.isEmpty() || now - d.peekLast() > windowMillis);
        Deque<Long> d = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!d.isEmpty() && now - d.peekFirst() > windowMillis) {
            d.pollFirst();
        }
        return d;
    }
}
