package org.synergia.web.analyst;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits login attempts: after {@code maxFailures} failed logins from one address within the
 * window, further attempts from it are refused until the oldest failure leaves the window.
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final long windowMillis;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    /**
     * @param maxFailures failures allowed within the window
     * @param windowMillis the window's length
     */
    public LoginThrottle(int maxFailures, long windowMillis) {
        this.maxFailures = maxFailures;
        this.windowMillis = windowMillis;
    }

    /**
     * @param address a client address
     * @return whether it may try to log in now
     */
    public boolean allowed(String address) {
        Deque<Long> d = failures.get(address);
        if (d == null) {
            return true;
        }
        synchronized (d) {
            long now = System.currentTimeMillis();
            while (!d.isEmpty() && now - d.peekFirst() > windowMillis) {
                d.pollFirst();
            }
            return d.size() < maxFailures;
        }
    }

    /** @param address a client address whose login failed */
    public void failed(String address) {
        Deque<Long> d = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(System.currentTimeMillis());
            while (d.size() > maxFailures * 2) {
                d.pollFirst();
            }
        }
    }

    /** @param address a client address that logged in */
    public void succeeded(String address) {
        failures.remove(address);
    }
}
