package touchpoint.handoff;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("team")
record TeamRow(@Id String name, String displayName) {
}
