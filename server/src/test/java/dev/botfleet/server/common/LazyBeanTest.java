package dev.botfleet.server.common;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link LazyBean}: the provider is asked once, whether the bean exists or not. */
class LazyBeanTest {
    private final AtomicInteger lookups = new AtomicInteger();

    @Test
    void aBeanIsLookedUpOnceAndKept() {
        DefaultListableBeanFactory context = new DefaultListableBeanFactory();
        context.registerSingleton("greeting", "hello");
        LazyBean<String> bean = new LazyBean<>(counted(context.getBeanProvider(String.class)));

        assertThat(bean.getIfAvailable()).isEqualTo("hello");
        assertThat(bean.getObject()).isEqualTo("hello");
        assertThat(bean.getIfAvailable()).isEqualTo("hello");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void anAbsentBeanIsRememberedAsAbsent() {
        LazyBean<String> bean = new LazyBean<>(counted(new DefaultListableBeanFactory().getBeanProvider(String.class)));

        assertThat(bean.getIfAvailable()).isNull();
        assertThat(bean.getIfAvailable()).isNull();
        assertThatThrownBy(bean::getObject).isInstanceOf(IllegalStateException.class);
        assertThat(lookups).hasValue(1);
    }

    /** The provider, counting the lookups made through it. */
    private <T> ObjectProvider<T> counted(ObjectProvider<T> provider) {
        return new ObjectProvider<>() {
            @Override
            public T getObject(Object... args) {
                lookups.incrementAndGet();
                return provider.getObject(args);
            }

            @Override
            public T getIfAvailable() {
                lookups.incrementAndGet();
                return provider.getIfAvailable();
            }

            @Override
            public T getIfUnique() {
                lookups.incrementAndGet();
                return provider.getIfUnique();
            }

            @Override
            public T getObject() {
                lookups.incrementAndGet();
                return provider.getObject();
            }
        };
    }
}
