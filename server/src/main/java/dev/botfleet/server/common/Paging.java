package dev.botfleet.server.common;

/** Validated {@code page} (0-based) and {@code size} (1..100) of a list request. */
public record Paging(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        Violations v = new Violations();
        if (p < 0) v.add("page", "must be >= 0", page);
        if (p > 1_000_000) v.add("page", "must be <= 1000000", page);
        if (s < 1 || s > MAX_SIZE) v.add("size", "must be between 1 and " + MAX_SIZE, size);
        v.throwIfAny();
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
