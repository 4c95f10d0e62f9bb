package org.synergia.web.analyst;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Every action of the analyst area, one JSON object a line in {@code <workspace>/analyst/audit.log}:
 * time, account, client address, action, outcome and detail. Never a password or a survey value.
 */
public final class AuditLog {

    private final Path file;

    /** @param file the log file (appended to) */
    public AuditLog(Path file) {
        this.file = file;
    }

    /**
     * @param account the account, or {@code -} before login
     * @param address the client's address
     * @param action what was asked ({@code login}, {@code upload}, ...)
     * @param outcome {@code ok}, {@code refused} or {@code failed}
     * @param detail what it concerned
     */
    public synchronized void record(String account, String address, String action, String outcome, String detail) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("time", Instant.now().toString());
        o.put("account", account);
        o.put("address", address);
        o.put("action", action);
        o.put("outcome", outcome);
        o.put("detail", detail);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, o + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the audit log " + file + ": " + e.getMessage(), e);
        }
    }
}
