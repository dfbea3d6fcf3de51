package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import touchpoint.chat.EventData;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;

/**
 * The journey across contacts, for the dashboard: whether customers come back (within 7 days, and about the same
 * FAQ), where they go after the bot fell back or they gave a low score, and how scores depend on the touchpoints
 * they came through. Computed from the transcripts of conversations that belong to a contact (identified
 * customers and anonymous visitors alike), so it agrees with every profile.
 */
@Singleton
class JourneyFigures {

    static final Duration RETURN_WINDOW = Duration.ofDays(7);
    /** CSAT 1–2 and NPS 0–6 are low: the detractor ranges the survey questions use. */
    private static final int LOW_CSAT = 2;
    private static final int LOW_NPS = 6;
    // Only the last few touchpoints of a sequence are told apart; longer histories are rare and unreadable.
    private static final int SEQUENCE_LENGTH = 3;

    private final Transcript transcript;

    JourneyFigures(Transcript transcript) {
        this.transcript = transcript;
    }

    /**
     * @param handedOff a hand-off followed in the same conversation
     * @param answeredAfter the customer asked again and the bot answered, without a hand-off
     * @param nextTouchpoint the contact started another conversation within 7 days (counts by its touchpoint in
     *                       {@code nextTouchpoints})
     * @param left none of these
     */
    @Serdeable
    record WhereNext(int total, int handedOff, int answeredAfter, int nextTouchpoint, int left,
                     Map<String, Integer> nextTouchpoints) {
    }

    @Serdeable
    record SequenceScore(String sequence, int answers, @Nullable Double csatAverage) {
    }

    /**
     * @param repeatRate share of conversations followed by another of the same contact within 7 days
     * @param sameTopicRepeatRate share followed within 7 days by one that was answered with an FAQ this one was
     */
    @Serdeable
    record Figures(LocalDate from, LocalDate to, int contacts, int conversations, int repeats, @Nullable Double repeatRate,
                   int sameTopicRepeats, @Nullable Double sameTopicRepeatRate, WhereNext afterFallback,
                   WhereNext afterLowScore, List<SequenceScore> scoresBySequence) {
    }

    private record Visit(String contactId, String conversationId, String touchpoint, Instant startedAt, Set<String> faqs,
                         List<TranscriptEvent> events) {
    }

    Figures compute(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // Returns are looked for up to a window past the range, and sequences up to a window before it.
        Map<String, List<Visit>> byContact = new HashMap<>();
        for (Transcript.ContactConversation cc : transcript.withContactStartedBetween(start.minus(RETURN_WINDOW), end.plus(RETURN_WINDOW))) {
            List<TranscriptEvent> events = transcript.events(cc.conversation().id());
            Set<String> faqs = events.stream().filter(e -> e.type() == touchpoint.chat.EventType.BOT_ANSWERED && e.faqId() != null)
                    .map(TranscriptEvent::faqId).collect(Collectors.toCollection(LinkedHashSet::new));
            byContact.computeIfAbsent(cc.contactId(), k -> new ArrayList<>()).add(new Visit(cc.contactId(), cc.conversation().id(),
                    cc.conversation().touchpoint(), cc.conversation().createdAt(), faqs, events));
        }
        int conversations = 0;
        int repeats = 0;
        int sameTopic = 0;
        Set<String> contacts = new java.util.HashSet<>();
        Tally fallback = new Tally();
        Tally lowScore = new Tally();
        Map<String, int[]> sequenceCounts = new TreeMap<>();
        Map<String, Integer> sequenceSums = new HashMap<>();
        for (List<Visit> visits : byContact.values()) {
            for (int i = 0; i < visits.size(); i++) {
                Visit v = visits.get(i);
                if (v.startedAt().isBefore(start) || !v.startedAt().isBefore(end)) {
                    continue;
                }
                conversations++;
                contacts.add(v.contactId());
                Visit next = i + 1 < visits.size() && !visits.get(i + 1).startedAt().isAfter(v.startedAt().plus(RETURN_WINDOW))
                        ? visits.get(i + 1) : null;
                if (next != null) {
                    repeats++;
                    if (v.faqs().stream().anyMatch(next.faqs()::contains)) {
                        sameTopic++;
                    }
                }
                whereAfter(v, next, fallback, lowScore);
                Integer csat = lastCsat(v.events());
                if (csat != null) {
                    String sequence = sequence(visits, i);
                    sequenceCounts.computeIfAbsent(sequence, k -> new int[1])[0]++;
                    sequenceSums.merge(sequence, csat, Integer::sum);
                }
            }
        }
        List<SequenceScore> sequences = sequenceCounts.entrySet().stream()
                .map(e -> new SequenceScore(e.getKey(), e.getValue()[0], (double) sequenceSums.get(e.getKey()) / e.getValue()[0]))
                .sorted(java.util.Comparator.comparingInt(SequenceScore::answers).reversed().thenComparing(SequenceScore::sequence))
                .toList();
        return new Figures(from, to, contacts.size(), conversations, repeats, ratio(repeats, conversations), sameTopic,
                ratio(sameTopic, conversations), fallback.figures(), lowScore.figures(), sequences);
    }

