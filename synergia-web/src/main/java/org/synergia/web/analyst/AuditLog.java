package org.synergia.web.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every action of the analyst area, one JSON object a line in {@code <workspace>/analyst/audit.log}:
 * time, account, client address, action, outcome and detail. Never a password or a survey value.
 * The file is only ever appended to, so it outlives restarts of the server.
 */
public final class AuditLog {

    /**
     * One line of the log.
     *
     * @param time when (ISO-8601, UTC)
     * @param account the account, or {@code -}
     * @param address the client's address
     * @param action what was asked
     * @param outcome {@code ok}, {@code refused} or {@code failed}
     * @param detail what it concerned
     */
    public record Entry(String time, String account, String address, String action, String outcome, String detail) {}

    private static final ObjectMapper JSON = new ObjectMapper();
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

    /**
     * @param count how many entries at most
     * @return the latest entries, newest first
     */
    public synchronized List<Entry> latest(int count) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the audit log " + file + ": " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>(Math.min(count, lines.size()));
        for (int i = lines.size() - 1; i >= 0 && entries.size() < count; i--) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode o = JSON.readTree(lines.get(i));
                entries.add(new Entry(o.path("time").asText(), o.path("account").asText(), o.path("address").asText(),
                        o.path("action").asText(), o.path("outcome").asText(), o.path("detail").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException("the audit log " + file + " has a damaged line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }
}
