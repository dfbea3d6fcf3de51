package touchpoint.handoff;

import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The fields a JSON object names, so a change can tell "set to null" from "leave as it is". */
final class JsonFields {

    private JsonFields() {
    }

    static Set<String> present(JsonNode body) {
        Set<String> names = new LinkedHashSet<>();
        if (body != null && body.isObject()) {
            for (Map.Entry<String, JsonNode> e : body.entries()) {
                names.add(e.getKey());
            }
        }
        return names;
    }
}
