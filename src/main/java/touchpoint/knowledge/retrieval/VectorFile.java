package touchpoint.knowledge.retrieval;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Phrasing vectors kept on disk between restarts, one file per embedding model. The header names the model
 * files' checksum and the dimension, so vectors of another model version are never read back. Written whole to a
 * temporary file and moved into place, so a reader sees the old file or the new one, never half of one.
 */
final class VectorFile {

    private static final int MAGIC = 0x54505631; // "TPV1"

    private VectorFile() {
    }

    /** The stored vectors, or an empty map when the file is missing or was written for another model. */
    static Map<String, float[]> read(Path file, long fingerprint, int dimension) throws IOException {
        Map<String, float[]> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readLong() != fingerprint || in.readInt() != dimension) {
                return out;
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                byte[] text = new byte[in.readInt()];
                in.readFully(text);
                float[] v = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    v[d] = in.readFloat();
                }
                out.put(new String(text, StandardCharsets.UTF_8), v);
            }
        } catch (EOFException e) {
            throw new IOException("truncated vector file " + file, e);
        }
        return out;
    }

    static void write(Path file, long fingerprint, int dimension, Map<String, float[]> vectors) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeLong(fingerprint);
                out.writeInt(dimension);
                out.writeInt(vectors.size());
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    byte[] text = e.getKey().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(text.length);
                    out.write(text);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
