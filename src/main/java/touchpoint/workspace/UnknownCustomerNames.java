package touchpoint.workspace;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.Optional;

/** No source of customer names: every template falls back. Any other {@link CustomerNames} bean replaces this one. */
@Singleton
@Secondary
class UnknownCustomerNames implements CustomerNames {

    @Override
    public Optional<String> nameOf(String conversationId) {
        return Optional.empty();
    }
}
