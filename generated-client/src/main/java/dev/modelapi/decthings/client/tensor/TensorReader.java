package dev.modelapi.decthings.client.tensor;

import dev.modelapi.decthings.client.wire.Varint;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the binary form of a {@link DecthingsTensor} from untrusted bytes.
 *
 * <p>Every length and element count is checked against the bytes that remain <em>before</em> anything is allocated
 * from it, so a forged header cannot trigger a huge allocation: element arrays are at most as long as the input.
 */
final class TensorReader {

    private TensorReader() {
    }

    private record Header(DecthingsElementType type, long[] shape, int numel) {
    }

    /** Reads one tensor at the buffer's position and advances past it. */
    static DecthingsTensor read(ByteBuffer in) {
        ByteBuffer le = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        Header header = header(le);
        Object data = header.type.isFixedSize() ? fixed(le, header) : variable(le, header, true);
        in.position(in.position() + le.position());
        return DecthingsTensor.trusted(header.type, header.shape, data, header.numel);
    }

    /** Checks one tensor at the buffer's position and advances past it, without building element arrays. */
    static void skip(ByteBuffer in) {
        ByteBuffer le = in.slice();
        Header header = header(le);
        if (header.type.isFixedSize()) {
            le.position(le.position() + fixedBytes(le, header));
        } else {
            variable(le, header, false);
        }
        in.position(in.position() + le.position());
    }

    private static Header header(ByteBuffer in) {
        if (in.remaining() < 2) {
            throw fail("Truncated tensor header: expected the type byte and the dimension count, found "
                    + in.remaining() + " byte(s)");
        }
        int code = in.get() & 0xFF;
        DecthingsElementType type = DecthingsElementType.forCode(code)
                .orElseThrow(() -> fail("Unknown element type code " + code + " (expected 1..16)"));
        int rank = in.get() & 0xFF;
        long[] shape = new long[rank];
        boolean empty = false;
        for (int i = 0; i < rank; i++) {
            shape[i] = varint(in, "dimension " + i);
            if (shape[i] < 0) {
                throw fail("Dimension " + i + " is " + Long.toUnsignedString(shape[i]) + ", beyond the signed 64-bit range");
            }
            empty |= shape[i] == 0;
        }
        long numel = 1;
        if (empty) {
            numel = 0;
        } else {
            for (long dim : shape) {
                try {
                    numel = Math.multiplyExact(numel, dim);
                } catch (ArithmeticException overflow) {
                    throw fail("Element count of shape " + java.util.Arrays.toString(shape) + " overflows 64 bits");
                }
            }
        }
        if (numel > Integer.MAX_VALUE - 8) {
            throw fail("Shape " + java.util.Arrays.toString(shape) + " has " + numel
                    + " elements, more than a Java array can hold");
        }
        return new Header(type, shape, (int) numel);
    }

    private static int fixedBytes(ByteBuffer in, Header header) {
        long bytes = (long) header.numel * header.type.elementSize();
        if (bytes > in.remaining()) {
            throw fail(header.type.jsonName() + " data of " + header.numel + " element(s) needs " + bytes
                    + " bytes, only " + in.remaining() + " remain");
        }
        return (int) bytes;
    }

