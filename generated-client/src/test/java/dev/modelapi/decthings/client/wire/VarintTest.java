package dev.modelapi.decthings.client.wire;

import static dev.modelapi.decthings.client.wire.TestBytes.hex;
import static dev.modelapi.decthings.client.wire.TestBytes.toHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VarintTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 00",
        "1, 01",
        "252, fc",
        "253, fd 00 fd",
        "254, fd 00 fe",
        "65535, fd ff ff",
        "65536, fe 00 01 00 00",
        "4294967295, fe ff ff ff ff",
        "4294967296, ff 00 00 00 01 00 00 00 00",
        "9223372036854775807, ff 7f ff ff ff ff ff ff ff",
        "18446744073709551615, ff ff ff ff ff ff ff ff ff",
    })
    void encodesAndDecodesTheReferenceVectors(String unsigned, String expectedHex) {
        long value = Long.parseUnsignedLong(unsigned);
        byte[] expected = hex(expectedHex);

        assertThat(toHex(Varint.encode(value))).isEqualTo(toHex(expected));
        assertThat(Varint.encodedLength(value)).isEqualTo(expected.length);
        assertThat(Varint.encodedLengthFromPrefix(expected[0])).isEqualTo(expected.length);

        ByteBuffer in = ByteBuffer.wrap(TestBytes.concat(expected, hex("aa")));
        assertThat(Long.toUnsignedString(Varint.read(in))).isEqualTo(unsigned);
        assertThat(in.position()).isEqualTo(expected.length);
    }

    @Test
    void maxUnsignedIsMinusOne() {
        assertThat(Varint.read(ByteBuffer.wrap(hex("ff ff ff ff ff ff ff ff ff")))).isEqualTo(-1L);
        assertThat(Varint.encode(-1L)).hasSize(9);
    }

    @Test
    void acceptsNonMinimalEncodingsLikeTheOfficialClients() {
        assertThat(Varint.read(ByteBuffer.wrap(hex("fd 00 05")))).isEqualTo(5);
        assertThat(Varint.read(ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 07")))).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fd", "fd 00", "fe 00 00 00", "ff", "ff 00 00 00 00 00 00 00"})
    void rejectsTruncatedInputWithoutMovingThePosition(String truncated) {
        ByteBuffer in = ByteBuffer.wrap(hex(truncated));

        assertThatThrownBy(() -> Varint.read(in))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessageStartingWith("Truncated varint");
        assertThat(in.position()).isZero();
    }

    @Test
    void writesBigEndianWhateverTheBufferOrder() {
        ByteBuffer out = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x11);
        Varint.write(65536, out);

        assertThat(out.position()).isEqualTo(6);
        assertThat(toHex(out.array())).isEqualTo("11 fe 00 01 00 00");
    }

    @Test
    void writeRefusesABufferThatIsTooSmall() {
        assertThatThrownBy(() -> Varint.write(70000, ByteBuffer.allocate(4)))
                .isInstanceOf(java.nio.BufferOverflowException.class);
    }

    @Test
    void writesToAStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Varint.write(253, out);
        assertThat(toHex(out.toByteArray())).isEqualTo("fd 00 fd");
    }

    @Test
    void readLengthAcceptsALengthThatFits() {
        ByteBuffer in = ByteBuffer.wrap(hex("03 01 02 03"));
        assertThat(Varint.readLength(in, "Blob length")).isEqualTo(3);
        assertThat(in.position()).isEqualTo(1);
    }

    @Test
    void readLengthRejectsHugeLengthsBeforeAnythingIsAllocated() {
        // 2^62 and 2^64-1: neither fits in the 3 remaining bytes, nor in an int.
        ByteBuffer huge = ByteBuffer.wrap(hex("ff 40 00 00 00 00 00 00 00 01 02 03"));
        assertThatThrownBy(() -> Varint.readLength(huge, "JSON length"))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("JSON length 4611686018427387904 is larger than the 3 bytes that remain");
        assertThat(huge.position()).isZero();

        ByteBuffer max = ByteBuffer.wrap(hex("ff ff ff ff ff ff ff ff ff"));
        assertThatThrownBy(() -> Varint.readLength(max, "Blob 0 length"))
                .hasMessageContaining("18446744073709551615");
    }
}
