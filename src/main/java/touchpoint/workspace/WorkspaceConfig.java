package touchpoint.workspace;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the agent's workspace ({@code touchpoint.workspace.*}).
 *
 * @param attachmentMaxBytes the largest file a customer or an agent may send; the server's request limit
 *                           ({@code micronaut.server.max-request-size}) must stay above it
 * @param attachmentDir where attachments' bytes are kept; unset, they are kept in the database
 * @param searchPageSize the most conversations one page of search results holds
 */
@ConfigurationProperties("touchpoint.workspace")
public record WorkspaceConfig(
        @Bindable(defaultValue = "5242880") long attachmentMaxBytes,
        @Nullable String attachmentDir,
        @Bindable(defaultValue = "25") int searchPageSize) {
}
