package touchpoint.knowledge;

/** One FAQ the engine considers, with its calibrated confidence in 0..1. */
public record Candidate(String faqId, String title, double confidence) {
}
