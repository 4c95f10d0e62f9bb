package org.synergia.cases.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.NumericColumn;
import org.synergia.data.StringColumn;

/** Fingerprints of the data a result was computed from. */
final class Provenance {

    private Provenance() {}

    /**
     * A SHA-256 of a dataset's content: variable names and values, in order. Two datasets with
     * the same variables and values have the same fingerprint, whatever file format they came in.
     *
     * @param data the dataset
     * @return the hexadecimal digest
     */
    static String sha256(Dataset data) {
        MessageDigest digest = sha256();
        byte[] eight = new byte[8];
        for (Column c : data.columns()) {
            digest.update(c.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (c instanceof NumericColumn n) {
                for (int i = 0; i < n.size(); i++) {
                    long bits = n.isMissing(i) ? 0x7ff8000000000000L + n.missingCode(i) : Double.doubleToLongBits(n.value(i));
                    for (int b = 0; b < 8; b++) {
                        eight[b] = (byte) (bits >>> (8 * b));
                    }
                    digest.update(eight);
                }
            } else if (c instanceof StringColumn s) {
                for (int i = 0; i < s.size(); i++) {
                    digest.update(s.value(i) == null ? new byte[] {1} : s.value(i).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
