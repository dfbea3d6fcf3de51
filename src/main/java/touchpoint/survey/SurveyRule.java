package touchpoint.survey;

/** When a survey may start; each rule has its own sampling rate. */
enum SurveyRule {
    RESOLVED("resolved"),
    HELPFUL_ANSWER("helpful_answer"),
    IDLE_AFTER_ANSWER("idle"),
    HAND_BACK("hand_back");

    private final String key;

    SurveyRule(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    double sampling(SurveyConfig config) {
        return switch (this) {
            case RESOLVED -> config.samplingAfterResolved();
            case HELPFUL_ANSWER -> config.samplingAfterHelpful();
            case IDLE_AFTER_ANSWER -> config.samplingAfterIdle();
            case HAND_BACK -> config.samplingAfterHandBack();
        };
    }

    /**
     * Whether this conversation is in the sample. Deterministic (a hash of conversation and rule) rather than
     * random: every instance and every retry decides the same way, and rates of 0 and 1 are exact.
     */
    boolean samples(String conversationId, SurveyConfig config) {
        double rate = sampling(config);
        if (rate <= 0) {
            return false;
        }
        if (rate >= 1) {
            return true;
        }
        String hex = touchpoint.infra.Ids.hash(conversationId + ":" + key);
        double position = Long.parseLong(hex.substring(0, 13), 16) / (double) (1L << 52);
        return position < rate;
    }
}
