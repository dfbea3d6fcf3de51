package touchpoint.admin;

import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.TooLarge;

/**
 * Where faq-content files come from and go to: the server's content directory, an uploaded zip, an exported
 * zip. Nothing is written to disk; zip entry names are only used as labels, so hostile names are harmless.
 */
@Singleton
class ContentSource {

    private final AdminConfig config;

    ContentSource(AdminConfig config) {
        this.config = config;
    }

    /** Every {@code *.md} file under the content directory, sorted; a missing directory is empty. */
    List<FaqImport.SourceFile> serverFiles() {
        Path dir = Path.of(config.contentDir());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<FaqImport.SourceFile> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f)).sorted().toList()) {
                out.add(new FaqImport.SourceFile(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the faq-content directory", e);
        }
        return out;
    }

    /**
     * The {@code *.md} entries of an uploaded zip. Limits on entries and total inflated size stop zip bombs;
     * a file that is not UTF-8 becomes a per-file error instead of failing the import.
     */
    List<FaqImport.SourceFile> zipFiles(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw new InvalidRequest(null, "Upload a zip of faq-content files, or use ?source=server");
        }
        List<FaqImport.SourceFile> out = new ArrayList<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > config.maxImportFiles()) {
                    throw new InvalidRequest(null, "The zip has more than " + config.maxImportFiles() + " entries");
                }
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".md") || name.startsWith("__MACOSX/") || baseName(name).startsWith(".")) {
                    continue;
                }
                byte[] bytes = readLimited(in, config.maxImportBytes() - total);
                total += bytes.length;
                out.add(new FaqImport.SourceFile(name, utf8(bytes)));
            }
        } catch (ZipException e) {
            throw new InvalidRequest(null, "The upload is not a readable zip file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries == 0) {
            throw new InvalidRequest(null, "The upload is not a zip file, or it is empty");
        }
        return out;
    }

    /** A zip of {@code <id>.md} files in the faq-content format. */
    byte[] exportZip(List<FaqDocument> faqs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (FaqDocument faq : faqs) {
                zip.putNextEntry(new ZipEntry(faq.id() + ".md"));
                zip.write(FaqFiles.write(faq).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] readLimited(InputStream in, long remaining) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > remaining) {
                throw new TooLarge("The zip inflates to more than the import limit");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Null when the bytes are not UTF-8: the import reports that file instead of importing mojibake. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String baseName(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
