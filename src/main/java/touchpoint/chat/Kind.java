package touchpoint.chat;


/** How a message is shown: plain text, a cited answer, a clarify question, an honest fallback, a survey, an event, a private note,
 * a file. */
public enum Kind {
    TEXT, ANSWER, CLARIFY, FALLBACK, SURVEY, EVENT, NOTE, ATTACHMENT;

    public String json() {
        return name().toLowerCase();
    }
}
