package dev.modelapi.decthings.client.tensor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An immutable n-dimensional array of one {@link DecthingsElementType}, with its binary serialization
 * (docs/decthings-wire-format.md §5; the Rust client is the reference where the JS one differs).
 *
 * <p>Elements are kept in row-major order in a Java array chosen per type ("carrier"):
 *
 * <table>
 *   <caption>Carriers</caption>
 *   <tr><th>type</th><th>carrier</th><th>values</th></tr>
 *   <tr><td>f32 / f64</td><td>{@code float[]} / {@code double[]}</td><td>all, NaN and -0.0 kept bit-exact</td></tr>
 *   <tr><td>i8 / i16 / i32 / i64</td><td>{@code byte[]} / {@code short[]} / {@code int[]} / {@code long[]}</td>
 *       <td>all</td></tr>
 *   <tr><td>u8 / u16 / u32</td><td>{@code short[]} / {@code int[]} / {@code long[]} (the next wider signed type)</td>
 *       <td>the true value, 0..2^n-1; others are refused</td></tr>
 *   <tr><td>u64</td><td>{@code long[]} (same width)</td>
 *       <td>the 64 bits; read with {@link Long#toUnsignedString(long)} / {@link Long#compareUnsigned}</td></tr>
 *   <tr><td>boolean</td><td>{@code boolean[]}</td><td>any non-zero byte reads as true (as in Rust)</td></tr>
 *   <tr><td>string</td><td>{@code String[]}</td><td>well-formed text; lengths are UTF-8 bytes on the wire</td></tr>
 *   <tr><td>binary</td><td>{@code byte[][]}</td><td>any bytes</td></tr>
 *   <tr><td>image / audio / video</td><td>{@code DecthingsMedia[]}</td><td>format (≤ 255 UTF-8 bytes) + bytes</td></tr>
 * </table>
 *
 * <p>A shape of length 0 is a scalar (one element). Factories and accessors copy arrays, so instances are safe to
 * share; {@link #equals} compares type, shape and elements (floats by bits, so NaN equals NaN and -0.0 ≠ 0.0).
 */
public final class DecthingsTensor {

    /** The dimension count is a single byte on the wire. */
    public static final int MAX_RANK = 255;

    private final DecthingsElementType type;
    private final long[] shape;
    private final int numel;
    /** The carrier array; never exposed, never modified. */
    private final Object data;

    private DecthingsTensor(DecthingsElementType type, long[] shape, Object data, int length) {
        this.type = type;
        this.shape = shape;
        this.numel = length;
        this.data = data;
    }

    /** Trusted constructor for the reader, which has already checked everything and owns the arrays. */
    static DecthingsTensor trusted(DecthingsElementType type, long[] shape, Object data, int numel) {
        return new DecthingsTensor(type, shape, data, numel);
    }

    private static DecthingsTensor create(DecthingsElementType type, Object data, int length, long[] shape) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(shape, "shape");
        if (shape.length > MAX_RANK) {
            throw new IllegalArgumentException("A tensor has at most " + MAX_RANK + " dimensions, got " + shape.length);
        }
        long expected = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("Negative dimension in shape " + Arrays.toString(shape));
            }
            expected = dim == 0 || expected == 0 ? 0 : multiplySaturated(expected, dim);
        }
        if (expected != length) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " holds " + expected
                    + " element(s) but " + length + " were given");
        }
        return new DecthingsTensor(type, shape.clone(), data, length);
    }

    private static long multiplySaturated(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    public static DecthingsTensor f32(float[] data, long... shape) {
        return create(DecthingsElementType.F32, data.clone(), data.length, shape);
    }

    public static DecthingsTensor f64(double[] data, long... shape) {
        return create(DecthingsElementType.F64, data.clone(), data.length, shape);
    }

    public static DecthingsTensor i8(byte[] data, long... shape) {
        return create(DecthingsElementType.I8, data.clone(), data.length, shape);
    }

    public static DecthingsTensor i16(short[] data, long... shape) {
        return create(DecthingsElementType.I16, data.clone(), data.length, shape);
    }

    public static DecthingsTensor i32(int[] data, long... shape) {
        return create(DecthingsElementType.I32, data.clone(), data.length, shape);
    }

    public static DecthingsTensor i64(long[] data, long... shape) {
        return create(DecthingsElementType.I64, data.clone(), data.length, shape);
    }

    /** Unsigned bytes carried as {@code short}s; each value must be within 0..255. */
    public static DecthingsTensor u8(short[] data, long... shape) {
        for (int i = 0; i < data.length; i++) {
            checkRange(data[i], 0xFF, "u8", i);
        }
        return create(DecthingsElementType.U8, data.clone(), data.length, shape);
    }

    /** Unsigned 16-bit values carried as {@code int}s; each value must be within 0..65535. */
    public static DecthingsTensor u16(int[] data, long... shape) {
        for (int i = 0; i < data.length; i++) {
            checkRange(data[i], 0xFFFF, "u16", i);
        }
        return create(DecthingsElementType.U16, data.clone(), data.length, shape);
    }

    /** Unsigned 32-bit values carried as {@code long}s; each value must be within 0..2^32-1. */
    public static DecthingsTensor u32(long[] data, long... shape) {
        for (int i = 0; i < data.length; i++) {
            checkRange(data[i], 0xFFFF_FFFFL, "u32", i);
        }
        return create(DecthingsElementType.U32, data.clone(), data.length, shape);
    }

    /** Unsigned 64-bit values carried bit-for-bit in {@code long}s: {@code -1L} is 2^64-1. */
    public static DecthingsTensor u64(long[] data, long... shape) {
        return create(DecthingsElementType.U64, data.clone(), data.length, shape);
    }

    public static DecthingsTensor bool(boolean[] data, long... shape) {
        return create(DecthingsElementType.BOOLEAN, data.clone(), data.length, shape);
    }

    /** Strings; each must be well-formed (no unpaired surrogate), as it travels as UTF-8. */
    public static DecthingsTensor string(String[] data, long... shape) {
        String[] copy = data.clone();
        for (int i = 0; i < copy.length; i++) {
            Objects.requireNonNull(copy[i], "string element " + i);
            if (!Utf8.isWellFormed(copy[i])) {
                throw new IllegalArgumentException("String element " + i + " contains an unpaired surrogate");
            }
        }
        return create(DecthingsElementType.STRING, copy, copy.length, shape);
    }

    public static DecthingsTensor binary(byte[][] data, long... shape) {
        byte[][] copy = new byte[data.length][];
        for (int i = 0; i < data.length; i++) {
            copy[i] = Objects.requireNonNull(data[i], "binary element " + i).clone();
        }
        return create(DecthingsElementType.BINARY, copy, copy.length, shape);
    }

    public static DecthingsTensor image(DecthingsMedia[] data, long... shape) {
        return media(DecthingsElementType.IMAGE, data, shape);
    }

    public static DecthingsTensor audio(DecthingsMedia[] data, long... shape) {
        return media(DecthingsElementType.AUDIO, data, shape);
    }

    public static DecthingsTensor video(DecthingsMedia[] data, long... shape) {
        return media(DecthingsElementType.VIDEO, data, shape);
    }

    private static DecthingsTensor media(DecthingsElementType type, DecthingsMedia[] data, long[] shape) {
        DecthingsMedia[] copy = data.clone();
        for (int i = 0; i < copy.length; i++) {
            Objects.requireNonNull(copy[i], type.jsonName() + " element " + i);
        }
        return create(type, copy, copy.length, shape);
    }

    private static void checkRange(long value, long max, String type, int index) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(type + " element " + index + " is " + value + ", outside 0.." + max);
        }
    }

    public DecthingsElementType type() {
        return type;
    }

    /** The dimensions, outermost first; empty for a scalar. */
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements: the product of the shape, 1 for a scalar. */
    public int numel() {
        return numel;
    }

    /** A copy of the f32 elements. */
    public float[] asFloatArray() {
        return ((float[]) carrier(float[].class)).clone();
    }

    /** A copy of the f64 elements. */
    public double[] asDoubleArray() {
        return ((double[]) carrier(double[].class)).clone();
    }

    /** A copy of the i8 elements. */
    public byte[] asByteArray() {
        return ((byte[]) carrier(byte[].class)).clone();
    }

    /** A copy of the i16 or u8 elements. */
    public short[] asShortArray() {
        return ((short[]) carrier(short[].class)).clone();
    }

    /** A copy of the i32 or u16 elements. */
    public int[] asIntArray() {
        return ((int[]) carrier(int[].class)).clone();
    }

    /** A copy of the i64, u32 or u64 elements (u64 as unsigned bits). */
    public long[] asLongArray() {
        return ((long[]) carrier(long[].class)).clone();
    }

    /** A copy of the boolean elements. */
    public boolean[] asBooleanArray() {
        return ((boolean[]) carrier(boolean[].class)).clone();
    }

    /** A copy of the string elements. */
    public String[] asStringArray() {
        return ((String[]) carrier(String[].class)).clone();
    }

    /** A deep copy of the binary elements. */
    public byte[][] asBinaryArray() {
        byte[][] source = (byte[][]) carrier(byte[][].class);
        byte[][] copy = new byte[source.length][];
        for (int i = 0; i < source.length; i++) {
            copy[i] = source[i].clone();
        }
        return copy;
    }

    /** A copy of the image, audio or video elements. */
    public DecthingsMedia[] asMediaArray() {
        return ((DecthingsMedia[]) carrier(DecthingsMedia[].class)).clone();
    }

    private Object carrier(Class<?> expected) {
        if (!expected.isInstance(data)) {
            throw new IllegalStateException("A " + type.jsonName() + " tensor is carried as "
                    + data.getClass().getSimpleName() + ", not " + expected.getSimpleName());
        }
        return data;
    }

    /** The carrier array itself, for the codec. */
    Object data() {
        return data;
    }

    long[] shapeUnsafe() {
        return shape;
    }

    /** Exact size of {@link #serialize()}. */
    public int serializedSize() {
        return TensorWriter.serializedSize(this);
    }

    /** The binary form (docs/decthings-wire-format.md §5). */
    public byte[] serialize() {
        ByteBuffer out = ByteBuffer.allocate(serializedSize());
        TensorWriter.write(this, out);
        return out.array();
    }

    /**
     * Writes the binary form at the buffer's position and advances it; the buffer's byte order is not used.
     *
     * @throws java.nio.BufferOverflowException if fewer than {@link #serializedSize()} bytes remain
     */
    public void serializeTo(ByteBuffer out) {
        if (out.remaining() < serializedSize()) {
            throw new java.nio.BufferOverflowException();
        }
        TensorWriter.write(this, out);
    }

    public void serializeTo(OutputStream out) throws IOException {
        out.write(serialize());
    }

    /** Base64 of {@link #serialize()}: the form tensors take in the logical JSON documents. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(serialize());
    }

    /** The concatenation of the tensors' binary forms: the blob of one parameter. */
    public static byte[] serializeMany(List<DecthingsTensor> tensors) {
        long size = 0;
        for (DecthingsTensor tensor : tensors) {
            size += tensor.serializedSize();
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Tensors of " + size + " bytes do not fit in one array");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        for (DecthingsTensor tensor : tensors) {
            TensorWriter.write(tensor, out);
        }
        return out.array();
    }

    /**
     * Reads exactly one tensor.
     *
     * @throws DecthingsTensorFormatException if the bytes are malformed or hold more than one tensor
     */
    public static DecthingsTensor deserialize(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        DecthingsTensor tensor = TensorReader.read(in);
        if (in.hasRemaining()) {
            throw new DecthingsTensorFormatException(in.remaining() + " trailing byte(s) after the tensor");
        }
        return tensor;
    }

    /** Reads one tensor at the buffer's position and advances past it; bytes after it are left alone. */
    public static DecthingsTensor deserialize(ByteBuffer in) {
        return TensorReader.read(in);
    }

    /** Decodes base64 and reads exactly one tensor. */
    public static DecthingsTensor fromBase64(String base64) {
        return deserialize(Base64.getDecoder().decode(base64));
    }

    /** Reads concatenated tensors until the bytes end (an empty input gives an empty list). */
    public static List<DecthingsTensor> deserializeMany(byte[] bytes) {
        return deserializeMany(ByteBuffer.wrap(bytes));
    }

    /** Reads concatenated tensors from the buffer's position to its limit; the position is not moved. */
    public static List<DecthingsTensor> deserializeMany(ByteBuffer bytes) {
        ByteBuffer in = bytes.duplicate();
        List<DecthingsTensor> tensors = new ArrayList<>();
        while (in.hasRemaining()) {
            tensors.add(TensorReader.read(in));
        }
        return tensors;
    }

    /**
     * Splits concatenated tensors into views of each one's bytes, checking the structure (header, lengths, UTF-8)
     * without building element arrays. Used to re-encode a parameter blob as base64 tensors without a decode/encode
     * round trip. The position of {@code bytes} is not moved.
     */
    public static List<ByteBuffer> sliceMany(ByteBuffer bytes) {
        ByteBuffer in = bytes.duplicate();
        List<ByteBuffer> slices = new ArrayList<>();
        while (in.hasRemaining()) {
            int start = in.position();
            TensorReader.skip(in);
            ByteBuffer slice = bytes.duplicate();
            slice.position(start).limit(in.position());
            slices.add(slice.slice());
        }
        return slices;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof DecthingsTensor other && type == other.type && Arrays.equals(shape, other.shape)
                && Arrays.deepEquals(new Object[] {data}, new Object[] {other.data});
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Arrays.hashCode(shape)) + Arrays.deepHashCode(new Object[] {data});
    }

    @Override
    public String toString() {
        String elements = Arrays.deepToString(new Object[] {data});
        elements = elements.substring(1, elements.length() - 1);
        if (elements.length() > 200) {
            elements = elements.substring(0, 200) + "…";
        }
        return "DecthingsTensor{" + type.jsonName() + ", shape=" + Arrays.toString(shape) + ", data=" + elements + "}";
    }
}
