package dev.botfleet.server.common;

import org.springframework.beans.factory.ObjectProvider;

import java.util.Optional;

/**
 * A bean looked up on first use (to break a cycle, or because it exists only in some configurations) and then kept.
 * {@link ObjectProvider#getIfAvailable} resolves the dependency anew on every call — a walk over the bean factory's
 * candidates that took a tenth of {@code GET /bots}'s CPU when asked once per bot (docs/fleet-scale.md, "What a
 * request costs").
 *
 * <p>An absent bean is remembered as absent: after the context has started its bean definitions do not change, and a
 * bean still in creation makes the provider throw rather than answer "none".
 */
public final class LazyBean<T> {
    private final ObjectProvider<T> provider;
    /** Null until looked up. */
    private volatile Optional<T> found;

    public LazyBean(ObjectProvider<T> provider) {
        this.provider = provider;
    }

    /** The bean, or null when the context has none. */
    public T getIfAvailable() {
        Optional<T> bean = found;
        if (bean == null) {
            bean = Optional.ofNullable(provider.getIfAvailable());
            found = bean;
        }
        return bean.orElse(null);
    }

    /** The bean; the context must have one. */
    public T getObject() {
        T bean = getIfAvailable();
        if (bean == null) throw new IllegalStateException("no bean of the kind this needs is configured");
        return bean;
    }
}
