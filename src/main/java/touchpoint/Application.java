package touchpoint;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import java.util.Arrays;
import touchpoint.knowledge.KnowledgeBase;
import touchpoint.knowledge.Question;
import touchpoint.knowledge.eval.EvalCommand;

@OpenAPIDefinition(info = @Info(title = "touchpoint", version = "1.0",
        description = "Customer-service chatbot and self-service backend: customer, agent and admin APIs"))
/**
 * Starts the HTTP service, or runs a command without it: {@code java -jar touchpoint.jar eval ...}.
 */
public class Application {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("eval")) {
            System.exit(EvalCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        ApplicationContext context = Micronaut.run(Application.class, args);
        if (Boolean.getBoolean(EXIT_AFTER_START)) {
            // One decision before stopping, so the archive also holds what the first question loads: the tokenizer,
            // the small model's session and the ranking.
            context.getBean(KnowledgeBase.class).decide(Question.of("how do I return an item?"));
            context.close();
            System.exit(0);
        }
    }

    /**
     * Starts, then stops: the image's build runs the service once this way with {@code -XX:ArchiveClassesAtExit},
     * so every later start maps the classes it loads from that archive instead of loading, verifying and
     * linking them again (about a third of a restart's CPU; see the Dockerfile).
     */
    static final String EXIT_AFTER_START = "touchpoint.exit-after-start";
}
