package touchpoint.knowledge.retrieval;

/**
 * Linear fusion of the features into one score per FAQ, and a temperature that turns scores into
 * calibrated probabilities. The head's weight is fixed at 1; the others are learned at index time.
 */
record Fusion(float nearest, float density, float lexical, float temperature) {

    static final Fusion DEFAULT = new Fusion(10f, 5f, 1f, 1f);

    float score(float[][] f, int c) {
        return f[FeatureIndex.HEAD][c] + nearest * f[FeatureIndex.NEAREST][c]
                + density * f[FeatureIndex.DENSITY][c] + lexical * f[FeatureIndex.LEXICAL][c];
    }

    Fusion withWeights(float n, float d, float l) {
        return new Fusion(n, d, l, temperature);
    }

    Fusion withTemperature(float t) {
        return new Fusion(nearest, density, lexical, t);
    }
}
