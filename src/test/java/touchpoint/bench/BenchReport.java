package touchpoint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A flat JSON result under target/bench/, plus a one-line echo on the console. */
final class BenchReport {

    private final Map<String, Object> values = new LinkedHashMap<>();

    static BenchReport of(Map<String, ?> figures) {
        BenchReport report = new BenchReport();
        figures.forEach(report::put);
        return report;
    }

    BenchReport put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    Object get(String key) {
        return values.get(key);
    }

    Path write(String name) {
        Path dir = Path.of("target", "bench");
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, toJson() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[bench] " + file + " " + toJson());
        return file;
    }

    /** Adds these figures to a report an earlier suite wrote (or starts it): one faults.json for every fault suite. */
    Path mergeInto(String name) {
        Path file = Path.of("target", "bench", name);
        String added = toJson();
        String merged = added;
        try {
            if (Files.exists(file)) {
                String existing = Files.readString(file).strip();
                if (existing.endsWith("}") && existing.length() > 2) {
                    merged = existing.substring(0, existing.length() - 1) + ", " + added.substring(1);
                }
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, merged + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[bench] " + file + " " + added);
        return file;
    }

    String toJson() {
        return values.entrySet().stream().map(e -> quote(e.getKey()) + ": " + value(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return quote(v.toString());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Settings come from -Dbench.x=... on the Maven command line, which failsafe hands to the test JVM. */
    static int intSetting(String name, int defaultValue) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(defaultValue)).trim());
    }
}
