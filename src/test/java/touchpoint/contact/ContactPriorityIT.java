package touchpoint.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.ManualClock;

/** Serving by who the customer is, and the journey figures across contacts. */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.test.manual-clock", value = "true")
@Property(name = "touchpoint.admin-password", value = Staff.ADMIN_PASSWORD)
class ContactPriorityIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Contacts contacts;

    @Inject
    ManualClock clock;

    CustomerClient customer;
    Staff staff;
    String admin;

    @BeforeEach
    void setUp() {
        customer = new CustomerClient(http.toBlocking());
        staff = new Staff(http.toBlocking());
        admin = staff.adminToken();
    }

    private Reply customerOf(Map<String, String> attributes) {
        Reply c = customer.start("{\"touchpoint\":\"web\"}");
        String contactId = contacts.identify(c.string("id"), Identity.externalId("api", "cust-" + UUID.randomUUID()));
        if (!attributes.isEmpty()) {
            contacts.setAttributes(contactId, attributes);
        }
        return c;
    }

    @Test
    void should_serve_vip_customers_first_and_route_enterprise_customers_to_their_team_as_soon_as_the_rules_change() {
        Reply rules = staff.put("/api/admin/contact-priority", admin, "{\"rules\":[{\"attribute\":\"vip\",\"value\":\"true\","
                + "\"servedFirst\":true},{\"attribute\":\"plan\",\"value\":\"enterprise\",\"servedFirst\":false,\"team\":\"billing\"}]}");
        assertThat(rules.status()).isEqualTo(200);
        Reply ordinary = customerOf(Map.of());
        Reply vip = customerOf(Map.of("vip", "true"));
        Reply enterprise = customerOf(Map.of("plan", "enterprise"));

        for (Reply c : List.of(ordinary, vip, enterprise)) {
            customer.say(c.string("id"), c.string("token"), "p1", "I want to talk to a person");
            clock.advance(java.time.Duration.ofSeconds(5));
        }

        List<Map<String, Object>> waiting = staff.get("/api/agent/queue", admin).list("waiting");
        List<Object> order = waiting.stream().map(w -> w.get("conversationId")).toList();
        assertThat(order.indexOf(vip.string("id"))).isLessThan(order.indexOf(ordinary.string("id")));
        assertThat(waiting).filteredOn(w -> enterprise.string("id").equals(w.get("conversationId")))
                .singleElement().satisfies(w -> assertThat(w).containsEntry("team", "billing"));
        assertThat(waiting).filteredOn(w -> ordinary.string("id").equals(w.get("conversationId")))
                .singleElement().satisfies(w -> assertThat(w.get("team")).isNotEqualTo("billing"));
        assertThat(staff.text("/api/admin/audit?target=contact-priority", admin)).contains("contact.priority_rules.replaced");
    }

    @Test
    void should_count_repeat_contacts_within_seven_days_and_where_customers_go_after_a_fallback() {
        clock.set(Instant.parse("2026-01-10T10:00:00Z"));
        String email = "journey-" + UUID.randomUUID() + "@example.com";
        Reply first = customer.start("{\"touchpoint\":\"help\"}");
        contacts.identify(first.string("id"), Identity.verifiedEmail(email));
        customer.say(first.string("id"), first.string("token"), "j1", "what about a return");
        clock.advance(java.time.Duration.ofDays(2));
        Reply again = customer.start("{\"touchpoint\":\"checkout\"}");
        contacts.identify(again.string("id"), Identity.verifiedEmail(email));
        customer.say(again.string("id"), again.string("token"), "j2", "another return question");
        Reply lost = customer.start("{\"touchpoint\":\"help\"}");
        contacts.identify(lost.string("id"), Identity.verifiedEmail("lost-" + UUID.randomUUID() + "@example.com"));
        customer.say(lost.string("id"), lost.string("token"), "j3", "xyzzy plugh");

        Reply figures = staff.get("/api/analytics/journey?from=2026-01-10&to=2026-01-12", admin);

        assertThat(figures.status()).isEqualTo(200);
        assertThat(figures.body()).containsEntry("conversations", 3).containsEntry("contacts", 2)
                .containsEntry("repeats", 1).containsEntry("sameTopicRepeats", 1);
        assertThat(((Number) figures.body().get("repeatRate")).doubleValue()).isEqualTo(1.0 / 3);
        assertThat(figures.map("afterFallback")).containsEntry("total", 1).containsEntry("left", 1);
        assertThat(figures.list("scoresBySequence")).isEmpty();
    }
}
