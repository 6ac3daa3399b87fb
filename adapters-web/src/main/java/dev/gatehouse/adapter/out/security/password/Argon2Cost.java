package dev.gatehouse.adapter.out.security.password;

/**
 * Argon2 cost parameters (RFC 9106 §3.1): memory in KiB ({@code m}), passes ({@code t}) and lanes ({@code p}).
 * The bounds keep a stored hash from asking for absurd work: at most 1 GiB, 10 passes, 16 lanes.
 */
record Argon2Cost(int memoryKiB, int iterations, int parallelism) {

    /** OWASP Password Storage Cheat Sheet: 19 MiB, 2 passes, 1 lane (RFC 9106's second recommendation). */
    static final Argon2Cost OWASP = new Argon2Cost(19_456, 2, 1);

    Argon2Cost {
        if (memoryKiB < 8 * parallelism || memoryKiB > 1 << 20 || iterations < 1 || iterations > 10
                || parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("Argon2 cost out of range");
        }
    }

    /** The PHC parameter segment, {@code m=19456,t=2,p=1}. */
    @Override
    public String toString() {
        return "m=%d,t=%d,p=%d".formatted(memoryKiB, iterations, parallelism);
    }

    /** The work memory libargon2 asks for: {@code m} rounded down to a multiple of 4 × lanes blocks of 1 KiB. */
    long workBytes() {
        int perSlice = memoryKiB / (4 * parallelism);
        return 1024L * perSlice * 4 * parallelism;
    }
}
