package dev.botfleet.exchanges;

/** An open stream; closing it stops reconnecting for good. */
public interface StreamHandle extends AutoCloseable {
    @Override
    void close();

    /** True while the socket is open and subscribed. */
    boolean connected();
}
