package dev.modelapi.mock.sim;

import java.util.SplittableRandom;

/**
 * Ids (UUID v4 format) and random numbers from a seed: the same seed and the same sequence of calls give the same
 * values. Each kind of state uses its own stream (salt) so that adding a call in one area does not shift the ids of
 * another. Thread-safe.
 */
public final class SeededIds {

    private final SplittableRandom random;

    public SeededIds(long seed, String salt) {
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + salt.hashCode());
    }

    public synchronized String uuid() {
        long hi = random.nextLong();
        long lo = random.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L;               // version 4
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new java.util.UUID(hi, lo).toString();
    }

    public synchronized int nextInt(int origin, int bound) {
        return random.nextInt(origin, bound);
    }

    public synchronized long nextLong(long origin, long bound) {
        return random.nextLong(origin, bound);
    }

    public synchronized double nextDouble() {
        return random.nextDouble();
    }

    public synchronized void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    /** A hex string of {@code n} random bytes (e.g. an image digest). */
    public synchronized String hex(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        StringBuilder sb = new StringBuilder(n * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }
}
