package touchpoint.knowledge.retrieval;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * What an index build trains (the softmax head, the fusion weights and temperature, the fallback calibration and
 * the in-scope stand-ins "not ours" examples are calibrated on), kept beside the phrasing vectors so a restart
 * with unchanged knowledge loads it instead of training: training was 43 % of start-up's CPU.
 *
 * <p>The file is keyed by a SHA-256 of everything training reads: the FAQ ids, every title and phrasing with its
 * FAQ, the phrasing vectors themselves (which stand for the model and its version), the target fallback rate and
 * {@link #FORMAT}. Training is deterministic (fixed seed, no reordered float sums), so a stored index decides
 * exactly as a fresh build. A fixed fallback threshold is applied after loading, and "not ours" examples are
 * fitted on top of the loaded index (one cosine pass), so neither is part of the key. A file with another key,
 * of another format or damaged (checked by CRC) is ignored and the index retrained; it is written whole to a
 * temporary file and moved into place.
 */
final class IndexFile {

    private static final int MAGIC = 0x54504931; // "TPI1"
    /**
     * Bump when training would produce something else from the same inputs (grids, iterations, quantiles,
     * checks per FAQ), so indexes trained by an older version are retrained rather than trusted.
     */
    static final int FORMAT = 1;

    private IndexFile() {
    }

    /** The trained part of an index: what {@link IndexBuilder} fits after embedding. */
    record Trained(SoftmaxHead head, Fusion fusion, IndexBuilder.Scope scope, int heldOutChecks) {
    }

    /**
     * The key of an index over {@code texts[i]} (a title when {@code isTitle[i]}) of FAQ {@code labels[i]}, with
     * unit vectors {@code vectors[i]}.
     */
    static byte[] key(List<String> ids, List<String> texts, int[] labels, boolean[] isTitle, float[][] vectors,
                      RetrievalSettings settings) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(FORMAT).putInt(ids.size()).putInt(texts.size())
                .putLong(Double.doubleToLongBits(settings.targetInScopeFallbackRate()));
        sha.update(b.flip());
        for (String id : ids) {
            string(sha, id);
        }
        for (int i = 0; i < texts.size(); i++) {
            b.clear().putInt(labels[i]).put((byte) (isTitle[i] ? 1 : 0)).putInt(vectors[i].length);
            sha.update(b.flip());
            string(sha, texts.get(i));
            ByteBuffer vector = ByteBuffer.allocate(vectors[i].length * Float.BYTES);
            vector.asFloatBuffer().put(vectors[i]);
            sha.update(vector);
        }
        return sha.digest();
    }

    private static void string(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).flip());
        sha.update(bytes);
    }

    /** The stored training for {@code key}, or empty when the file is missing, was written for other inputs or is damaged. */
    static Optional<Trained> read(Path file, byte[] key, int classes, int dim) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] whole = Files.readAllBytes(file);
        if (whole.length < 8) {
            throw new IOException("truncated index file " + file);
        }
        CRC32 crc = new CRC32();
        crc.update(whole, 0, whole.length - 8);
        long stored = ByteBuffer.wrap(whole, whole.length - 8, 8).getLong();
        if (crc.getValue() != stored) {
            throw new IOException("damaged index file " + file + " (checksum)");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(whole, 0, whole.length - 8));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            return Optional.empty();
        }
        byte[] storedKey = new byte[in.readInt()];
        in.readFully(storedKey);
        if (!Arrays.equals(storedKey, key) || in.readInt() != classes || in.readInt() != dim) {
            return Optional.empty();
        }
        float[] weights = floats(in, classes * dim);
        float[] bias = floats(in, classes);
        Fusion fusion = new Fusion(in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat());
        Calibration calibration = new Calibration(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readBoolean());
        int checks = in.readInt();
        int[] check = new int[checks];
        double[] nearest = new double[checks];
        for (int k = 0; k < checks; k++) {
            check[k] = in.readInt();
            nearest[k] = in.readDouble();
        }
        int heldOut = in.readInt();
        return Optional.of(new Trained(SoftmaxHead.of(dim, classes, weights, bias), fusion,
                new IndexBuilder.Scope(calibration, check, nearest), heldOut));
    }

    static void write(Path file, byte[] key, Trained trained) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(key.length);
        out.write(key);
        SoftmaxHead head = trained.head();
        out.writeInt(head.classes());
        out.writeInt(head.dimension());
        for (float w : head.weights()) {
            out.writeFloat(w);
        }
        for (float b : head.bias()) {
            out.writeFloat(b);
        }
        Fusion f = trained.fusion();
        out.writeFloat(f.nearest());
        out.writeFloat(f.density());
        out.writeFloat(f.lexical());
        out.writeFloat(f.temperature());
        Calibration c = trained.scope().calibration();
        for (double d : new double[] {c.nearestWeight(), c.densityWeight(), c.intercept(), c.threshold(),
                c.inScopeMedian(), c.outOfScopeMedian(), c.inScopeFallbackRate(), c.nearMissRecall()}) {
            out.writeDouble(d);
        }
        out.writeBoolean(c.overridden());
        int[] checks = trained.scope().checks();
        double[] nearest = trained.scope().nearest();
        out.writeInt(checks.length);
        for (int k = 0; k < checks.length; k++) {
            out.writeInt(checks[k]);
            out.writeDouble(nearest[k]);
        }
        out.writeInt(trained.heldOutChecks());
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();

        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static float[] floats(DataInputStream in, int n) throws IOException {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = in.readFloat();
        }
        return out;
    }
}
