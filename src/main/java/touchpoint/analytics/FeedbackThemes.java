package touchpoint.analytics;

import touchpoint.infra.PiiMasker;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import touchpoint.infra.Ids;

/** Survey comments grouped into themes by meaning (same clustering as knowledge gaps), each with its sentiment. */
@Singleton
class FeedbackThemes {

    private final Repositories.SurveyAnswers surveys;
    private final Clusters clusters;
    private final AnalyticsConfig config;

    FeedbackThemes(Repositories.SurveyAnswers surveys, Clusters clusters, AnalyticsConfig config) {
        this.surveys = surveys;
        this.clusters = clusters;
        this.config = config;
    }

    /**
     * @param sentiment average lexicon score of the comments, -1..1 (see {@link Sentiment})
     * @param averageScores average survey score of the commented answers, per survey type
     */
    @Serdeable
    record Theme(String id, String theme, int count, double sentiment, String sentimentLabel,
                 Map<String, Double> averageScores, List<String> examples) {
    }

    List<Theme> themes(AnalyticsQueries.Range range) {
        List<SurveyAnswerRow> commented = surveys.findByAnsweredAtBetweenOrderByAnsweredAt(range.start(), range.end()).stream()
                .filter(s -> s.comment() != null && !s.comment().isBlank()).toList();
        List<Theme> themes = new ArrayList<>();
        for (Clusters.Cluster<SurveyAnswerRow> c : clusters.greedy(commented, SurveyAnswerRow::comment, config.themeSimilarity())) {
            double sentiment = c.members().stream().mapToDouble(s -> Sentiment.score(s.comment())).average().orElse(0);
            Map<String, List<Integer>> byType = new TreeMap<>();
            LinkedHashSet<String> examples = new LinkedHashSet<>();
            for (SurveyAnswerRow s : c.members()) {
                byType.computeIfAbsent(s.surveyType(), k -> new ArrayList<>()).add(s.score());
                if (examples.size() < config.examplesPerCluster()) {
                    examples.add(PiiMasker.mask(s.comment()));
                }
            }
            Map<String, Double> averages = new TreeMap<>();
            byType.forEach((type, scores) -> averages.put(type,
                    Figures.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0), 2)));
            double rounded = Figures.round(sentiment, 2);
            themes.add(new Theme(Ids.hash(c.seed().conversationId() + ":" + c.seed().seq()).substring(0, 12),
                    PiiMasker.mask(label(c)), c.members().size(), rounded, Sentiment.label(rounded), averages, List.copyOf(examples)));
        }
        return themes;
    }

    private @Nullable String label(Clusters.Cluster<SurveyAnswerRow> c) {
        return c.representative(s -> clusters.vector(s.comment())).comment();
    }
}
