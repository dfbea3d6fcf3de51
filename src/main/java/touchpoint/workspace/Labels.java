package touchpoint.workspace;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import touchpoint.chat.ConversationNotFound;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.handoff.Actor;
import touchpoint.infra.InvalidRequest;

/**
 * Labels on a conversation, as {@code LABELS_CHANGED} events in its transcript (staff-only). The current set is a
 * fold over those events; the search reads it from {@link SearchProjection}'s table, which the same fold fills.
 */
@Singleton
class Labels {

    static final int MAX_LABELS = 20;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9 _-]{0,39}");

    private final Transcript transcript;

    Labels(Transcript transcript) {
        this.transcript = transcript;
    }

    /** Adds and removes labels; answers the set after the change. Changing nothing stores nothing. */
    List<String> change(String conversationId, Actor actor, Collection<String> add, Collection<String> remove) {
        List<String> adding = normalized(add, "add");
        List<String> removing = normalized(remove, "remove");
        return transcript.write(conversationId, session -> {
            TreeSet<String> current = new TreeSet<>(current(transcript.events(conversationId)));
            List<String> added = adding.stream().filter(l -> !current.contains(l) && !removing.contains(l)).toList();
            List<String> removed = removing.stream().filter(current::contains).toList();
            current.addAll(added);
            removed.forEach(current::remove);
            if (current.size() > MAX_LABELS) {
                throw new InvalidRequest("add", "a conversation takes at most " + MAX_LABELS + " labels");
            }
            if (!added.isEmpty() || !removed.isEmpty()) {
                session.append(NewEvent.of(new EventData.LabelsChanged(added, removed, List.copyOf(current), actor.agentId()))
                        .text(describe(added, removed)));
            }
            return List.copyOf(current);
        }).map(Transcript.Written::value).orElseThrow(ConversationNotFound::new);
    }

    /** The labels after the last change in {@code events}. */
    static List<String> current(List<TranscriptEvent> events) {
        List<String> labels = List.of();
        for (TranscriptEvent e : events) {
            if (e.is(EventType.LABELS_CHANGED)) {
                labels = e.data(EventData.LabelsChanged.class).map(EventData.LabelsChanged::labels).orElse(labels);
            }
        }
        return labels;
    }

    static String normalize(String label) {
        return label == null ? "" : label.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static List<String> normalized(Collection<String> labels, String field) {
        List<String> out = new ArrayList<>();
        for (String raw : labels == null ? List.<String>of() : labels) {
            String label = normalize(raw);
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidRequest(field, "a label is 1 to 40 letters, digits, spaces, _ or -, starting with a letter or digit");
            }
            if (!out.contains(label)) {
                out.add(label);
            }
        }
        return out;
    }

    private static String describe(List<String> added, List<String> removed) {
        StringBuilder text = new StringBuilder();
        if (!added.isEmpty()) {
            text.append("labelled ").append(String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            text.append(text.isEmpty() ? "" : "; ").append("unlabelled ").append(String.join(", ", removed));
        }
        return text.toString();
    }
}
