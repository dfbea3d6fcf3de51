package touchpoint.admin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings under {@code touchpoint.admin}.
 *
 * @param contentDir faq-content directory (relative to the working directory) that seeds an empty database
 *     and that {@code POST /api/admin/knowledge/import?source=server} reads
 * @param seedOnStart import {@code contentDir} as published FAQs when the {@code faq} table is empty
 * @param resyncInterval how often each instance compares its served FAQs with the database, to repair a
 *     publish announcement lost while Redis was unreachable
 * @param maxImportBytes largest total uncompressed size accepted from an import zip (zip bombs)
 * @param maxImportFiles most entries accepted from an import zip
 */
@ConfigurationProperties("touchpoint.admin")
public record AdminConfig(
        @Bindable(defaultValue = "faq-content") String contentDir,
        @Bindable(defaultValue = "true") boolean seedOnStart,
        @Bindable(defaultValue = "60s") Duration resyncInterval,
        @Bindable(defaultValue = "5242880") long maxImportBytes,
        @Bindable(defaultValue = "2000") int maxImportFiles) {
}
