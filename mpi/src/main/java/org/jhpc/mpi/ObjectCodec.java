package org.jhpc.mpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * Java serialization for object messages (the role pickle plays in mpi4py's lowercase methods). The bytes are sent
 * as {@link Datatype#BYTE}; the receiver learns their length by probing.
 */
final class ObjectCodec {
    private ObjectCodec() {}

    static byte[] encode(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + (o == null ? "null" : o.getClass().getName())
                    + " for an MPI object message", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <T> T decode(byte[] b, int offset, int length) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b, offset, length))) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt MPI object message of " + length + " bytes", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("received an object of a class this rank does not have: "
                    + e.getMessage(), e);
        }
    }
}