    private static Object fixed(ByteBuffer le, Header header) {
        int bytes = fixedBytes(le, header);
        int n = header.numel;
        ByteBuffer data = le.slice().order(ByteOrder.LITTLE_ENDIAN);
        data.limit(bytes);
        le.position(le.position() + bytes);
        switch (header.type) {
            case F32 -> {
                float[] out = new float[n];
                data.asFloatBuffer().get(out);
                return out;
            }
            case F64 -> {
                double[] out = new double[n];
                data.asDoubleBuffer().get(out);
                return out;
            }
            case I8 -> {
                byte[] out = new byte[n];
                data.get(out);
                return out;
            }
            case I16 -> {
                short[] out = new short[n];
                data.asShortBuffer().get(out);
                return out;
            }
            case I32 -> {
                int[] out = new int[n];
                data.asIntBuffer().get(out);
                return out;
            }
            case I64, U64 -> {
                long[] out = new long[n];
                data.asLongBuffer().get(out);
                return out;
            }
            case U8 -> {
                short[] out = new short[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (short) (data.get(i) & 0xFF);
                }
                return out;
            }
            case U16 -> {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = data.getShort(2 * i) & 0xFFFF;
                }
                return out;
            }
            case U32 -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = data.getInt(4 * i) & 0xFFFF_FFFFL;
                }
                return out;
            }
            case BOOLEAN -> {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = data.get(i) != 0;
                }
                return out;
            }
            default -> throw new IllegalStateException("not a fixed-size type: " + header.type);
        }
    }

    /**
     * Reads (or, with {@code materialize} false, only checks) the element section of a variable-size type: a varint
     * total length, then per element a varint length and the bytes. The total must match the elements exactly.
     */
    private static Object variable(ByteBuffer in, Header header, boolean materialize) {
        DecthingsElementType type = header.type;
        long total = varint(in, "element section length");
        if (Long.compareUnsigned(total, in.remaining()) > 0) {
            throw fail(type.jsonName() + " element section length " + Long.toUnsignedString(total)
                    + " is larger than the " + in.remaining() + " bytes that remain");
        }
        int n = header.numel;
        // Each element takes at least its one-byte length: this bounds the array below by the input size.
        if (n > total) {
            throw fail(n + " " + type.jsonName() + " element(s) cannot fit in an element section of " + total
                    + " bytes");
        }
        ByteBuffer section = in.slice();
        section.limit((int) total);
        in.position(in.position() + (int) total);

        Object[] out = !materialize ? null
                : type == DecthingsElementType.STRING ? new String[n]
                : type == DecthingsElementType.BINARY ? new byte[n][]
                : new DecthingsMedia[n];
        for (int i = 0; i < n; i++) {
            long length = varint(section, "length of element " + i);
            if (Long.compareUnsigned(length, section.remaining()) > 0) {
                throw fail(type.jsonName() + " element " + i + " length " + Long.toUnsignedString(length)
                        + " goes past the end of the element section (" + section.remaining() + " bytes remain)");
            }
            ByteBuffer element = section.slice();
            element.limit((int) length);
            section.position(section.position() + (int) length);
            Object value = element(type, i, element, materialize);
            if (materialize) {
                out[i] = value;
            }
        }
        if (section.hasRemaining()) {
            throw fail(type.jsonName() + " element section declares " + total + " bytes but its elements use "
                    + (total - section.remaining()));
        }
        return out;
    }

    private static Object element(DecthingsElementType type, int index, ByteBuffer bytes, boolean materialize) {
        switch (type) {
            case STRING -> {
                String text = Utf8.decodeOrNull(bytes);
                if (text == null) {
                    throw fail("string element " + index + " is not valid UTF-8");
                }
                return text;
            }
            case BINARY -> {
                if (!materialize) {
                    return null;
                }
                byte[] out = new byte[bytes.remaining()];
                bytes.get(out);
                return out;
            }
            default -> {
                if (!bytes.hasRemaining()) {
                    throw fail(type.jsonName() + " element " + index + " is empty: expected the format length byte");
                }
                int formatLength = bytes.get() & 0xFF;
                if (formatLength > bytes.remaining()) {
                    throw fail(type.jsonName() + " element " + index + " format length " + formatLength
                            + " is larger than the element's remaining " + bytes.remaining() + " bytes");
                }
                ByteBuffer formatBytes = bytes.slice();
                formatBytes.limit(formatLength);
                bytes.position(bytes.position() + formatLength);
                String format = Utf8.decodeOrNull(formatBytes);
                if (format == null) {
                    throw fail(type.jsonName() + " element " + index + " format is not valid UTF-8");
                }
                if (!materialize) {
                    return null;
                }
                byte[] data = new byte[bytes.remaining()];
                bytes.get(data);
                return new DecthingsMedia(format, data);
            }
        }
    }

    private static long varint(ByteBuffer in, String what) {
        if (!in.hasRemaining()) {
            throw fail("Truncated tensor: expected the varint of the " + what + ", found no bytes");
        }
        int length = Varint.encodedLengthFromPrefix(in.get(in.position()));
        if (in.remaining() < length) {
            throw fail("Truncated varint of the " + what + ": needs " + length + " bytes, only " + in.remaining()
                    + " remain");
        }
        return Varint.read(in);
    }

    private static DecthingsTensorFormatException fail(String message) {
        return new DecthingsTensorFormatException(message);
    }
}
