package dev.botfleet.server.cluster;

import org.apache.pekko.serialization.SerializerWithStringManifest;

import java.io.NotSerializableException;
import java.nio.charset.StandardCharsets;

/** The bot entity's commands between nodes: a one-letter manifest and, for a stop, its reason in UTF-8. */
public final class BotEntitySerializer extends SerializerWithStringManifest {
    @Override
    public int identifier() {
        return 1_601_016;  // any unique id above 40 (Pekko's own); 16 for issue 16
    }

    @Override
    public String manifest(Object o) {
        return switch (o) {
            case BotEntity.Ensure e -> "E";
            case BotEntity.Stop s -> "S";
            case BotEntity.Reconfigure r -> "R";
            default -> throw new IllegalArgumentException("not a bot entity command: " + o.getClass());
        };
    }

    @Override
    public byte[] toBinary(Object o) {
        return o instanceof BotEntity.Stop(String reason)
                ? (reason == null ? "" : reason).getBytes(StandardCharsets.UTF_8) : new byte[0];
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        return switch (manifest) {
            case "E" -> new BotEntity.Ensure();
            case "S" -> new BotEntity.Stop(new String(bytes, StandardCharsets.UTF_8));
            case "R" -> new BotEntity.Reconfigure();
            default -> throw new NotSerializableException("unknown bot entity manifest " + manifest);
        };
    }
}
