package touchpoint.knowledge;

/** The engine's sentence model, for features that group texts in the same space questions are answered in. */
public interface TextEmbedder {

    float[] embed(String text);
}
