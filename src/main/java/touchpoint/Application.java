package touchpoint;

import io.micronaut.runtime.Micronaut;
import java.util.Arrays;
import touchpoint.knowledge.eval.EvalCommand;

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
