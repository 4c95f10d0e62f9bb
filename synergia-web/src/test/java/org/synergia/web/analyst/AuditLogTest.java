package org.synergia.web.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log stays bounded (fields cut, files rotated) and is read backwards a page at a time, across rotations. */
class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void fieldsAreCutAndControlCharactersReplaced() {
        AuditLog log = new AuditLog(dir.resolve("audit.log"));
        log.record("x".repeat(10_000), "127.0.0.1", "login", "refused", "line\nbreak\u0000");
        AuditLog.Entry e = log.latest(1).get(0);
        assertEquals(AuditLog.MAX_FIELD + 1, e.account().length());
        assertEquals("line?break?", e.detail());
    }

    @Test
    void rotatedLogsArePagedNewestFirstAndTheOldestDropped() throws Exception {
        Path file = dir.resolve("audit.log");
        AuditLog log = new AuditLog(file, 2_000);
        for (int i = 0; i < 400; i++) {
            log.record("user" + i, "10.0.0.1", "action", "ok", "entry " + i);
        }
        assertTrue(Files.size(file) <= 2_000 + 200, "the current file stays near its limit");
        assertTrue(Files.exists(dir.resolve("audit.log.1")));
        assertFalse(Files.exists(dir.resolve("audit.log." + (AuditLog.KEPT + 1))), "no more than " + AuditLog.KEPT + " rotated files");
        List<AuditLog.Entry> first = log.page(0, 10);
        assertEquals("entry 399", first.get(0).detail());
        assertEquals("entry 390", first.get(9).detail());
        // pages run on across the rotated files, without a gap or a repeat
        int kept = 0;
        int expected = 399;
        for (int p = 0; ; p++) {
            List<AuditLog.Entry> page = log.page(p, 7);
            for (AuditLog.Entry e : page) {
                assertEquals("entry " + expected--, e.detail());
                kept++;
            }
            if (page.size() < 7) {
                break;
            }
        }
        long lines = 0;
        for (int k = 0; k <= AuditLog.KEPT; k++) {
            Path f = k == 0 ? file : dir.resolve("audit.log." + k);
            lines += Files.exists(f) ? Files.readAllLines(f).size() : 0;
        }
        assertEquals(lines, kept, "every kept line is read once");
        assertTrue(kept < 400, "the oldest were dropped");
    }
}
