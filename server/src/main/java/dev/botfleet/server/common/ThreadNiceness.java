package dev.botfleet.server.common;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Lowers the operating system's CPU priority of the calling thread (its Linux "nice" value), for background work that
 * must take only the CPU that latency-sensitive work leaves: the group commit's writers (docs/fleet-scale.md,
 * "Writers at a lower CPU priority"). On two cores shared by the bots' turns, the API and saturated writers, the
 * writers at normal priority took the CPU the ticks and requests needed, the requests piled up (thousands of open
 * connections, a heap full of their buffers) and the node spiralled into full collections; at a lower priority the
 * writers still get every idle cycle, so they commit as much or more.
 *
 * <p>Java's own {@link Thread#setPriority} does nothing on Linux, so this calls libc's {@code setpriority} for the
 * thread's id through the foreign function API. Raising a thread's nice value needs no privilege; lowering it back
 * would, so it is done once, on a thread that keeps it for life. Elsewhere than Linux it does nothing.
 */
public final class ThreadNiceness {
    /** {@code PRIO_PROCESS}: on Linux, with a thread id as {@code who}, that one thread. */
    private static final int PRIO_PROCESS = 0;
    private static final Optional<Calls> CALLS = Calls.find();

    private ThreadNiceness() {
    }

    /**
     * Sets the calling thread's nice value to {@code niceness} (0 normal … 19 lowest).
     *
     * @return whether the thread now runs at it (false: not Linux, libc without {@code gettid}, or refused)
     */
    public static boolean setForCurrentThread(int niceness) {
        check("niceness", niceness);
        if (CALLS.isEmpty()) return false;
        try {
            Calls calls = CALLS.get();
            int tid = (int) calls.gettid().invokeExact();
            return (int) calls.setpriority().invokeExact(PRIO_PROCESS, tid, niceness) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    /** Refuses a value outside 0..19 naming {@code property}: only lowering is possible without privilege. */
    public static void check(String property, int niceness) {
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException(property + " must be between 0 (normal priority) and 19 (lowest), was "
                    + niceness);
        }
    }

    private record Calls(MethodHandle gettid, MethodHandle setpriority) {
        static Optional<Calls> find() {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                return Optional.empty();
            }
            try {
                Linker linker = Linker.nativeLinker();
                var libc = linker.defaultLookup();
                var gettid = libc.find("gettid");
                var setpriority = libc.find("setpriority");
                if (gettid.isEmpty() || setpriority.isEmpty()) return Optional.empty();
                return Optional.of(new Calls(
                        linker.downcallHandle(gettid.get(), FunctionDescriptor.of(JAVA_INT)),
                        linker.downcallHandle(setpriority.get(),
                                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT))));
            } catch (RuntimeException | LinkageError e) {  // native access denied, or no such linker here
                return Optional.empty();
            }
        }
    }
}
