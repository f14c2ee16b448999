package dev.modelapi.decthings.client.tensor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One element of an image, audio or video tensor: a file format name (e.g. {@code "png"}, {@code "mp3"}) and the
 * file's bytes. On the wire the format is prefixed by its UTF-8 length in one byte, hence the 255-byte limit.
 *
 * <p>The byte array is copied in and out so that tensors holding media stay immutable.
 */
public record DecthingsMedia(String format, byte[] bytes) {

    /** The format length is a single byte on the wire. */
    public static final int MAX_FORMAT_BYTES = 255;

    public DecthingsMedia {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(bytes, "bytes");
        int formatBytes = format.getBytes(StandardCharsets.UTF_8).length;
        if (formatBytes > MAX_FORMAT_BYTES) {
            throw new IllegalArgumentException("Media format is " + formatBytes + " UTF-8 bytes, at most "
                    + MAX_FORMAT_BYTES + " are allowed");
        }
        if (!Utf8.isWellFormed(format)) {
            throw new IllegalArgumentException("Media format contains an unpaired surrogate");
        }
        bytes = bytes.clone();
    }

    /** A copy of the file bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Number of file bytes, without copying them. */
    public int size() {
        return bytes.length;
    }

    byte[] bytesUnsafe() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecthingsMedia other && format.equals(other.format) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * format.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "DecthingsMedia{format=" + format + ", " + bytes.length + " bytes}";
    }
}
