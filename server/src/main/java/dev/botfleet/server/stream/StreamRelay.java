package dev.botfleet.server.stream;

import java.util.UUID;

/**
 * Carries a user's event messages between the nodes of a cluster (docs/cluster.md, "Event stream"): a bot runs on one
 * node, its owner's clients may be connected to any other. Present only when the server is a cluster node; without it
 * the stream is this process's alone. Ticks never go through it (each node feeds its own clients).
 */
public interface StreamRelay {
    /** Hands a rendered message for {@code ownerId} to that owner's clients on the other nodes (never back to this one). */
    void publish(UUID ownerId, String message);

    /**
     * True if some node — this or another — has a client of {@code ownerId} connected, as far as this node knows (news
     * of a client on another node arrives within about a second). Lets the runtime skip building unread messages.
     */
    boolean watchedAnywhere(UUID ownerId);

    /**
     * The clients of {@code ownerId} on this node changed (the first connected or the last left): the relay asks
     * {@link EventStream#watchingHere} and starts or stops receiving that owner's messages from other nodes.
     */
    void clientsChanged(UUID ownerId);
}
