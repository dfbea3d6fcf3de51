package touchpoint.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What an import did, file by file: one bad file is reported with its line and the rest are imported.
 *
 * @param source {@code upload} or {@code server}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ImportReport(String source, int created, int updated, int unchanged, int failed, List<FileResult> files) {

    /** {@code outcome}: created, updated, unchanged or error; {@code line} is 1-based, 0 when not about a line. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FileResult(String file, @Nullable String id, String outcome, int line, @Nullable String error) {
    }

    static ImportReport of(String source, List<FileResult> files) {
        return new ImportReport(source, count(files, "created"), count(files, "updated"), count(files, "unchanged"),
                count(files, "error"), List.copyOf(files));
    }

    private static int count(List<FileResult> files, String outcome) {
        return (int) files.stream().filter(f -> f.outcome().equals(outcome)).count();
    }
}
