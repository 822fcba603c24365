package dev.botfleet.server.cluster;

import org.apache.pekko.serialization.SerializerWithStringManifest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;

/** A venue's wait passed between nodes ({@link VenueGateRelay.GateWait}): venue, network, ban or pause, millis, origin. */
public final class GateWaitSerializer extends SerializerWithStringManifest {
    @Override
    public int identifier() {
        return 1_601_018;  // next to StreamEventSerializer's
    }

    @Override
    public String manifest(Object o) {
        if (o instanceof VenueGateRelay.GateWait) return "W";
        throw new IllegalArgumentException("not a venue wait: " + o.getClass());
    }

    @Override
    public byte[] toBinary(Object o) {
        var wait = (VenueGateRelay.GateWait) o;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(wait.venue());
            out.writeUTF(wait.network());
            out.writeBoolean(wait.ban());
            out.writeLong(wait.millis());
            out.writeUTF(wait.origin());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        if (!"W".equals(manifest)) throw new NotSerializableException("unknown venue wait manifest " + manifest);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return new VenueGateRelay.GateWait(in.readUTF(), in.readUTF(), in.readBoolean(), in.readLong(), in.readUTF());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
