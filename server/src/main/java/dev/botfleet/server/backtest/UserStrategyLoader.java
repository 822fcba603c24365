package dev.botfleet.server.backtest;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyFactory;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a user's own strategy class from jars or class directories (command line only: it runs the user's code in
 * this JVM). The class implements {@link Strategy} and has a public constructor taking
 * {@code (StrategyConfig, Instrument)}, {@code (StrategyConfig)} or nothing. A public static
 * {@code StrategyDefinition definition()} method, if present, validates and defaults the parameters.
 */
public final class UserStrategyLoader {
    private UserStrategyLoader() {
    }

    /** @param classpath jars or directories, separated by the platform's path separator */
    public static StrategySource load(String classpath, String className) {
        List<URL> urls = new ArrayList<>();
        for (String part : classpath.split(java.io.File.pathSeparator)) {
            if (part.isBlank()) continue;
            Path p = Path.of(part);
            if (!Files.exists(p)) throw new IllegalArgumentException("--classpath: " + part + " does not exist");
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("--classpath: " + part + " is not a usable path", e);
            }
        }
        // The parent is our own loader, so the user's class sees the same Strategy API classes we call it through.
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), UserStrategyLoader.class.getClassLoader());
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("--strategy-class: " + className + " was not found on " + classpath
                    + " (" + e + ")");
        }
        if (!Strategy.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("--strategy-class: " + className + " must be a concrete class implementing "
                    + Strategy.class.getName());
        }
        return new StrategySource(className, definitionOf(type), factoryOf(type));
    }

    private static StrategyDefinition definitionOf(Class<?> type) {
        try {
            Method m = type.getMethod("definition");
            if (Modifier.isStatic(m.getModifiers()) && StrategyDefinition.class.isAssignableFrom(m.getReturnType())) {
                return (StrategyDefinition) m.invoke(null);
            }
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("--strategy-class: " + type.getName() + ".definition() failed: " + cause(e));
        }
        return null;
    }

    private static StrategyFactory factoryOf(Class<?> type) {
        Constructor<?> full = constructor(type, StrategyConfig.class, Instrument.class);
        Constructor<?> configOnly = constructor(type, StrategyConfig.class);
        Constructor<?> none = constructor(type);
        if (full == null && configOnly == null && none == null) {
            throw new IllegalArgumentException("--strategy-class: " + type.getName() + " needs a public constructor "
                    + "(StrategyConfig, Instrument), (StrategyConfig) or ()");
        }
        return (config, instrument) -> {
            try {
                Object s = full != null ? full.newInstance(config, instrument)
                        : configOnly != null ? configOnly.newInstance(config) : none.newInstance();
                return (Strategy) s;
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(type.getName() + " could not be created: " + cause(e), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(type.getName() + " could not be created: " + e, e);
            }
        };
    }

    private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
        try {
            Constructor<?> c = type.getConstructor(parameters);
            return Modifier.isPublic(c.getModifiers()) ? c : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String cause(ReflectiveOperationException e) {
        Throwable t = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        return String.valueOf(t);
    }
}
