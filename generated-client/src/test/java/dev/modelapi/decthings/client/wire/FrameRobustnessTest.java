package dev.modelapi.decthings.client.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style checks over seeded random frames: every strict prefix of a request is refused with the framing
 * exception, prefixes of a response either fail the same way or decode to a prefix of its blobs, and random or
 * corrupted bodies never escape as anything but the framing exception (no IndexOutOfBounds, no OOM).
 */
class FrameRobustnessTest {

    private static final int FRAMES = 60;

    static Stream<Arguments> seeds() {
        return IntStream.range(0, FRAMES).mapToObj(i -> Arguments.of(1000L + i));
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** JSON length and blob sizes straddle the 1-, 3- and 5-byte varint forms. */
    private static int randomSize(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> 252 + random.nextInt(3);
            case 2 -> 65_535 + random.nextInt(3);
            default -> random.nextInt(40);
        };
    }

    private static List<byte[]> randomBlobs(Random random, int max) {
        List<byte[]> blobs = new ArrayList<>();
        int count = random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            blobs.add(randomBytes(random, randomSize(random)));
        }
        return blobs;
    }

    private static byte[] randomJson(Random random) {
        return ("{\"k\":\"" + "v".repeat(randomSize(random)) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Cut points: all of the header region and a sample of the rest, always including length-1. */
    private static int[] cutPoints(Random random, int length) {
        return IntStream.concat(
                        IntStream.range(0, Math.min(length, 24)),
                        IntStream.concat(random.ints(40, 0, length), IntStream.of(length - 1)))
                .filter(i -> i >= 0 && i < length)
                .distinct()
                .toArray();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyStrictPrefixOfARequestIsRefused(long seed) {
        Random random = new Random(seed);
        RequestFrame frame = RequestFrame.of(randomJson(random), randomBlobs(random, 6));
        byte[] body = frame.encode();
        assertThat(RequestFrame.decode(body)).isEqualTo(frame);

        for (int cut : cutPoints(random, body.length)) {
            byte[] prefix = Arrays.copyOf(body, cut);
            assertThatThrownBy(() -> RequestFrame.decode(prefix))
                    .as("prefix of %d/%d bytes", cut, body.length)
                    .isInstanceOf(DecthingsFramingException.class);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void prefixesOfAResponseFailOrKeepAPrefixOfTheBlobs(long seed) {
        Random random = new Random(seed);
        ResponseFrame frame = ResponseFrame.of(randomJson(random), randomBlobs(random, 6));
        byte[] body = frame.encode();
        assertThat(ResponseFrame.decode(body)).isEqualTo(frame);

        for (int cut : cutPoints(random, body.length)) {
            byte[] prefix = Arrays.copyOf(body, cut);
            ResponseFrame decoded;
            try {
                decoded = ResponseFrame.decode(prefix);
            } catch (DecthingsFramingException expected) {
                continue;
            }
            // Cut exactly on a blob boundary: a valid, shorter response.
            assertThat(decoded.json()).isEqualTo(frame.json());
            assertThat(decoded.blobCount()).isLessThan(frame.blobCount());
            assertThat(decoded.blobs()).isEqualTo(frame.blobs().subList(0, decoded.blobCount()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void corruptedBodiesFailOnlyWithTheFramingException(long seed) {
        Random random = new Random(seed);
        byte[] request = RequestFrame.of(randomJson(random), randomBlobs(random, 4)).encode();
        byte[] response = ResponseFrame.of(randomJson(random), randomBlobs(random, 4)).encode();

        for (int i = 0; i < 50; i++) {
            decodeBoth(mutate(random, request));
            decodeBoth(mutate(random, response));
            decodeBoth(randomBytes(random, random.nextInt(32)));
        }
    }

    /** Flips bytes, favouring the header and the varint prefixes that announce huge lengths. */
    private static byte[] mutate(Random random, byte[] body) {
        byte[] copy = body.clone();
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips && copy.length > 0; f++) {
            int at = random.nextBoolean() ? random.nextInt(Math.min(copy.length, 12)) : random.nextInt(copy.length);
            copy[at] = switch (random.nextInt(4)) {
                case 0 -> (byte) 0xff;
                case 1 -> (byte) 0xfe;
                case 2 -> (byte) 0xfd;
                default -> (byte) random.nextInt(256);
            };
        }
        return copy;
    }

    private static void decodeBoth(byte[] body) {
        for (Runnable decode : List.<Runnable>of(() -> RequestFrame.decode(body), () -> ResponseFrame.decode(body))) {
            try {
                decode.run();
            } catch (DecthingsFramingException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException | Error other) {
                fail("Body " + TestBytes.toHex(body) + " escaped as " + other, other);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedLengths")
    void forgedHugeLengthsAreRefusedWithoutAllocating(String name, byte[] body) {
        assertThatThrownBy(() -> RequestFrame.decode(body)).isInstanceOf(DecthingsFramingException.class);
        assertThatThrownBy(() -> ResponseFrame.decode(body)).isInstanceOf(DecthingsFramingException.class);
    }

    static Stream<Arguments> forgedLengths() {
        return Stream.of(
                Arguments.of("2^62", TestBytes.hex("ff 40 00 00 00 00 00 00 00 7b 7d")),
                Arguments.of("2^63", TestBytes.hex("ff 80 00 00 00 00 00 00 00 7b 7d")),
                Arguments.of("2^64-1", TestBytes.hex("ff ff ff ff ff ff ff ff ff 7b 7d")),
                Arguments.of("int max", TestBytes.hex("fe 7f ff ff ff 7b 7d")),
                Arguments.of("int max + 1", TestBytes.hex("fe 80 00 00 00 7b 7d")),
                Arguments.of("blob of 2^62 after a JSON length", TestBytes.hex("ff 02 ff 40 00 00 00 00 00 00 00 7b 7d")));
    }
}
