package dev.modelapi.decthings.client.tensor;

import static dev.modelapi.decthings.client.wire.TestBytes.concat;
import static dev.modelapi.decthings.client.wire.TestBytes.hex;
import static dev.modelapi.decthings.client.wire.TestBytes.toHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DecthingsTensorTest {

    // ------------------------------------------------------------------ the worked examples of docs/decthings-wire-format.md §5

    @Test
    void f32VectorMatchesTheReferenceBytes() {
        DecthingsTensor tensor = DecthingsTensor.f32(new float[] {1.0f, 2.0f}, 2);
        byte[] expected = hex("01 01 02 00 00 80 3f 00 00 00 40");

        assertThat(toHex(tensor.serialize())).isEqualTo(toHex(expected));
        assertThat(DecthingsTensor.deserialize(expected)).isEqualTo(tensor);
        assertThat(tensor.serializedSize()).isEqualTo(11);
    }

    @Test
    void stringVectorCountsUtf8BytesLikeTheRustReference() {
        DecthingsTensor tensor = DecthingsTensor.string(new String[] {"hi", "é"}, 2);
        byte[] expected = hex("0b 01 02 06 02 68 69 02 c3 a9");

        assertThat(toHex(tensor.serialize())).isEqualTo(toHex(expected));
        assertThat(DecthingsTensor.deserialize(expected).asStringArray()).containsExactly("hi", "é");
    }

    @Test
    void imageScalarMatchesTheReferenceBytes() {
        DecthingsTensor tensor = DecthingsTensor.image(
                new DecthingsMedia[] {new DecthingsMedia("png", hex("89 50 4e 47"))});
        byte[] expected = hex("0e 00 09 08 03 70 6e 67 89 50 4e 47");

        assertThat(toHex(tensor.serialize())).isEqualTo(toHex(expected));
        DecthingsTensor decoded = DecthingsTensor.deserialize(expected);
        assertThat(decoded).isEqualTo(tensor);
        assertThat(decoded.rank()).isZero();
        assertThat(decoded.asMediaArray()[0].format()).isEqualTo("png");
    }

    // ------------------------------------------------------------------ round trips of all 16 types

    /** One sample tensor per type and shape, built from a factory that takes the shape. */
    static Stream<Arguments> everyTypeAndShape() {
        List<long[]> shapes = List.of(new long[0], new long[] {0}, new long[] {2, 0, 3}, new long[] {2, 3},
                new long[] {1, 1, 1, 6});
        return Stream.of(DecthingsElementType.values()).flatMap(type -> shapes.stream()
                .map(shape -> Arguments.of(type, java.util.Arrays.toString(shape), sample(type, shape))));
    }

    private static DecthingsTensor sample(DecthingsElementType type, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        int count = (int) n;
        Function<Integer, DecthingsMedia> media = i -> new DecthingsMedia(i % 2 == 0 ? "png" : "",
                new byte[] {i.byteValue(), (byte) 0xff});
        return switch (type) {
            case F32 -> DecthingsTensor.f32(fill(new float[count], i -> new float[] {Float.NaN, -0.0f, 1.5f,
                    Float.NEGATIVE_INFINITY, Float.MAX_VALUE, Float.MIN_VALUE}[i % 6]), shape);
            case F64 -> DecthingsTensor.f64(fillD(count, i -> new double[] {Double.NaN, -0.0, Math.PI,
                    Double.POSITIVE_INFINITY, -Double.MAX_VALUE, Double.MIN_VALUE}[i % 6]), shape);
            case I8 -> DecthingsTensor.i8(bytes(count, i -> new byte[] {Byte.MIN_VALUE, Byte.MAX_VALUE, -1, 0}[i % 4]),
                    shape);
            case I16 -> DecthingsTensor.i16(shorts(count, i -> new short[] {Short.MIN_VALUE, Short.MAX_VALUE, -2}[i % 3]),
                    shape);
            case I32 -> DecthingsTensor.i32(java.util.stream.IntStream.range(0, count)
                    .map(i -> new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -3}[i % 3]).toArray(), shape);
            case I64 -> DecthingsTensor.i64(java.util.stream.IntStream.range(0, count)
                    .mapToLong(i -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -4}[i % 3]).toArray(), shape);
            case U8 -> DecthingsTensor.u8(shorts(count, i -> new short[] {0, 255, 128}[i % 3]), shape);
            case U16 -> DecthingsTensor.u16(java.util.stream.IntStream.range(0, count)
                    .map(i -> new int[] {0, 65535, 32768}[i % 3]).toArray(), shape);
            case U32 -> DecthingsTensor.u32(java.util.stream.IntStream.range(0, count)
                    .mapToLong(i -> new long[] {0, 0xFFFF_FFFFL, 0x8000_0000L}[i % 3]).toArray(), shape);
            case U64 -> DecthingsTensor.u64(java.util.stream.IntStream.range(0, count)
                    .mapToLong(i -> new long[] {0, -1L, Long.MIN_VALUE}[i % 3]).toArray(), shape);
            case STRING -> DecthingsTensor.string(java.util.stream.IntStream.range(0, count)
                    .mapToObj(i -> new String[] {"", "hi", "é", "😀 x".repeat(80)}[i % 4]).toArray(String[]::new),
                    shape);
            case BINARY -> DecthingsTensor.binary(java.util.stream.IntStream.range(0, count)
                    .mapToObj(i -> new byte[i * 50]).toArray(byte[][]::new), shape);
            case BOOLEAN -> {
                boolean[] values = new boolean[count];
                for (int i = 0; i < count; i++) {
                    values[i] = i % 3 == 0;
                }
                yield DecthingsTensor.bool(values, shape);
            }
            case IMAGE -> DecthingsTensor.image(mediaArray(count, media), shape);
            case AUDIO -> DecthingsTensor.audio(mediaArray(count, media), shape);
            case VIDEO -> DecthingsTensor.video(mediaArray(count, media), shape);
        };
    }

    @ParameterizedTest(name = "{0} shape {1}")
    @MethodSource("everyTypeAndShape")
    void roundTripsEveryTypeAndShape(DecthingsElementType type, String shapeText, DecthingsTensor tensor) {
        byte[] bytes = tensor.serialize();

        assertThat(bytes[0]).isEqualTo((byte) type.code());
        assertThat(bytes[1]).isEqualTo((byte) tensor.rank());
        assertThat(bytes).hasSize(tensor.serializedSize());

        DecthingsTensor decoded = DecthingsTensor.deserialize(bytes);
        assertThat(decoded).isEqualTo(tensor).hasSameHashCodeAs(tensor);
        assertThat(decoded.type()).isEqualTo(type);
        assertThat(decoded.shape()).isEqualTo(tensor.shape());
        assertThat(decoded.serialize()).isEqualTo(bytes);
        assertThat(DecthingsTensor.fromBase64(tensor.toBase64())).isEqualTo(tensor);
    }

    @ParameterizedTest(name = "{0} shape {1}")
    @MethodSource("everyTypeAndShape")
    void everyStrictPrefixIsRefused(DecthingsElementType type, String shapeText, DecthingsTensor tensor) {
        byte[] bytes = tensor.serialize();
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] prefix = java.util.Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> DecthingsTensor.deserialize(prefix))
                    .as("prefix %d/%d", cut, bytes.length)
                    .isInstanceOf(DecthingsTensorFormatException.class);
        }
    }

    @Test
    void unsignedMaximaUseTheFullWidth() {
        assertThat(toHex(DecthingsTensor.u8(new short[] {255}).serialize())).isEqualTo("07 00 ff");
        assertThat(toHex(DecthingsTensor.u16(new int[] {65535}).serialize())).isEqualTo("08 00 ff ff");
        assertThat(toHex(DecthingsTensor.u32(new long[] {0xFFFF_FFFFL}).serialize())).isEqualTo("09 00 ff ff ff ff");
        assertThat(toHex(DecthingsTensor.u64(new long[] {-1L}).serialize()))
                .isEqualTo("0a 00 ff ff ff ff ff ff ff ff");

        assertThat(DecthingsTensor.deserialize(hex("07 00 ff")).asShortArray()).containsExactly((short) 255);
        assertThat(DecthingsTensor.deserialize(hex("08 00 ff ff")).asIntArray()).containsExactly(65535);
        assertThat(DecthingsTensor.deserialize(hex("09 00 ff ff ff ff")).asLongArray()).containsExactly(4294967295L);
        assertThat(Long.toUnsignedString(DecthingsTensor.deserialize(hex("0a 00 ff ff ff ff ff ff ff ff"))
                .asLongArray()[0])).isEqualTo("18446744073709551615");
    }

    @Test
    void numbersAreLittleEndianAndFloatsKeepTheirBits() {
        assertThat(toHex(DecthingsTensor.f32(new float[] {-0.0f}).serialize())).isEqualTo("01 00 00 00 00 80");
        assertThat(toHex(DecthingsTensor.i32(new int[] {0x01020304}).serialize())).isEqualTo("05 00 04 03 02 01");
        assertThat(toHex(DecthingsTensor.i16(new short[] {-2}).serialize())).isEqualTo("04 00 fe ff");

        float[] decoded = DecthingsTensor.deserialize(hex("01 01 02 00 00 c0 7f 00 00 00 80")).asFloatArray();
        assertThat(Float.isNaN(decoded[0])).isTrue();
        assertThat(Float.floatToRawIntBits(decoded[1])).isEqualTo(0x8000_0000);
    }

    @Test
    void equalityComparesFloatsByBits() {
        assertThat(DecthingsTensor.f64(new double[] {Double.NaN})).isEqualTo(DecthingsTensor.f64(new double[] {Double.NaN}));
        assertThat(DecthingsTensor.f32(new float[] {-0.0f})).isNotEqualTo(DecthingsTensor.f32(new float[] {0.0f}));
        assertThat(DecthingsTensor.f32(new float[] {1, 2}, 2)).isNotEqualTo(DecthingsTensor.f32(new float[] {1, 2}, 1, 2));
        assertThat(DecthingsTensor.i64(new long[] {1})).isNotEqualTo(DecthingsTensor.u64(new long[] {1}));
    }

    @Test
    void shapesAreOutermostFirstAndVarintEncoded() {
        DecthingsTensor tensor = DecthingsTensor.i8(new byte[0], 300, 0);
        assertThat(toHex(tensor.serialize())).isEqualTo("03 02 fd 01 2c 00");
        assertThat(DecthingsTensor.deserialize(tensor.serialize()).shape()).containsExactly(300, 0);
    }

    @Test
    void booleansReadAnyNonZeroByteAsTrueLikeRust() {
        assertThat(DecthingsTensor.deserialize(hex("0d 01 03 00 01 02")).asBooleanArray())
                .containsExactly(false, true, true);
        assertThat(toHex(DecthingsTensor.bool(new boolean[] {true, false}, 2).serialize())).isEqualTo("0d 01 02 01 00");
    }

    @Test
    void mediaElementsCarryTheirFormatLength() {
        DecthingsTensor audio = DecthingsTensor.audio(new DecthingsMedia[] {
                new DecthingsMedia("mp3", hex("aa")), new DecthingsMedia("flac", new byte[0])}, 2);
        assertThat(toHex(audio.serialize())).isEqualTo("0f 01 02 0c 05 03 6d 70 33 aa 05 04 66 6c 61 63");
        assertThat(DecthingsTensor.deserialize(audio.serialize())).isEqualTo(audio);
    }

    // ------------------------------------------------------------------ API behaviour

    @Test
    void factoriesCheckShapeAndValues() {
        assertThatThrownBy(() -> DecthingsTensor.f32(new float[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Shape [] holds 1 element(s) but 2 were given");
        assertThatThrownBy(() -> DecthingsTensor.f32(new float[] {1}, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecthingsTensor.i8(new byte[0], new long[256]))
                .hasMessageContaining("at most 255 dimensions");
        assertThatThrownBy(() -> DecthingsTensor.u8(new short[] {256})).hasMessageContaining("outside 0..255");
        assertThatThrownBy(() -> DecthingsTensor.u16(new int[] {-1})).hasMessageContaining("outside 0..65535");
        assertThatThrownBy(() -> DecthingsTensor.u32(new long[] {1L << 32})).hasMessageContaining("outside");
        assertThatThrownBy(() -> DecthingsTensor.string(new String[] {"\ud800"}))
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> new DecthingsMedia("x".repeat(256), new byte[0]))
                .hasMessageContaining("at most 255");
        assertThatThrownBy(() -> DecthingsTensor.i8(new byte[0], Long.MAX_VALUE, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreCopiedInAndOut() {
        float[] data = {1, 2};
        DecthingsTensor tensor = DecthingsTensor.f32(data, 2);
        data[0] = 9;
        tensor.asFloatArray()[1] = 9;
        tensor.shape()[0] = 9;

        assertThat(tensor.asFloatArray()).containsExactly(1, 2);
        assertThat(tensor.shape()).containsExactly(2);
    }

    @Test
    void accessorsNameTheCarrier() {
        assertThatThrownBy(() -> DecthingsTensor.u8(new short[] {1}).asByteArray())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A u8 tensor is carried as short[], not byte[]");
    }

    @Test
    void serializesIntoBuffersOfAnyOrderAndIntoStreams() throws IOException {
        DecthingsTensor tensor = DecthingsTensor.f64(new double[] {1.0, -2.5}, 2);
        ByteBuffer out = ByteBuffer.allocateDirect(40).order(ByteOrder.BIG_ENDIAN);
        out.put((byte) 7);
        tensor.serializeTo(out);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        tensor.serializeTo(stream);

        assertThat(out.position()).isEqualTo(1 + tensor.serializedSize());
        byte[] written = new byte[tensor.serializedSize()];
        out.flip().position(1);
        out.get(written);
        assertThat(written).isEqualTo(tensor.serialize()).isEqualTo(stream.toByteArray());
        assertThatThrownBy(() -> tensor.serializeTo(ByteBuffer.allocate(5)))
                .isInstanceOf(java.nio.BufferOverflowException.class);
    }

    @Test
    void manyTensorsAreConcatenatedAndReadUntilTheEnd() {
        DecthingsTensor a = DecthingsTensor.f32(new float[] {1.0f, 2.0f}, 2);
        DecthingsTensor b = DecthingsTensor.string(new String[] {"hi", "é"}, 2);
        byte[] blob = DecthingsTensor.serializeMany(List.of(a, b));

        assertThat(blob).isEqualTo(concat(a.serialize(), b.serialize()));
        assertThat(DecthingsTensor.deserializeMany(blob)).containsExactly(a, b);
        assertThat(DecthingsTensor.deserializeMany(new byte[0])).isEmpty();
        assertThat(DecthingsTensor.sliceMany(ByteBuffer.wrap(blob)))
                .containsExactly(ByteBuffer.wrap(a.serialize()), ByteBuffer.wrap(b.serialize()));

        ByteBuffer in = ByteBuffer.wrap(blob);
        assertThat(DecthingsTensor.deserialize(in)).isEqualTo(a);
        assertThat(in.position()).isEqualTo(11);
        assertThatThrownBy(() -> DecthingsTensor.deserialize(blob))
                .isInstanceOf(DecthingsTensorFormatException.class)
                .hasMessage("10 trailing byte(s) after the tensor");
    }

    @Test
    void elementTypesHaveWireCodesAndJsonNames() {
        assertThat(DecthingsElementType.values()).hasSize(16);
        for (DecthingsElementType type : DecthingsElementType.values()) {
            assertThat(DecthingsElementType.forCode(type.code())).contains(type);
            assertThat(DecthingsElementType.fromJsonName(type.jsonName())).isEqualTo(type);
        }
        assertThat(DecthingsElementType.forCode(0)).isEmpty();
        assertThat(DecthingsElementType.forCode(17)).isEmpty();
        assertThat(DecthingsElementType.BOOLEAN.code()).isEqualTo(13);
        assertThat(DecthingsElementType.BINARY.code()).isEqualTo(12);
        assertThat(DecthingsElementType.VIDEO.jsonName()).isEqualTo("video");
        assertThatThrownBy(DecthingsElementType.STRING::elementSize).isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------------ helpers

    private interface IntToFloat {
        float apply(int i);
    }

    private static float[] fill(float[] values, IntToFloat f) {
        for (int i = 0; i < values.length; i++) {
            values[i] = f.apply(i);
        }
        return values;
    }

    private static double[] fillD(int count, java.util.function.IntToDoubleFunction f) {
        return java.util.stream.IntStream.range(0, count).mapToDouble(f).toArray();
    }

    private static byte[] bytes(int count, Function<Integer, Byte> f) {
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = f.apply(i);
        }
        return out;
    }

    private static short[] shorts(int count, Function<Integer, Short> f) {
        short[] out = new short[count];
        for (int i = 0; i < count; i++) {
            out[i] = f.apply(i);
        }
        return out;
    }

    private static DecthingsMedia[] mediaArray(int count, Function<Integer, DecthingsMedia> f) {
        DecthingsMedia[] out = new DecthingsMedia[count];
        for (int i = 0; i < count; i++) {
            out[i] = f.apply(i);
        }
        return out;
    }
}
