package dev.modelapi.decthings.client.tensor;

import static dev.modelapi.decthings.client.wire.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.modelapi.decthings.client.wire.DecthingsFramingException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed tensors fail with a message that says what is wrong, and forged sizes never reach an allocation. */
class MalformedTensorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        empty                          |                                  | Truncated tensor header: expected the type byte and the dimension count, found 0 byte(s)
        type only                      | 01                               | Truncated tensor header: expected the type byte and the dimension count, found 1 byte(s)
        type code 0                    | 00 00                            | Unknown element type code 0 (expected 1..16)
        type code 17                   | 11 00 00                         | Unknown element type code 17 (expected 1..16)
        missing dimension              | 01 01                            | Truncated tensor: expected the varint of the dimension 0, found no bytes
        truncated dimension varint     | 01 01 fe 00 00                   | Truncated varint of the dimension 0: needs 5 bytes, only 3 remain
        f32 data too short             | 01 01 02 00 00 80 3f 00 00 00    | f32 data of 2 element(s) needs 8 bytes, only 7 remain
        f64 scalar without data        | 02 00                            | f64 data of 1 element(s) needs 8 bytes, only 0 remain
        dimension beyond signed range  | 06 01 ff 80 00 00 00 00 00 00 00 | Dimension 0 is 9223372036854775808, beyond the signed 64-bit range
        numel overflow                 | 06 02 ff 40 00 00 00 00 00 00 00 ff 40 00 00 00 00 00 00 00 | Element count of shape [4611686018427387904, 4611686018427387904] overflows 64 bits
        numel beyond arrays            | 03 01 fe 80 00 00 00             | Shape [2147483648] has 2147483648 elements, more than a Java array can hold
        huge i64 claim, no data        | 06 01 fe 7f ff ff 00             | i64 data of 2147483392 element(s) needs 17179867136 bytes, only 0 remain
        string section past the end   | 0b 01 01 05 01 61                | string element section length 5 is larger than the 2 bytes that remain
        string section of 2^62         | 0b 01 01 ff 40 00 00 00 00 00 00 00 | string element section length 4611686018427387904 is larger than the 0 bytes that remain
        more strings than bytes        | 0b 01 fe 10 00 00 00 02 01 61    | 268435456 string element(s) cannot fit in an element section of 2 bytes
        string element past section    | 0b 01 02 04 01 61 05 62          | string element 1 length 5 goes past the end of the element section (1 bytes remain)
        string section too long        | 0b 01 01 03 01 61 00             | string element section declares 3 bytes but its elements use 2
        invalid UTF-8                  | 0b 00 02 01 ff                   | string element 0 is not valid UTF-8
        empty image element            | 0e 00 01 00                      | image element 0 is empty: expected the format length byte
        format past the element        | 0f 00 03 02 05 61                | audio element 0 format length 5 is larger than the element's remaining 1 bytes
        format not UTF-8               | 10 00 03 02 01 c3                | video element 0 format is not valid UTF-8
        binary truncated element varint| 0c 00 02 fd 00                   | Truncated varint of the length of element 0: needs 3 bytes, only 2 remain
        """)
    void refusesWithAClearMessage(String name, String bytes, String message) {
        byte[] input = bytes == null ? new byte[0] : hex(bytes);

        assertThatThrownBy(() -> DecthingsTensor.deserialize(input))
                .isInstanceOf(DecthingsTensorFormatException.class)
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage(message);
        if (input.length > 0) { // no bytes at all are zero tensors, a valid parameter blob
            assertThatThrownBy(() -> DecthingsTensor.sliceMany(ByteBuffer.wrap(input)))
                    .isInstanceOf(DecthingsTensorFormatException.class)
                    .hasMessage(message);
        }
    }

    @Test
    void aZeroDimensionMakesHugeOtherDimensionsHarmless() {
        DecthingsTensor tensor = DecthingsTensor.deserialize(hex("06 03 ff 40 00 00 00 00 00 00 00 00 fe ff ff ff ff"));
        assertThat(tensor.numel()).isZero();
        assertThat(tensor.shape()).containsExactly(1L << 62, 0, 0xFFFF_FFFFL);
    }

    @Test
    void randomBytesFailOnlyWithTheFormatException() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] input = new byte[random.nextInt(24)];
            random.nextBytes(input);
            if (input.length > 0) {
                input[0] = (byte) (1 + random.nextInt(16)); // mostly valid type codes, to get past the first byte
            }
            if (input.length > 1) {
                input[1] = (byte) random.nextInt(4);
            }
            try {
                DecthingsTensor.deserializeMany(input);
                DecthingsTensor.sliceMany(ByteBuffer.wrap(input));
            } catch (DecthingsTensorFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException | Error other) {
                fail("Input " + dev.modelapi.decthings.client.wire.TestBytes.toHex(input) + " escaped as " + other,
                        other);
            }
        }
    }
}
