package touchpoint.analytics;

/** An approved new way customers ask an FAQ's question; the knowledge engine indexes it with the FAQ. */
public record Phrasing(String faqId, String text) {
}
