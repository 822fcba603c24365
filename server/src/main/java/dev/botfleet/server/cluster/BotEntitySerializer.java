package dev.botfleet.server.cluster;

import dev.botfleet.engine.strategy.ExternalSignal;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The bot entity's messages between nodes: a one-letter manifest and a body of UTF strings ({@link DataOutputStream}):
 * a stop's reason; a query's reply-to actor path first, then its fields; a reply's value. Nullable fields are written
 * as a presence flag and the value.
 */
public final class BotEntitySerializer extends SerializerWithStringManifest {
    private final ExtendedActorSystem system;
    private volatile ActorRefResolver resolver;

    public BotEntitySerializer(ExtendedActorSystem system) {
        this.system = system;
    }

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
            case BotEntity.Cancel c -> "C";
            case BotEntity.Signal s -> "G";
            case BotEntity.Running r -> "U";
            case BotEntity.Warmup w -> "W";
            case BotEntity.AwaitStopped a -> "A";
            case BotEntity.Reply r -> "Y";
            default -> throw new IllegalArgumentException("not a bot entity message: " + o.getClass());
        };
    }

    @Override
    public byte[] toBinary(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (o instanceof BotEntity.Query q) out.writeUTF(resolver().toSerializationFormat(q.replyTo()));
            switch (o) {
                case BotEntity.Stop(String reason) -> out.writeUTF(reason == null ? "" : reason);
                case BotEntity.Cancel c -> out.writeUTF(c.clientOrderId());
                case BotEntity.Signal s -> {
                    ExternalSignal signal = s.signal();
                    out.writeUTF(signal.action().name());
                    writeNullable(out, signal.price() == null ? null : signal.price().toPlainString());
                    writeNullable(out, signal.size() == null ? null : signal.size().toPlainString());
                    writeNullable(out, signal.id());
                    out.writeUTF(signal.at().toString());
                }
                case BotEntity.Reply(String value) -> out.writeUTF(value);
                default -> {
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return switch (manifest) {
                case "E" -> new BotEntity.Ensure();
                case "S" -> new BotEntity.Stop(in.readUTF());
                case "R" -> new BotEntity.Reconfigure();
                case "C" -> {
                    ActorRef<BotEntity.Reply> replyTo = replyTo(in);
                    yield new BotEntity.Cancel(in.readUTF(), replyTo);
                }
                case "G" -> {
                    ActorRef<BotEntity.Reply> replyTo = replyTo(in);
                    var action = ExternalSignal.Action.valueOf(in.readUTF());
                    String price = readNullable(in);
                    String size = readNullable(in);
                    String id = readNullable(in);
                    Instant at = Instant.parse(in.readUTF());
                    yield new BotEntity.Signal(new ExternalSignal(action, price == null ? null : new BigDecimal(price),
                            size == null ? null : new BigDecimal(size), id, at), replyTo);
                }
                case "U" -> new BotEntity.Running(replyTo(in));
                case "W" -> new BotEntity.Warmup(replyTo(in));
                case "A" -> new BotEntity.AwaitStopped(replyTo(in));
                case "Y" -> new BotEntity.Reply(in.readUTF());
                default -> throw new NotSerializableException("unknown bot entity manifest " + manifest);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ActorRef<BotEntity.Reply> replyTo(DataInputStream in) throws IOException {
        return resolver().resolveActorRef(in.readUTF());
    }

    /** Made on first use: the typed view of the system is not ready while Pekko builds its serializers. */
    private ActorRefResolver resolver() {
        ActorRefResolver r = resolver;
        if (r == null) resolver = r = ActorRefResolver.get(Adapter.toTyped(system));
        return r;
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) out.writeUTF(value);
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
