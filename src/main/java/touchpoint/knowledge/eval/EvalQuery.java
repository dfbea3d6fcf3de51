package touchpoint.knowledge.eval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One line of a query file: the customer's words and the FAQ that answers them, null when none does. */
@Serdeable
public record EvalQuery(String text, @Nullable String expected) {
}
