package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The waiting order: customers served first go ahead, everyone else keeps the order they asked in. A stable
 * reordering of the oldest-first list, so equals still queue by time.
 */
@Singleton
class PriorityOrder {

    private final CustomerPriority priority;

    PriorityOrder(@Nullable CustomerPriority priority) {
        this.priority = priority;
    }

    List<CaseRow> apply(List<CaseRow> oldestFirst) {
        if (priority == null || oldestFirst.size() < 2) {
            return oldestFirst;
        }
        Set<String> first = priority.servedFirst(oldestFirst.stream().map(CaseRow::conversationId).toList());
        if (first.isEmpty()) {
            return oldestFirst;
        }
        List<CaseRow> ordered = new ArrayList<>(oldestFirst.size());
        oldestFirst.stream().filter(c -> first.contains(c.conversationId())).forEach(ordered::add);
        oldestFirst.stream().filter(c -> !first.contains(c.conversationId())).forEach(ordered::add);
        return ordered;
    }

    java.util.Optional<String> team(String conversationId) {
        return priority == null ? java.util.Optional.empty() : priority.team(conversationId);
    }
}
