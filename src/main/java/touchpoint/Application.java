package touchpoint;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import java.util.Arrays;
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
        Micronaut.run(Application.class, args);
    }
}
