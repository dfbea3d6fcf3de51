package touchpoint.chat;


/** How a message is shown: plain text, a cited answer, a clarify question, an honest fallback, a survey, an event. */
public enum Kind {
    TEXT, ANSWER, CLARIFY, FALLBACK, SURVEY, EVENT;

    public String json() {
        return name().toLowerCase();
    }
}
