package org.synergia.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.synergia.data.InputException;

/**
 * Where a result's data came from, as the JSON result document's {@code data} object reports it.
 *
 * @param file the data file's name
 * @param sha256 the SHA-256 of the file's bytes, in lower-case hex
 * @param rowsUsed the rows the estimator used
 * @param rowsDropped the rows of the file it did not use (missing values, outside the sample)
 */
public record DataProvenance(String file, String sha256, long rowsUsed, long rowsDropped) {

    /**
     * @param file the data file
     * @param rowsRead the rows read from it
     * @param rowsUsed the rows the estimator used
     * @return the provenance, with the file's hash
     */
    public static DataProvenance of(Path file, long rowsRead, long rowsUsed) {
        return new DataProvenance(String.valueOf(file.getFileName()), sha256(file), rowsUsed,
                Math.max(0, rowsRead - rowsUsed));
    }

    /**
     * @param file a file
     * @return the SHA-256 of its bytes, in lower-case hex
     */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InputException(file + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no SHA-256", e);
        }
    }
}
