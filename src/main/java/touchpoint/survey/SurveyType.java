package touchpoint.survey;

/** The survey scales the service knows, with their ranges and what counts as a low score. */
public enum SurveyType {
    /** Customer effort: 1 (strongly disagree) to 7 (strongly agree) that the company made it easy. */
    CES(1, 7),
    /** Satisfaction: 1 (very dissatisfied) to 5 (very satisfied). */
    CSAT(1, 5),
    /** Net promoter: 0 to 10 likelihood to recommend. */
    NPS(0, 10);

    private final int min;
    private final int max;

    SurveyType(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean inRange(int score) {
        return score >= min && score <= max;
    }
}
