package org.synergia.data.io;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The file header of an SPSS system file (176 bytes): the signature ({@code $FL2}, or {@code $FL3}
 * for zlib), the byte order (found from the layout code), the case size, the compression, the
 * number of cases, the compression bias and the file label.
 *
 * @param caseSize the declared number of 8-byte units per case (-1: unknown)
 * @param compression 0 (none), 1 (bytecode) or 2 (zlib)
 * @param cases the declared number of cases (-1: unknown)
 * @param bias the bias of bytecode-compressed numbers
 * @param fileLabel the file label, undecoded
 */
record SpssHeader(int caseSize, int compression, long cases, double bias, byte[] fileLabel) {

    /**
     * Reads the header and sets the input's byte order to the file's.
     *
     * @param in the file, at its start
     * @return the header; the input is at the dictionary's first record
     */
    static SpssHeader read(BinaryInput in) {
        String magic = in.remaining() >= 4 ? new String(in.bytes(4, "the signature"), StandardCharsets.US_ASCII) : "";
        if (!magic.equals("$FL2") && !magic.equals("$FL3")) {
            throw in.corrupt("it does not start with $FL2 or $FL3");
        }
        in.need(172, "the file header");
        in.order(ByteOrder.LITTLE_ENDIAN);
        int layout = in.buffer().getInt(64);
        if (layout != 2 && layout != 3) {
            in.order(ByteOrder.BIG_ENDIAN);
            layout = in.buffer().getInt(64);
            if (layout != 2 && layout != 3) {
                throw in.corrupt("layout code " + layout + " (expected 2 or 3)");
            }
        }
        in.skip(60, "the product name");
        in.i32("the layout code");
        int caseSize = in.i32("the case size");
        int compression = in.i32("the compression");
        if (compression < 0 || compression > 2 || (compression == 2) != magic.equals("$FL3")) {
            throw in.corrupt("compression code " + compression + " does not match signature " + magic);
        }
        in.i32("the weight index");
        int n = in.i32("the number of cases");
        double bias = in.f64("the compression bias");
        in.skip(17, "the creation date");
        byte[] fileLabel = in.bytes(64, "the file label");
        in.skip(3, "header padding");
        return new SpssHeader(caseSize, compression, n < 0 ? -1 : n, bias, fileLabel);
    }

    /** @return the compression's name, for the dataset's metadata */
    String compressionName() {
        return switch (compression) {
            case 0 -> "none";
            case 1 -> "bytecode";
            default -> "zlib";
        };
    }
}
