package touchpoint.workspace;

import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;

/**
 * Which files the workspace takes, decided from their bytes alone (Tika's magic-number detection): a file's name
 * and the type its sender claims are both the sender's word, so an executable called photo.png is still an
 * executable. Only images a browser shows as images and PDF are taken; SVG and HTML never are, since a browser
 * runs the scripts they carry.
 */
final class FileTypes {

    /** Accepted types and the file extension each is served with. */
    static final Map<String, String> ACCEPTED = Map.of(
            "image/png", "png",
            "image/jpeg", "jpg",
            "image/gif", "gif",
            "image/webp", "webp",
            "application/pdf", "pdf");

    private static final Tika TIKA = new Tika();

    private FileTypes() {
    }

    /** The accepted type {@code bytes} are, or empty when they are anything else. */
    static Optional<String> accepted(byte[] bytes) {
        String detected = TIKA.detect(bytes);
        return ACCEPTED.containsKey(detected) ? Optional.of(detected) : Optional.empty();
    }

    /** What the content was detected as, for the refusal's message. */
    static String detect(byte[] bytes) {
        return TIKA.detect(bytes);
    }

    /**
     * A file name safe in a header and on any disk: the sender's name reduced to letters, digits, '-', '_' and
     * '.', at most 80 characters, always ending in the extension of the detected type.
     */
    static String safeName(String original, String contentType) {
        String ext = ACCEPTED.getOrDefault(contentType, "bin");
        String base = original == null ? "" : original.replaceAll(".*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        if (dot >= 0) {
            base = base.substring(0, dot);
        }
        base = base.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "attachment";
        }
        if (base.length() > 80) {
            base = base.substring(0, 80);
        }
        return base + "." + ext;
    }
}
