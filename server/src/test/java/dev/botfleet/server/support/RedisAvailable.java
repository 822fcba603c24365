package dev.botfleet.server.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Skips Redis tests when nothing answers on 127.0.0.1:6379, except on CI (CI=true), where a missing Redis must fail the
 * build instead of silently testing less.
 */
public class RedisAvailable implements ExecutionCondition {
    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: Redis tests always run");
        }
        return reachable() ? ConditionEvaluationResult.enabled("Redis reachable at 127.0.0.1:6379")
                : ConditionEvaluationResult.disabled("Redis not reachable at 127.0.0.1:6379 (set CI=true to fail instead)");
    }

    private static synchronized boolean reachable() {
        if (reachable == null) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1_000);
                reachable = true;
            } catch (IOException e) {
                reachable = false;
            }
        }
        return reachable;
    }
}
