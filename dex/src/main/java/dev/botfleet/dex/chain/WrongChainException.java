package dev.botfleet.dex.chain;

/** The node at a network's URL serves another chain than configured: signing for it could replay elsewhere. */
public class WrongChainException extends RuntimeException {
    public WrongChainException(Network network, long answered) {
        super("the node of " + network.safeDescription() + " answers chain id " + answered);
    }
}
