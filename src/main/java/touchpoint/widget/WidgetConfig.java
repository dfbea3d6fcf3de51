package touchpoint.widget;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * @param allowedOrigins sites whose pages may call the API from the widget; {@code *} (the demo default) allows any.
 *        Read by {@code micronaut.server.cors.configurations.widget} in application.yml; listed here so it is documented
 *        and validated in one place
 * @param scriptMaxAge how long browsers and CDNs may reuse widget.js before revalidating with its ETag
 */
@ConfigurationProperties("touchpoint.widget")
public record WidgetConfig(
        @Bindable(defaultValue = "*") List<String> allowedOrigins,
        @Bindable(defaultValue = "5m") java.time.Duration scriptMaxAge) {
}
