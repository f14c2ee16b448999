package dev.modelapi.bench;

import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DecthingsTensor serialize/deserialize: f32 tensors of 1M elements (4 MB of data) and string tensors of 100k
 * elements. Average time per op; {@link Report} converts to GB/s (payload bytes / time).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class TensorCodecBench {

    public static final int F32_ELEMENTS = 1_000_000;
    public static final int STRING_ELEMENTS = 100_000;

    DecthingsTensor f32;
    byte[] f32Bytes;
    DecthingsTensor strings;
    byte[] stringBytes;

    @Setup
    public void setup() {
        Random random = new Random(42);
        float[] data = new float[F32_ELEMENTS];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        f32 = DecthingsTensor.f32(data, 1000, 1000);
        f32Bytes = f32.serialize();
        String[] words = new String[STRING_ELEMENTS];
        for (int i = 0; i < words.length; i++) {
            words[i] = "token-" + i + (i % 7 == 0 ? "-é" : "");   // ~12 bytes, some non-ASCII
        }
        strings = DecthingsTensor.string(words, STRING_ELEMENTS);
        stringBytes = strings.serialize();
    }

    @Benchmark
    public byte[] f32Encode() {
        return f32.serialize();
    }

    @Benchmark
    public DecthingsTensor f32Decode() {
        return DecthingsTensor.deserialize(f32Bytes);
    }

    /** Encode then decode (what the "encode + decode ≥ 1 GB/s" is measured on). */
    @Benchmark
    public float[] f32RoundTrip() {
        return DecthingsTensor.deserialize(f32.serialize()).asFloatArray();
    }

    @Benchmark
    public byte[] stringEncode() {
        return strings.serialize();
    }

    @Benchmark
    public DecthingsTensor stringDecode() {
        return DecthingsTensor.deserialize(stringBytes);
    }

    @Benchmark
    public String[] stringRoundTrip() {
        return DecthingsTensor.deserialize(strings.serialize()).asStringArray();
    }
}
