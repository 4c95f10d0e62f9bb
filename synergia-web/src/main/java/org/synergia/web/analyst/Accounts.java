package org.synergia.web.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The analyst area's accounts, kept in {@code <workspace>/analyst/accounts.tsv} as
 * {@code name<TAB>role<TAB>bcrypt hash} (Spring Security's BCrypt, cost 12). Passwords are never
 * stored or logged. The first admin comes from the environment variable
 * {@code SYNERGIA_ADMIN_PASSWORD} (account {@code admin}) when no account exists yet.
 */
public final class Accounts {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{2,31}");
    /** The shortest password accepted. */
    public static final int MIN_PASSWORD = 12;

    private final Path file;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(12);
    private final Map<String, String[]> accounts = new LinkedHashMap<>();
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
                    if (f.length == 3) {
                        accounts.put(f[0], new String[] {f[1], f[2]});
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
     * Creates or replaces an account.
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
        accounts.put(name, new String[] {role.name().toLowerCase(Locale.ROOT), bcrypt.encode(password)});
        save();
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
     * @return the account's role when the password is right; the hash is checked even for unknown names, so timing does not tell them apart
     */
    public Optional<Role> authenticate(String name, String password) {
        String[] a;
        synchronized (this) {
            a = name == null ? null : accounts.get(name);
        }
        String hash = a == null ? dummyHash : a[1];
        boolean ok = password != null && password.length() <= 72 && bcrypt.matches(password, hash);
        return ok && a != null ? Optional.of(Role.valueOf(a[0].toUpperCase(Locale.ROOT))) : Optional.empty();
    }

    private void save() {
        StringBuilder s = new StringBuilder();
        accounts.forEach((n, a) -> s.append(n).append('\t').append(a[0]).append('\t').append(a[1]).append('\n'));
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
