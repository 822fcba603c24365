package dev.botfleet.server.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM on a cluster node: leave the cluster first, then let the JVM shut down as it would have.
 *
 * <p>Why: when the JVM shuts down, Pekko's remoting (Artery) closes its connections from its own shutdown hook at
 * once — with coordinated shutdown not run by a JVM hook (Spring drives it), nothing holds that hook back. A leave
 * started by Spring's shutdown hook, running beside it, could then no longer reach the other nodes: they marked the
 * node unreachable and its bots moved only after the failure detector and the split brain resolver (about 12 s),
 * instead of a hand-off of about a second. Handling the signal ourselves closes the Spring context (whose
 * {@link ClusterNode#stop()} leaves the cluster and hands its shards off) before the JVM's own shutdown begins.
 */
final class GracefulTerm {
    private static final Logger log = LoggerFactory.getLogger(GracefulTerm.class);
    private static final int TERM_STATUS = 128 + 15;

    private GracefulTerm() {
    }

    static void install(ConfigurableApplicationContext context) {
        Signal term = new Signal("TERM");
        SignalHandler[] previous = new SignalHandler[1];
        try {
            previous[0] = Signal.handle(term, signal -> Thread.ofPlatform().name("cluster-sigterm").start(() -> {
                log.info("SIGTERM: leaving the cluster before the JVM shuts down");
                try {
                    context.close();
                } catch (RuntimeException e) {
                    log.warn("Closing on SIGTERM failed: {}", e.toString());
                }
                try {
                    previous[0].handle(signal);  // the JVM's own: shutdown hooks, exit status 143
                } catch (RuntimeException e) {
                    System.exit(TERM_STATUS);  // the previous handler was the native default (-Xrs)
                }
            }));
        } catch (IllegalArgumentException e) {
            log.warn("SIGTERM handler not installed ({}): a SIGTERM leaves the cluster through the failure detector",
                    e.getMessage());
        }
    }
}
