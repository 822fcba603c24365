package dev.botfleet.server.cluster;

import org.apache.pekko.serialization.SerializerWithStringManifest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** An event stream message between nodes: owner id, origin node, and the JSON text (length-prefixed: may pass 64 KB). */
public final class StreamEventSerializer extends SerializerWithStringManifest {
    @Override
    public int identifier() {
        return 1_601_017;  // next to BotEntitySerializer's
    }

    @Override
    public String manifest(Object o) {
        if (o instanceof ClusterStreamRelay.StreamEvent) return "M";
        throw new IllegalArgumentException("not a stream event: " + o.getClass());
    }

    @Override
    public byte[] toBinary(Object o) {
        var event = (ClusterStreamRelay.StreamEvent) o;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(event.ownerId().getMostSignificantBits());
            out.writeLong(event.ownerId().getLeastSignificantBits());
            out.writeUTF(event.origin());
            byte[] text = event.text().getBytes(StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        if (!"M".equals(manifest)) throw new NotSerializableException("unknown stream event manifest " + manifest);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            UUID owner = new UUID(in.readLong(), in.readLong());
            String origin = in.readUTF();
            byte[] text = new byte[in.readInt()];
            in.readFully(text);
            return new ClusterStreamRelay.StreamEvent(owner, origin, new String(text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
