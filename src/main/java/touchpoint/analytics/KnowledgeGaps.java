package touchpoint.analytics;

import touchpoint.infra.PiiMasker;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;
import touchpoint.infra.Ids;

/**
 * Customer questions the knowledge base did not serve (fallback, thumbs-down, hand-off), grouped into topics by
 * meaning, largest first, each with what an admin can do about it: create an FAQ, or attach the phrasings to an
 * existing FAQ (a proposal the FAQ admin reviews).
 */
@Singleton
class KnowledgeGaps {

    private static final int MAX_PHRASINGS = 20;

    private final Repositories.GapQuestions gaps;
    private final Clusters clusters;
    private final PhrasingProposals proposals;
    private final AnalyticsConfig config;

    KnowledgeGaps(Repositories.GapQuestions gaps, Clusters clusters, PhrasingProposals proposals, AnalyticsConfig config) {
        this.gaps = gaps;
        this.clusters = clusters;
        this.proposals = proposals;
        this.config = config;
    }

    /**
     * @param id stable while the data grows: a hash of the topic's oldest question
     * @param topic the most typical question of the topic
     * @param count questions in the topic (one per conversation and wording)
     * @param reasons how many questions ended in fallback, thumbs_down or handoff
     * @param suggestedFaqId the FAQ the engine most often ranked first for these questions, if any
     */
    @Serdeable
    record GapTopic(String id, String topic, int count, Map<String, Integer> reasons, List<String> examples,
                    @Nullable String suggestedFaqId, CreateFaq createFaq, AddPhrasings addPhrasings) {
    }

    /** "Create FAQ from this": a draft for the FAQ editor, which lives in the admin feature. */
    @Serdeable
    record CreateFaq(String link, String title, List<String> questions) {
    }

    /** "Add these phrasings to FAQ X": POST {@code body} to {@code href} (faqId defaults to the suggestion). */
    @Serdeable
    record AddPhrasings(String method, String href, PhrasingsRequest body) {
    }

    @Serdeable
    record PhrasingsRequest(@Nullable String faqId, @Nullable List<String> phrasings, @Nullable String from, @Nullable String to) {
    }

    List<GapTopic> topics(AnalyticsQueries.Range range) {
        List<GapQuestionRow> rows = new ArrayList<>(gaps.findByAskedAtBetweenOrderByAskedAt(range.start(), range.end()));
        // An erased question has no words left to cluster or show.
        rows.removeIf(r -> touchpoint.chat.EventData.ERASED.equals(r.question()));
        rows.sort(Comparator.comparing(GapQuestionRow::askedAt).thenComparing(GapQuestionRow::conversationId)
                .thenComparingLong(GapQuestionRow::seq));
        List<GapTopic> topics = new ArrayList<>();
        for (Clusters.Cluster<GapQuestionRow> c : clusters.greedy(rows, GapQuestionRow::question, config.gapSimilarity())) {
            topics.add(topic(c, range));
        }
        return topics;
    }

    /** Records every phrasing of the topic (or the ones given) as proposals for {@code faqId}. */
    List<PhrasingProposal> propose(String clusterId, PhrasingsRequest request, AnalyticsQueries.Range range) {
        GapTopic topic = topics(range).stream().filter(t -> t.id().equals(clusterId)).findFirst()
                .orElseThrow(() -> new NotFound("No knowledge-gap topic " + clusterId + " in that range"));
        String faqId = request.faqId() != null && !request.faqId().isBlank() ? request.faqId().strip() : topic.suggestedFaqId();
        if (faqId == null) {
            throw new InvalidRequest("faqId", "is required: this topic has no suggested FAQ");
        }
        List<String> phrasings = request.phrasings() == null || request.phrasings().isEmpty()
                ? topic.addPhrasings().body().phrasings() : request.phrasings();
        if (phrasings.size() > MAX_PHRASINGS || phrasings.stream().anyMatch(p -> p == null || p.isBlank() || p.length() > 500)) {
            throw new InvalidRequest("phrasings", "must be 1 to " + MAX_PHRASINGS + " non-blank texts of at most 500 characters");
        }
        List<PhrasingProposal> created = new ArrayList<>();
        for (String p : phrasings) {
            proposals.propose(faqId, p, "gap", null).ifPresent(created::add);
        }
        return created;
    }

    private GapTopic topic(Clusters.Cluster<GapQuestionRow> c, AnalyticsQueries.Range range) {
        String id = Ids.hash(c.seed().conversationId() + ":" + c.seed().seq()).substring(0, 12);
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, Integer> topCandidates = new LinkedHashMap<>();
        Set<String> texts = new LinkedHashSet<>();
        for (GapQuestionRow r : c.members()) {
            for (String reason : r.reasons().split(",")) {
                reasons.merge(reason, 1, Integer::sum);
            }
            texts.add(PiiMasker.mask(r.question()));
            String top = r.candidates() == null || r.candidates().isBlank() ? null : r.candidates().split(",")[0];
            if (top != null && !top.equals(r.rejectedFaqId())) {
                topCandidates.merge(top, 1, Integer::sum);
            }
        }
        String suggested = topCandidates.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        String label = PiiMasker.mask(c.representative(r -> clusters.vector(r.question())).question());
        List<String> all = List.copyOf(texts);
        List<String> examples = all.subList(0, Math.min(config.examplesPerCluster(), all.size()));
        List<String> phrasings = all.subList(0, Math.min(MAX_PHRASINGS, all.size()));
        return new GapTopic(id, label, c.members().size(), reasons, examples, suggested,
                new CreateFaq(createFaqLink(label, phrasings), label, phrasings),
                new AddPhrasings("POST", "/api/analytics/knowledge-gaps/" + id + "/phrasings",
                        new PhrasingsRequest(suggested, phrasings, range.from().toString(), range.to().toString())));
    }

    /** The editor's address with the draft in its query: it opens a new FAQ with this title and phrasings. */
    static String createFaqLink(String title, List<String> phrasings) {
        StringBuilder link = new StringBuilder("/admin/faqs.html?draftTitle=").append(encode(title));
        phrasings.forEach(p -> link.append("&q=").append(encode(p)));
        return link.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
