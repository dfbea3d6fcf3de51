package touchpoint.infra;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a JSON request body into a record strictly: unknown fields and fields of the wrong JSON type are
 * refused by name before anything is bound, then bean validation runs. Generic binders report only
 * "cannot convert the body", which leaves a client guessing which field was wrong.
 */
@Singleton
public class JsonRequests {

    private final JsonMapper json;
    private final Validator validator;

    JsonRequests(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T extends Record> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequest(null, "The body must be a JSON object");
        }
        Map<String, RecordComponent> components = Stream.of(type.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, c -> c));
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            RecordComponent component = components.get(entry.getKey());
            if (component == null) {
                throw new InvalidRequest(safeName(entry.getKey()), "is not a known field");
            }
            if (!entry.getValue().isNull() && !fits(entry.getValue(), component.getType())) {
                throw new InvalidRequest(component.getName(), "must be " + describe(component.getType()));
            }
        }
        T value;
        try {
            value = json.readValueFromTree(body, type);
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequest(null, "The body does not match the expected fields");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    /** Echoing an attacker's key back verbatim would let it smuggle markup into error pages. */
    private static String safeName(String key) {
        String cleaned = key.replaceAll("[^A-Za-z0-9_.-]", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }

    private static boolean fits(JsonNode node, Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return node.isString();
        }
        if (type == Boolean.class || type == boolean.class) {
            return node.isBoolean();
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return node.isNumber();
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return node.isArray();
        }
        return node.isObject();
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
