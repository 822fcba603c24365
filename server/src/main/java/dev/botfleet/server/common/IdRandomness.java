package dev.botfleet.server.common;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The random bits of the {@link Ids} the fleet makes on every fill, from several independent DRBGs (NIST SP 800-90A,
 * the JDK's {@code DRBG} SecureRandom), each seeded once from the system's entropy and read in blocks.
 *
 * <p>Why not {@link java.util.UUID#randomUUID}: on Linux it reads the JDK's default {@code NativePRNG}, whose every
 * instance shares one SHA1PRNG mixer behind one monitor and reads {@code /dev/urandom} for each id. A fleet burst of
 * a thousand fills asks for about five ids each within a few ticks: a thread dump of a 10,000-bot fleet in such a
 * burst showed 68 of the bots' turns queued on that monitor, and the bots whose ticks waited behind them made their
 * decisions late (docs/fleet-scale/2026-12-07-part3.md, "Where a trading fleet's late ticks come from").
 *
 * <p>Here a caller takes a stripe by its thread id, so two threads rarely share one, and a stripe's lock is held for
 * copying 16 bytes (and, once per 64 ids, for generating the next block): no system call, no shared state between
 * stripes. The bits stay those of a cryptographic generator (RFC 9562 asks for that in version 7's random part), so an
 * id made now tells nothing about the next one.
 */
final class IdRandomness {
    /** Ids per block a stripe generates at once. */
    private static final int IDS_PER_BLOCK = 64;

    private final Stripe[] stripes;

    IdRandomness(int stripeCount) {
        if (Integer.bitCount(stripeCount) != 1) throw new IllegalArgumentException("stripes must be a power of two");
        stripes = new Stripe[stripeCount];
        for (int i = 0; i < stripeCount; i++) stripes[i] = new Stripe(drbg());
    }

    /** Enough stripes that the threads running at once seldom meet on one: 8 per processor, a power of two. */
    static IdRandomness forThisMachine() {
        return new IdRandomness(Integer.highestOneBit(Math.max(8, 8 * Runtime.getRuntime().availableProcessors())));
    }

    /** Fills {@code into[0]} and {@code into[1]} with 128 fresh random bits. */
    void next(long[] into) {
        stripes[(int) mix(Thread.currentThread().threadId()) & (stripes.length - 1)].next(into);
    }

    int stripeCount() { return stripes.length; }

    /** Thread ids come in runs (virtual threads are numbered as created): spread them over the stripes. */
    private static long mix(long x) {
        x *= 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 32);
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's DRBG SecureRandom is missing", e);
        }
    }

    private static final class Stripe {
        private final SecureRandom random;
        private final ByteBuffer block = ByteBuffer.allocate(IDS_PER_BLOCK * 16);

        Stripe(SecureRandom random) {
            this.random = random;
            block.position(block.limit());  // empty: the first id generates the first block
        }

        synchronized void next(long[] into) {
            if (!block.hasRemaining()) {
                random.nextBytes(block.array());
                block.clear();
            }
            into[0] = block.getLong();
            into[1] = block.getLong();
        }
    }
}
