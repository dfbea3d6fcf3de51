package touchpoint.knowledge.content;

/** A faq-content file that could not be served, with where and why. {@code line} is 1-based. */
public record LoadProblem(String path, int line, String reason) {

    @Override
    public String toString() {
        return path + ":" + line + ": " + reason;
    }
}
