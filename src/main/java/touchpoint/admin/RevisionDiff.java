package touchpoint.admin;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two revisions, for people: the fields that differ, and a line diff of the body with
 * unchanged lines kept (the editor folds long unchanged runs).
 */
final class RevisionDiff {

    private RevisionDiff() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FieldChange(String field, @Nullable String before, @Nullable String after) {
    }

    /** {@code op} is {@code =} unchanged, {@code -} removed, {@code +} added. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Line(String op, String text) {
    }

    static List<FieldChange> fields(@Nullable FaqDocument before, FaqDocument after) {
        List<FieldChange> changes = new ArrayList<>();
        if (before == null) {
            return changes;
        }
        add(changes, "title", before.title(), after.title());
        add(changes, "questions", String.join("\n", before.questions()), String.join("\n", after.questions()));
        add(changes, "tags", String.join(", ", before.tags()), String.join(", ", after.tags()));
        add(changes, "team", before.team(), after.team());
        add(changes, "locale", before.locale(), after.locale());
        return changes;
    }

    static List<Line> body(@Nullable FaqDocument before, FaqDocument after) {
        List<String> a = before == null ? List.of() : before.body().lines().toList();
        List<String> b = after.body().lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> out = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; next < delta.getSource().getPosition(); next++) {
                out.add(new Line("=", a.get(next)));
            }
            delta.getSource().getLines().forEach(l -> out.add(new Line("-", l)));
            delta.getTarget().getLines().forEach(l -> out.add(new Line("+", l)));
            next = delta.getSource().getPosition() + delta.getSource().size();
        }
        for (; next < a.size(); next++) {
            out.add(new Line("=", a.get(next)));
        }
        return out;
    }

    private static void add(List<FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }
}
