package dev.modelapi.decthings.client.tensor;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 helpers. The wire counts string lengths in UTF-8 bytes (Rust reference; the JS client's UTF-16 count
 * is a bug), so sizes must be computed exactly and invalid text must be refused rather than replaced.
 */
final class Utf8 {

    /** Reused per thread: building a decoder per string element cost ~290 bytes and most of the decode time. */
    private static final ThreadLocal<CharsetDecoder> STRICT = ThreadLocal.withInitial(() ->
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    private Utf8() {
    }

    /** UTF-8 byte length of a well-formed string, without encoding it. */
    static int length(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** False if the string has an unpaired surrogate, which UTF-8 cannot represent. */
    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Decodes exactly the remaining bytes (consuming them), or returns null if they are not valid UTF-8. */
    static String decodeOrNull(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            byte[] array = bytes.array();
            int offset = bytes.arrayOffset() + bytes.position();
            int length = bytes.remaining();
            if (isAscii(array, offset, length)) {
                // ASCII is valid UTF-8 and decodes byte for byte: no decoder, one copy.
                bytes.position(bytes.limit());
                return new String(array, offset, length, StandardCharsets.ISO_8859_1);
            }
        }
        try {
            CharBuffer chars = STRICT.get().reset().decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] array, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (array[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
