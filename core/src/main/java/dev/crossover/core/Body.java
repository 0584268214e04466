package dev.crossover.core;

/**
 * The bytes a task's real I/O moves: the delay server's response body and the {@code file}
 * workload's contents, derived from the task's token, and the checksum a task folds into its
 * result over the bytes it really received or read back.
 *
 * <p>Byte {@code i} of a token's body is byte {@code i % 8} (little-endian) of
 * {@code mix64(token + (i / 8) * GOLDEN)}: any side computes any part of it without the rest.
 * The checksum is FNV-1a (64 bits) over the bytes in order, so a byte lost, changed, added or
 * moved changes it.
 *
 * <h2>Threading</h2>
 * The static methods are pure; a {@link Sum} belongs to one thread at a time.
 */
public final class Body {
    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private Body() {
    }

    /** {@return byte {@code i} of the body of {@code token}} */
    public static byte at(long token, long i) {
        return (byte) (Mix.mix64(token + (i >>> 3) * Mix.GOLDEN) >>> ((i & 7) << 3));
    }

    /** Writes bytes {@code from} to {@code from + length - 1} of the body of {@code token} into {@code dst} at {@code offset}. */
    public static void fill(long token, long from, byte[] dst, int offset, int length) {
        for (int k = 0; k < length; k++) {
            dst[offset + k] = at(token, from + k);
        }
    }

    /** {@return the first {@code length} bytes of the body of {@code token}} */
    public static byte[] of(long token, int length) {
        Checks.notNegative("bytes", length);
        byte[] body = new byte[length];
        fill(token, 0, body, 0, length);
        return body;
    }

    /** {@return the checksum of the first {@code length} bytes of the body of {@code token}}: what an intact transfer sums to */
    public static long expectedChecksum(long token, long length) {
        Checks.notNegative("bytes", length);
        Sum sum = new Sum();
        for (long i = 0; i < length; i++) {
            sum.add(at(token, i));
        }
        return sum.value();
    }

    /** A running checksum over bytes as they arrive; {@link #value()} after the last. */
    public static final class Sum {
        private long hash = FNV_OFFSET;
        private long count;

        /** Adds one byte. */
        public void add(byte b) {
            hash = (hash ^ (b & 0xFF)) * FNV_PRIME;
            count++;
        }

        /** Adds {@code length} bytes of {@code src} from {@code offset}. */
        public void add(byte[] src, int offset, int length) {
            for (int k = 0; k < length; k++) {
                add(src[offset + k]);
            }
        }

        /** Adds the bytes left in {@code src}, consuming them. */
        public void add(java.nio.ByteBuffer src) {
            while (src.hasRemaining()) {
                add(src.get());
            }
        }

        /** {@return the bytes summed so far} */
        public long count() {
            return count;
        }

        /** {@return the checksum of the bytes summed so far} */
        public long value() {
            return hash;
        }
    }
}
