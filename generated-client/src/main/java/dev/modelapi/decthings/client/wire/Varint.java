package dev.modelapi.decthings.client.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The Decthings variable-length unsigned 64-bit integer (docs/decthings-wire-format.md §2).
 *
 * <pre>
 *   x &lt; 253      1 byte: x
 *   x &lt; 2^16     0xFD + u16 big-endian
 *   x &lt; 2^32     0xFE + u32 big-endian
 *   otherwise    0xFF + u64 big-endian
 * </pre>
 *
 * <p>Values are Java {@code long}s read as <em>unsigned</em>: {@code -1L} is 2^64-1. Decoding accepts non-minimal
 * encodings (e.g. {@code FD 00 05} for 5) because the official clients do; encoding is always minimal.
 */
public final class Varint {

    /** The longest encoding: the 0xFF prefix and eight bytes. */
    public static final int MAX_ENCODED_LENGTH = 9;

    private static final int PREFIX_U16 = 0xFD;
    private static final int PREFIX_U32 = 0xFE;
    private static final int PREFIX_U64 = 0xFF;

    private Varint() {
    }

    /** Number of bytes {@link #encode} produces for {@code value} (unsigned). */
    public static int encodedLength(long value) {
        if (Long.compareUnsigned(value, PREFIX_U16) < 0) {
            return 1;
        }
        if (Long.compareUnsigned(value, 1L << 16) < 0) {
            return 3;
        }
        if (Long.compareUnsigned(value, 1L << 32) < 0) {
            return 5;
        }
        return 9;
    }

    /** Total length of the varint whose first byte is {@code prefix}, so readers can check it is all there first. */
    public static int encodedLengthFromPrefix(byte prefix) {
        int p = prefix & 0xFF;
        if (p < PREFIX_U16) {
            return 1;
        }
        if (p == PREFIX_U16) {
            return 3;
        }
        return p == PREFIX_U32 ? 5 : 9;
    }

    /** Encodes {@code value} (unsigned) into a new array. */
    public static byte[] encode(long value) {
        ByteBuffer out = ByteBuffer.allocate(encodedLength(value));
        write(value, out);
        return out.array();
    }

    /**
     * Writes {@code value} (unsigned) at the buffer's position and advances it.
     *
     * @throws java.nio.BufferOverflowException if fewer than {@link #encodedLength} bytes remain
     */
    public static void write(long value, ByteBuffer out) {
        // Absolute big-endian puts: the encoding is big-endian whatever order the caller gave the buffer.
        int length = encodedLength(value);
        if (out.remaining() < length) {
            throw new java.nio.BufferOverflowException();
        }
        int pos = out.position();
        switch (length) {
            case 1 -> out.put(pos, (byte) value);
            case 3 -> {
                out.put(pos, (byte) PREFIX_U16);
                out.put(pos + 1, (byte) (value >>> 8));
                out.put(pos + 2, (byte) value);
            }
            case 5 -> {
                out.put(pos, (byte) PREFIX_U32);
                for (int i = 0; i < 4; i++) {
                    out.put(pos + 1 + i, (byte) (value >>> (24 - 8 * i)));
                }
            }
            default -> {
                out.put(pos, (byte) PREFIX_U64);
                for (int i = 0; i < 8; i++) {
                    out.put(pos + 1 + i, (byte) (value >>> (56 - 8 * i)));
                }
            }
        }
        out.position(pos + length);
    }

    /** Writes {@code value} (unsigned) to a stream. */
    public static void write(long value, OutputStream out) throws IOException {
        out.write(encode(value));
    }

    /**
     * Reads one varint at the buffer's position and advances past it.
     *
     * @return the value, to be read as unsigned
     * @throws DecthingsFramingException if the buffer ends inside the varint (the position is then unchanged)
     */
    public static long read(ByteBuffer in) {
        if (!in.hasRemaining()) {
            throw new DecthingsFramingException("Truncated varint: expected at least 1 byte, found none");
        }
        int pos = in.position();
        byte prefix = in.get(pos);
        int length = encodedLengthFromPrefix(prefix);
        if (in.remaining() < length) {
            throw new DecthingsFramingException("Truncated varint: prefix 0x" + Integer.toHexString(prefix & 0xFF)
                    + " needs " + length + " bytes, only " + in.remaining() + " remain");
        }
        long value;
        if (length == 1) {
            value = prefix & 0xFF;
        } else {
            value = 0;
            for (int i = 1; i < length; i++) {
                value = (value << 8) | (in.get(pos + i) & 0xFF);
            }
        }
        in.position(pos + length);
        return value;
    }

    /**
     * Reads a varint that announces the length of bytes that follow, and checks that they are all there.
     *
     * <p>This is the one place where untrusted lengths meet memory: nothing may be allocated or sliced from a length
     * that did not pass this check, so that a forged 2^63 length fails here instead of in an allocation.
     *
     * @param what names the length in the error message ("JSON length", "blob 3 length", …)
     * @return the length, at most {@code in.remaining()} after the varint
     * @throws DecthingsFramingException if the varint is truncated or the length exceeds the remaining bytes
     */
    public static int readLength(ByteBuffer in, String what) {
        int start = in.position();
        long length = read(in);
        int remaining = in.remaining();
        if (Long.compareUnsigned(length, remaining) > 0) {
            in.position(start);
            throw new DecthingsFramingException(what + " " + Long.toUnsignedString(length)
                    + " is larger than the " + remaining + " bytes that remain");
        }
        return (int) length;
    }
}
