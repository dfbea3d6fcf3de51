package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import touchpoint.admin.AuditLog;
import touchpoint.chat.Transcript;
import touchpoint.handoff.CustomerPriority;

/**
 * Serving by who the customer is: rules on contact attributes ({@code vip=true} → served first,
 * {@code plan=enterprise} → team enterprise), kept in the database and read on every routing decision, so an
 * admin's change applies at once on every instance. The first rule that names a team and matches wins.
 */
@Singleton
class ContactPriority implements CustomerPriority {

    private final PriorityRuleRepository rules;
    private final ContactBook book;
    private final Transcript transcript;
    private final AuditLog audit;
    /**
     * The queue view asks for every waiting conversation's place, and each place orders the whole queue: a
     * couple of seconds of memory turns that into one lookup per conversation. Short enough that a rule or an
     * attribute change is felt at once by anyone watching.
     */
    private static final java.time.Duration MEMORY = java.time.Duration.ofSeconds(2);
    private static final int MAX_REMEMBERED = 10_000;
    private final Map<String, Remembered> attributesByConversation = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Remembered rulesMemo;

    // Monotonic time, not the service clock: the memory is about load, not about business time.
    private record Remembered(long untilNanos, Object value) {
        static Remembered of(Object value) {
            return new Remembered(System.nanoTime() + MEMORY.toNanos(), value);
        }

        boolean fresh() {
            return System.nanoTime() - untilNanos < 0;
        }
    }

    ContactPriority(PriorityRuleRepository rules, ContactBook book, Transcript transcript, AuditLog audit) {
        this.rules = rules;
        this.book = book;
        this.transcript = transcript;
        this.audit = audit;
    }

    /** @param team the team that takes matching customers; null when the rule only orders the queue */
    @Serdeable
    record Rule(@NotBlank @Size(max = 100) String attribute, @NotBlank @Size(max = 200) String value, boolean servedFirst,
                @Nullable @Size(max = 50) String team) {

        boolean matches(Map<String, String> attributes) {
            return value.equalsIgnoreCase(attributes.getOrDefault(attribute, ""));
        }
    }

    List<Rule> rules() {
        return rules.findAllOrderByPosition().stream()
                .map(r -> new Rule(r.attribute(), r.attrValue(), r.servedFirst(), r.team())).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Rule> currentRules() {
        Remembered memo = rulesMemo;
        if (memo == null || !memo.fresh()) {
            memo = Remembered.of(rules());
            rulesMemo = memo;
        }
        return (List<Rule>) memo.value();
    }

    @Transactional
    List<Rule> replace(List<Rule> next, String actor) {
        rules.deleteAll();
        for (int i = 0; i < next.size(); i++) {
            Rule r = next.get(i);
            rules.save(new PriorityRuleRow(null, r.attribute().strip(), r.value().strip(), r.servedFirst(),
                    r.team() == null || r.team().isBlank() ? null : r.team().strip(), i));
        }
        audit.record(actor, "contact.priority_rules.replaced", "contact-priority", next.size() + " rule(s)");
        rulesMemo = null;
        return rules();
    }

    @Override
    public Optional<String> team(String conversationId) {
        List<Rule> current = currentRules();
        if (current.stream().noneMatch(r -> r.team() != null)) {
            return Optional.empty();
        }
        Map<String, String> attributes = attributesOf(conversationId);
        return current.stream().filter(r -> r.team() != null && r.matches(attributes)).map(Rule::team).findFirst();
    }

    @Override
    public Set<String> servedFirst(Collection<String> conversationIds) {
        List<Rule> first = currentRules().stream().filter(Rule::servedFirst).toList();
        Set<String> result = new HashSet<>();
        if (first.isEmpty()) {
            return result;
        }
        for (String id : conversationIds) {
            Map<String, String> attributes = attributesOf(id);
            if (first.stream().anyMatch(r -> r.matches(attributes))) {
                result.add(id);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> attributesOf(String conversationId) {
        Remembered memo = attributesByConversation.get(conversationId);
        if (memo != null && memo.fresh()) {
            return (Map<String, String>) memo.value();
        }
        Map<String, String> attributes = transcript.contactOf(conversationId).flatMap(book::live).filter(c -> c.erasedAt() == null)
                .map(book::attributes).orElse(Map.of());
        if (attributesByConversation.size() >= MAX_REMEMBERED) {
            attributesByConversation.clear();
        }
        attributesByConversation.put(conversationId, Remembered.of(attributes));
        return attributes;
    }
}
