package org.synergia.web.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The analyst area's accounts, kept in {@code <workspace>/analyst/accounts.tsv} as
 * {@code name<TAB>role<TAB>bcrypt hash<TAB>enabled|disabled} (Spring Security's BCrypt, cost 12; a line of the
 * first three fields is enabled). Passwords are never stored or logged. The first admin comes from the
 * environment variable {@code SYNERGIA_ADMIN_PASSWORD} (account {@code admin}) when no account exists yet. The
 * last enabled admin can be neither deleted, disabled nor given another role.
 */
public final class Accounts {

    /**
     * An account as it stands.
     *
     * @param name its name
     * @param role its role
     * @param hash its password's bcrypt hash (a session opened before a password change no longer matches it)
     * @param enabled whether it may log in and use its sessions
     */
    public record Account(String name, Role role, String hash, boolean enabled) {
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{2,31}");
    /** The shortest password accepted. */
    public static final int MIN_PASSWORD = 12;

    private final Path file;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(12);
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final String dummyHash;

    /**
     * @param file the accounts file (created when absent)
     */
    public Accounts(Path file) {
        this.file = file;
        this.dummyHash = bcrypt.encode("no account has this password");
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    if (f.length == 3 || f.length == 4) {
                        accounts.put(f[0], new Account(f[0], Role.valueOf(f[1].toUpperCase(Locale.ROOT)), f[2],
                                f.length == 3 || !f[3].equals("disabled")));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the accounts in " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** @return whether no account exists yet */
    public synchronized boolean isEmpty() {
        return accounts.isEmpty();
    }

    /**
     * Creates or replaces an account (enabled; a replaced account's sessions end, its password having changed).
     *
     * @param name the account name (3–32 lower-case letters, digits, {@code _.-})
     * @param role its role
     * @param password its password (at least {@value #MIN_PASSWORD} characters)
     */
    public synchronized void put(String name, Role role, String password) {
        if (!validName(name)) {
            throw new IllegalArgumentException("an account name has 3 to 32 lower-case letters, digits, '_', '.' or '-', starting with a letter");
        }
        if (!validPassword(password)) {
            throw new IllegalArgumentException("a password has " + MIN_PASSWORD + " to 72 characters");
        }
        if (!keepsAnAdmin(name, role, true)) {
            throw new IllegalArgumentException(name + " is the last enabled admin: make another admin first");
        }
        accounts.put(name, new Account(name, role, bcrypt.encode(password), true));
        save();
    }

    /**
     * @param name an account name
     * @return the account as it stands now, if it exists
     */
    public synchronized Optional<Account> find(String name) {
        return Optional.ofNullable(name == null ? null : accounts.get(name));
    }

    /** @return every account, in the order created */
    public synchronized List<Account> all() {
        return List.copyOf(accounts.values());
    }

    /**
     * @param name an existing account
     * @param enabled whether it may log in and use its sessions
     * @return whether the account exists and the change was made (false: it would leave no enabled admin)
     */
    public synchronized boolean setEnabled(String name, boolean enabled) {
        Account a = accounts.get(name);
        if (a == null || !keepsAnAdmin(name, a.role(), enabled)) {
            return false;
        }
        accounts.put(name, new Account(name, a.role(), a.hash(), enabled));
        save();
        return true;
    }

    /**
     * @param name an existing account
     * @return whether it existed and was deleted (false: it is the last enabled admin, or unknown)
     */
    public synchronized boolean delete(String name) {
        if (!accounts.containsKey(name) || !keepsAnAdmin(name, Role.VIEWER, false)) {
            return false;
        }
        accounts.remove(name);
        save();
        return true;
    }

    /** Whether an enabled admin remains (or none existed) if {@code name} becomes {@code role}, enabled or not. */
    private boolean keepsAnAdmin(String name, Role role, boolean enabled) {
        boolean other = accounts.values().stream().anyMatch(a -> !a.name().equals(name) && a.enabled() && a.role() == Role.ADMIN);
        return other || (enabled && role == Role.ADMIN) || accounts.values().stream().noneMatch(a -> a.role() == Role.ADMIN);
    }

    /**
     * @param name an account name, as typed
     * @return whether it has 3 to 32 lower-case letters, digits, {@code _.-}, starting with a letter
     */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * @param password a password, as typed
     * @return whether it has {@value #MIN_PASSWORD} to 72 characters (bcrypt reads no further)
     */
    public static boolean validPassword(String password) {
        return password != null && password.length() >= MIN_PASSWORD && password.length() <= 72;
    }

    /**
     * @param name an account name, as typed
     * @param password a password, as typed
     * @return the account when the password is right and it is enabled; the hash is checked even for unknown names, so timing
     *     does not tell them apart
     */
    public Optional<Account> authenticate(String name, String password) {
        Account a;
        synchronized (this) {
            a = name == null ? null : accounts.get(name);
        }
        String hash = a == null ? dummyHash : a.hash();
        boolean ok = password != null && password.length() <= 72 && bcrypt.matches(password, hash);
        return ok && a != null && a.enabled() ? Optional.of(a) : Optional.empty();
    }

    private void save() {
        StringBuilder s = new StringBuilder();
        accounts.forEach((n, a) -> s.append(n).append('\t').append(a.role().name().toLowerCase(Locale.ROOT)).append('\t')
                .append(a.hash()).append('\t').append(a.enabled() ? "enabled" : "disabled").append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, s, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the accounts to " + file + ": " + e.getMessage(), e);
        }
    }
}
