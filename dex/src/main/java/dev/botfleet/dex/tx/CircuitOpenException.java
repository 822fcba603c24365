package dev.botfleet.dex.tx;

/** The RPC node failed too often lately; calls are refused without being sent until the circuit closes again. */
public class CircuitOpenException extends RuntimeException {
    public CircuitOpenException(String message) {
        super(message);
    }
}
