package dev.botfleet.dex.chain;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where dex/chain (ganache, the Uniswap npm packages, our compiled test contracts) lives on this machine. */
public final class ChainFolder {
    private ChainFolder() {}

    /** The system property {@code botfleet.dex.chain}, else the nearest {@code dex/chain} above the working directory. */
    public static Path path() {
        String configured = System.getProperty("botfleet.dex.chain");
        if (configured != null && !configured.isBlank()) return Path.of(configured).toAbsolutePath();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("dex/chain");
            if (Files.isRegularFile(candidate.resolve("package.json"))) return candidate;
            if (dir.endsWith("dex") && Files.isRegularFile(dir.resolve("chain/package.json"))) return dir.resolve("chain");
        }
        throw new IllegalStateException("dex/chain not found above " + Path.of("").toAbsolutePath()
                + "; set -Dbotfleet.dex.chain=/path/to/dex/chain");
    }
}
