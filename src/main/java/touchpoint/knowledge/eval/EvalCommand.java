package touchpoint.knowledge.eval;

/** Offline evaluation of the knowledge engine; starts an ApplicationContext without the HTTP server. */
public final class EvalCommand {
    private EvalCommand() {
    }

    public static int run(String[] args) {
        System.err.println("eval: not implemented yet");
        return 2;
    }
}
