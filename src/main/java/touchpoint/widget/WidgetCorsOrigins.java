package touchpoint.widget;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration.CorsConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps {@code touchpoint.widget.allowed-origins} onto the {@code widget} CORS configuration. Done here rather
 * than with a placeholder in application.yml because Micronaut treats "any origin" as one particular list
 * instance: a configured {@code "*"} would otherwise be compared literally and match no site.
 */
@Singleton
class WidgetCorsOrigins implements BeanCreatedEventListener<CorsConfiguration> {

    static final String NAME = "widget";

    private final WidgetConfig config;

    WidgetCorsOrigins(WidgetConfig config) {
        this.config = config;
    }

    @Override
    public CorsConfiguration onCreated(BeanCreatedEvent<CorsConfiguration> event) {
        CorsConfiguration cors = event.getBean();
        Map<String, CorsOriginConfiguration> configurations = new LinkedHashMap<>(cors.getConfigurations());
        CorsOriginConfiguration widget = configurations.computeIfAbsent(NAME, k -> {
            CorsOriginConfiguration c = new CorsOriginConfiguration();
            c.setAllowCredentials(false);
            return c;
        });
        widget.setAllowedOrigins(allowedOrigins());
        cors.setConfigurations(configurations);
        return cors;
    }

    private List<String> allowedOrigins() {
        List<String> origins = config.allowedOrigins().stream().map(String::strip).filter(o -> !o.isEmpty())
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).toList();
        return origins.contains("*") ? CorsOriginConfiguration.ANY : origins;
    }
}