    /** After the first fallback, and after the first low score, of the conversation: what came next. */
    private static void whereAfter(Visit v, @Nullable Visit next, Tally fallback, Tally lowScore) {
        int fellBackAt = -1;
        int lowAt = -1;
        List<TranscriptEvent> events = v.events();
        for (int i = 0; i < events.size(); i++) {
            TranscriptEvent e = events.get(i);
            if (fellBackAt < 0 && e.type() == touchpoint.chat.EventType.BOT_FELL_BACK) {
                fellBackAt = i;
            }
            if (lowAt < 0 && e.data(EventData.SurveyAnswered.class).filter(JourneyFigures::low).isPresent()) {
                lowAt = i;
            }
        }
        if (fellBackAt >= 0) {
            fallback.count(events.subList(fellBackAt + 1, events.size()), next);
        }
        if (lowAt >= 0) {
            lowScore.count(events.subList(lowAt + 1, events.size()), next);
        }
    }

    private static boolean low(EventData.SurveyAnswered a) {
        return "CSAT".equals(a.type()) && a.score() <= LOW_CSAT || "NPS".equals(a.type()) && a.score() <= LOW_NPS;
    }

    private static Integer lastCsat(List<TranscriptEvent> events) {
        Integer score = null;
        for (TranscriptEvent e : events) {
            Integer s = e.data(EventData.SurveyAnswered.class).filter(a -> "CSAT".equals(a.type()))
                    .map(EventData.SurveyAnswered::score).orElse(null);
            score = s != null ? s : score;
        }
        return score;
    }

    /** The touchpoints the contact came through within the window before this conversation, and its own. */
    private static String sequence(List<Visit> visits, int index) {
        List<String> path = new ArrayList<>();
        Instant since = visits.get(index).startedAt().minus(RETURN_WINDOW);
        for (int i = index; i >= 0 && path.size() < SEQUENCE_LENGTH && !visits.get(i).startedAt().isBefore(since); i--) {
            path.add(0, visits.get(i).touchpoint());
        }
        return String.join(" → ", path);
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static final class Tally {
        int total;
        int handedOff;
        int answeredAfter;
        int nextTouchpoint;
        int left;
        final Map<String, Integer> touchpoints = new TreeMap<>();

        void count(List<TranscriptEvent> after, @Nullable Visit next) {
            total++;
            if (after.stream().anyMatch(e -> e.type() == touchpoint.chat.EventType.HANDOFF_REQUESTED)) {
                handedOff++;
            } else if (after.stream().anyMatch(e -> e.type() == touchpoint.chat.EventType.BOT_ANSWERED)) {
                answeredAfter++;
            } else if (next != null) {
                nextTouchpoint++;
                touchpoints.merge(next.touchpoint(), 1, Integer::sum);
            } else {
                left++;
            }
        }

        WhereNext figures() {
            return new WhereNext(total, handedOff, answeredAfter, nextTouchpoint, left, Map.copyOf(touchpoints));
        }
    }
}
