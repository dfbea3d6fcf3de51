package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("contact_priority_rule")
record PriorityRuleRow(
        @Id @GeneratedValue @Nullable Long id,
        String attribute,
        String attrValue,
        boolean servedFirst,
        @Nullable String team,
        int position) {
}
