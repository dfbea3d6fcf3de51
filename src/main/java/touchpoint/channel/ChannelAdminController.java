package touchpoint.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.Roles;

/**
 * Channels for administrators. A body is {@code {"type", "name", "enabled"?}} plus the type's own fields at the top
 * level ({@code "webhookUrl"} for an API channel); secrets the service makes are in the 201 response and never again.
 */
@Controller("/api/admin/channels")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Admin")
class ChannelAdminController {

    private static final Set<String> COMMON = Set.of("type", "name", "enabled");

    private final ChannelDirectory channels;
    private final DeliveryLog deliveries;

    ChannelAdminController(ChannelDirectory channels, DeliveryLog deliveries) {
        this.channels = channels;
        this.deliveries = deliveries;
    }

    @Post
    @Operation(summary = "Create a channel; the secrets it makes (an API key, a webhook secret) are in this response only")
    HttpResponse<Map<String, Object>> create(@Body @Nullable JsonNode body) {
        Map<String, JsonNode> fields = object(body);
        ChannelDirectory.Configured created = channels.create(string(fields, "type"), string(fields, "name"),
                bool(fields, "enabled"), typeFields(fields));
        return HttpResponse.created(withSecrets(created));
    }

    @Get
    @Operation(summary = "All channels, the widget's first; secrets only as set or not")
    List<ChannelView> list() {
        return channels.list().stream().map(this::view).toList();
    }

    @Get("/types")
    @Operation(summary = "The channel types admins can create")
    List<String> types() {
        return channels.typeNames();
    }

    @Get("/{id}")
    @Operation(summary = "One channel; secrets only as set or not")
    ChannelView get(String id) {
        return channels.find(id).map(this::view).orElseThrow(ChannelNotFound::new);
    }

    @Put("/{id}")
    @Operation(summary = "Change a channel's name, enabled or settings; fields left out keep their values, secrets are never shown")
    Map<String, Object> update(String id, @Body @Nullable JsonNode body) {
        Map<String, JsonNode> fields = object(body);
        if (fields.containsKey("type")) {
            throw new InvalidRequest("type", "cannot be changed; create another channel");
        }
        return withSecrets(channels.update(id, string(fields, "name"), bool(fields, "enabled"), typeFields(fields)));
    }

    @Get("/{id}/deliveries{?status,limit}")
    @Operation(summary = "The channel's delivery log, newest first: PENDING (with the next attempt), DELIVERED or FAILED")
    List<DeliveryLog.Entry> deliveries(String id, @Nullable @QueryValue String status, @Nullable @QueryValue Integer limit) {
        return deliveries.latest(id, status, limit == null ? 100 : limit);
    }

    @Post("/{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a delivery again, at the end of the channel's queue, under the same delivery id")
    HttpResponse<DeliveryLog.Entry> replay(String id, long deliveryId) {
        return HttpResponse.accepted().body(deliveries.replay(id, deliveryId));
    }

    private ChannelView view(Channel c) {
        return new ChannelView(c.id(), c.type(), c.name(), c.enabled(), c.settings(), channels.secretsSet(c), c.createdAt(), c.updatedAt());
    }

    private Map<String, Object> withSecrets(ChannelDirectory.Configured configured) {
        ChannelView view = view(configured.channel());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", view.id());
        body.put("type", view.type());
        body.put("name", view.name());
        body.put("enabled", view.enabled());
        body.put("settings", view.settings());
        body.put("secrets", view.secrets());
        body.put("createdAt", view.createdAt());
        body.put("updatedAt", view.updatedAt());
        body.putAll(configured.shownOnce());
        return body;
    }

    private static Map<String, JsonNode> object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequest(null, "The body must be a JSON object");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        body.entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }

    private static Map<String, JsonNode> typeFields(Map<String, JsonNode> fields) {
        Map<String, JsonNode> rest = new LinkedHashMap<>(fields);
        rest.keySet().removeAll(COMMON);
        return rest;
    }

    private static String string(Map<String, JsonNode> fields, String name) {
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new InvalidRequest(name, "must be a string");
        }
        return v.getStringValue();
    }

    private static Boolean bool(Map<String, JsonNode> fields, String name) {
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new InvalidRequest(name, "must be true or false");
        }
        return v.getBooleanValue();
    }
}
