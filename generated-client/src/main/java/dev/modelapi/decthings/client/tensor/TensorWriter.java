package dev.modelapi.decthings.client.tensor;

import dev.modelapi.decthings.client.wire.Varint;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes the binary form of a {@link DecthingsTensor}; sizes are computed first so output is allocated once. */
final class TensorWriter {

    private TensorWriter() {
    }

    static int serializedSize(DecthingsTensor tensor) {
        DecthingsElementType type = tensor.type();
        long size = 2;
        for (long dim : tensor.shapeUnsafe()) {
            size += Varint.encodedLength(dim);
        }
        if (type.isFixedSize()) {
            size += (long) tensor.numel() * type.elementSize();
        } else {
            long section = sectionSize(tensor);
            size += Varint.encodedLength(section) + section;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Tensor of " + size + " bytes is too large to serialize into one array");
        }
        return (int) size;
    }

    /** Bytes of the variable-size element section: each element's length varint plus its bytes. */
    private static long sectionSize(DecthingsTensor tensor) {
        long size = 0;
        for (int i = 0; i < tensor.numel(); i++) {
            long length = elementLength(tensor, i);
            size += Varint.encodedLength(length) + length;
        }
        return size;
    }

    private static long elementLength(DecthingsTensor tensor, int index) {
        Object data = tensor.data();
        if (data instanceof String[] strings) {
            return Utf8.length(strings[index]);
        }
        if (data instanceof byte[][] binaries) {
            return binaries[index].length;
        }
        DecthingsMedia media = ((DecthingsMedia[]) data)[index];
        return 1L + Utf8.length(media.format()) + media.size();
    }

    /** Writes at the buffer's position (enough room is the caller's check) and advances it. */
    static void write(DecthingsTensor tensor, ByteBuffer out) {
        // A little-endian view, whatever order the caller's buffer has; varints write big-endian explicitly.
        ByteBuffer le = out.slice().order(ByteOrder.LITTLE_ENDIAN);
        DecthingsElementType type = tensor.type();
        le.put((byte) type.code());
        le.put((byte) tensor.rank());
        for (long dim : tensor.shapeUnsafe()) {
            Varint.write(dim, le);
        }
        Object data = tensor.data();
        switch (type) {
            case F32 -> putFloats(le, (float[]) data);
            case F64 -> putDoubles(le, (double[]) data);
            case I8 -> le.put((byte[]) data);
            case I16 -> putShorts(le, (short[]) data);
            case I32 -> putInts(le, (int[]) data);
            case I64, U64 -> putLongs(le, (long[]) data);
            case U8 -> {
                for (short v : (short[]) data) {
                    le.put((byte) v);
                }
            }
            case U16 -> {
                for (int v : (int[]) data) {
                    le.putShort((short) v);
                }
            }
            case U32 -> {
                for (long v : (long[]) data) {
                    le.putInt((int) v);
                }
            }
            case BOOLEAN -> {
                for (boolean v : (boolean[]) data) {
                    le.put((byte) (v ? 1 : 0));
                }
            }
            default -> writeVariable(tensor, le);
        }
        out.position(out.position() + le.position());
    }

    private static void writeVariable(DecthingsTensor tensor, ByteBuffer le) {
        Varint.write(sectionSize(tensor), le);
        Object data = tensor.data();
        for (int i = 0; i < tensor.numel(); i++) {
            Varint.write(elementLength(tensor, i), le);
            if (data instanceof String[] strings) {
                le.put(strings[i].getBytes(StandardCharsets.UTF_8));
            } else if (data instanceof byte[][] binaries) {
                le.put(binaries[i]);
            } else {
                DecthingsMedia media = ((DecthingsMedia[]) data)[i];
                byte[] format = media.format().getBytes(StandardCharsets.UTF_8);
                le.put((byte) format.length);
                le.put(format);
                le.put(media.bytesUnsafe());
            }
        }
    }

    // Bulk puts through typed views: one bounds check and a tight copy loop instead of a put per element.

    private static void putFloats(ByteBuffer le, float[] values) {
        le.asFloatBuffer().put(values);
        le.position(le.position() + values.length * Float.BYTES);
    }

    private static void putDoubles(ByteBuffer le, double[] values) {
        le.asDoubleBuffer().put(values);
        le.position(le.position() + values.length * Double.BYTES);
    }

    private static void putShorts(ByteBuffer le, short[] values) {
        le.asShortBuffer().put(values);
        le.position(le.position() + values.length * Short.BYTES);
    }

    private static void putInts(ByteBuffer le, int[] values) {
        le.asIntBuffer().put(values);
        le.position(le.position() + values.length * Integer.BYTES);
    }

    private static void putLongs(ByteBuffer le, long[] values) {
        le.asLongBuffer().put(values);
        le.position(le.position() + values.length * Long.BYTES);
    }
}
