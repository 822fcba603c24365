package dev.botfleet.engine.data;

/**
 * A candle file (or text) was refused. The message names the source, the place (a 1-based line for CSV, an element
 * of the outer array for JSON) and the problem, e.g. {@code "ADA_BTC-5m.csv: line 17: high 1.2 is below low 1.3"}.
 */
public final class CandleDataException extends RuntimeException {
    private final String source;
    private final String location;
    private final String problem;

    CandleDataException(String source, String location, String problem) {
        super(source + ": " + (location == null ? "" : location + ": ") + problem);
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    CandleDataException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.location = null;
        this.problem = problem;
    }

    /** The file name (or the name given for in-memory text). */
    public String source() {
        return source;
    }

    /** "line 17", "element 12 (index 11)", or null when the problem is the whole file (e.g. empty). */
    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }
}
