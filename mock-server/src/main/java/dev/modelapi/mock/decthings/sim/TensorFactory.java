package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.client.tensor.DecthingsElementType;
import dev.modelapi.decthings.client.tensor.DecthingsMedia;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import dev.modelapi.decthings.server.model.DecthingsTensorRules;
import dev.modelapi.mock.sim.SeededIds;

import java.util.ArrayList;
import java.util.List;

/**
 * Real serialized DecthingsTensors shaped by a parameter's rules, with seeded values: the first allowed element type
 * (f32 if none), the rule's shape with each open dimension ({@code -1}) set to 1.
 */
final class TensorFactory {

    /** The smallest valid PNG (1×1, transparent), for image outputs. */
    private static final byte[] PNG_1X1 = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private TensorFactory() {
    }

    /** {@code count} tensors for a parameter with these rules. */
    static List<byte[]> tensors(DecthingsTensorRules rules, int count, SeededIds ids) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(tensor(rules, ids).serialize());
        }
        return out;
    }

    static DecthingsTensor tensor(DecthingsTensorRules rules, SeededIds ids) {
        DecthingsElementType type = rules == null || rules.getAllowedTypes() == null
                || rules.getAllowedTypes().isEmpty()
                ? DecthingsElementType.F32
                : DecthingsElementType.fromJsonName(rules.getAllowedTypes().get(0).toString());
        List<Long> dims = rules == null || rules.getShape() == null ? List.of() : rules.getShape();
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i) < 0 ? 1 : dims.get(i);
        }
        int numel = shrink(shape);
        return switch (type) {
            case F32 -> {
                float[] v = new float[numel];
                for (int i = 0; i < numel; i++) {
                    v[i] = (float) ids.nextDouble();
                }
                yield DecthingsTensor.f32(v, shape);
            }
            case F64 -> {
                double[] v = new double[numel];
                for (int i = 0; i < numel; i++) {
                    v[i] = ids.nextDouble();
                }
                yield DecthingsTensor.f64(v, shape);
            }
            case I8 -> DecthingsTensor.i8(bytes(numel, ids), shape);
            case I16 -> DecthingsTensor.i16(shorts(numel, 0, 1000, ids), shape);
            case I32 -> DecthingsTensor.i32(ints(numel, 0, 1000, ids), shape);
            case I64 -> DecthingsTensor.i64(longs(numel, 0, 1000, ids), shape);
            case U8 -> DecthingsTensor.u8(shorts(numel, 0, 256, ids), shape);
            case U16 -> DecthingsTensor.u16(ints(numel, 0, 65_536, ids), shape);
            case U32 -> DecthingsTensor.u32(longs(numel, 0, 1L << 32, ids), shape);
            case U64 -> DecthingsTensor.u64(longs(numel, 0, Long.MAX_VALUE, ids), shape);
            case STRING -> {
                String[] v = new String[numel];
                for (int i = 0; i < numel; i++) {
                    v[i] = "label-" + ids.nextInt(0, 10);
                }
                yield DecthingsTensor.string(v, shape);
            }
            case BINARY -> {
                byte[][] v = new byte[numel][];
                for (int i = 0; i < numel; i++) {
                    v[i] = bytes(8, ids);
                }
                yield DecthingsTensor.binary(v, shape);
            }
            case BOOLEAN -> {
                boolean[] v = new boolean[numel];
                for (int i = 0; i < numel; i++) {
                    v[i] = ids.nextInt(0, 2) == 1;
                }
                yield DecthingsTensor.bool(v, shape);
            }
            case IMAGE -> DecthingsTensor.image(media("png", PNG_1X1, numel), shape);
            case AUDIO -> DecthingsTensor.audio(media("wav", bytes(44, ids), numel), shape);
            case VIDEO -> DecthingsTensor.video(media("mp4", bytes(32, ids), numel), shape);
        };
    }

    /** Keeps outputs small: while the shape holds more than {@value #MAX_ELEMENTS} elements, its largest dimension
     * becomes 1. Returns the number of elements. */
    private static int shrink(long[] shape) {
        while (true) {
            long numel = 1;
            int largest = -1;
            for (int i = 0; i < shape.length; i++) {
                numel = Math.min(numel * Math.max(shape[i], 1), Long.MAX_VALUE / 1_000_000);
                if (largest < 0 || shape[i] > shape[largest]) {
                    largest = i;
                }
            }
            if (numel <= MAX_ELEMENTS) {
                return (int) numel;
            }
            shape[largest] = 1;
        }
    }

    private static final int MAX_ELEMENTS = 65_536;

    private static DecthingsMedia[] media(String format, byte[] bytes, int n) {
        DecthingsMedia[] out = new DecthingsMedia[n];
        for (int i = 0; i < n; i++) {
            out[i] = new DecthingsMedia(format, bytes);
        }
        return out;
    }

    private static byte[] bytes(int n, SeededIds ids) {
        byte[] b = new byte[n];
        ids.nextBytes(b);
        return b;
    }

    private static short[] shorts(int n, int from, int to, SeededIds ids) {
        short[] v = new short[n];
        for (int i = 0; i < n; i++) {
            v[i] = (short) ids.nextInt(from, to);
        }
        return v;
    }

    private static int[] ints(int n, int from, int to, SeededIds ids) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = ids.nextInt(from, to);
        }
        return v;
    }

    private static long[] longs(int n, long from, long to, SeededIds ids) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = ids.nextLong(from, to);
        }
        return v;
    }
}
