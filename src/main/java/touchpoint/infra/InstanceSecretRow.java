package touchpoint.infra;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("instance_secret")
record InstanceSecretRow(@Id String name, String secret, Instant createdAt) {
}
