package touchpoint.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.ManualClock;

@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.test.manual-clock", value = "true")
@Property(name = "touchpoint.identity.secret", value = ContactPrivacyIT.SECRET)
@Property(name = "touchpoint.admin-password", value = Staff.ADMIN_PASSWORD)
@Property(name = "touchpoint.privacy.retention", value = "30")
class ContactPrivacyIT {

    static final String SECRET = "privacy-test-identity-secret";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    RetentionJob retention;

    @Inject
    Transcript transcript;

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

    private Reply signedStart(String user) {
        return customer.start("{\"userId\":\"" + user + "\",\"userHash\":\""
                + IdentityVerification.sign(SECRET.getBytes(StandardCharsets.UTF_8), user) + "\",\"email\":\"" + user + "@example.com\"}");
    }

    @Test
    void should_redact_transcripts_last_active_before_the_retention_period_and_only_those() {
        Reply old = customer.start(null);
        customer.say(old.string("id"), old.string("token"), "o1", "my zanzibarian question from long ago");
        clock.advance(Duration.ofDays(31));
        Reply recent = customer.start(null);
        customer.say(recent.string("id"), recent.string("token"), "r1", "my recent question about a kettle");

        int first = retention.run();
        int second = retention.run();

        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(second).isZero();
        List<TranscriptEvent> oldEvents = transcript.events(old.string("id"));
        assertThat(oldEvents).extracting(TranscriptEvent::text).doesNotContain("my zanzibarian question from long ago")
                .contains(EventData.ERASED);
        assertThat(oldEvents.get(oldEvents.size() - 1).type()).isEqualTo(EventType.TRANSCRIPT_REDACTED);
        assertThat(transcript.events(recent.string("id"))).extracting(TranscriptEvent::text)
                .contains("my recent question about a kettle");
        assertThat(staff.text("/api/analytics/export.csv", admin)).doesNotContain("zanzibarian");
        assertThat(staff.text("/api/admin/audit?target=conversations", admin)).contains("privacy.retention");
    }

    @Test
    void should_export_everything_held_about_a_contact_as_one_document() {
        String user = "export-" + UUID.randomUUID();
        Reply c = signedStart(user);
        customer.say(c.string("id"), c.string("token"), "e1", "what is your return policy");
        staff.put("/api/contacts/" + c.string("contactId") + "/attributes", admin, "{\"attributes\":{\"plan\":\"gold\"}}");

        Reply export = staff.get("/api/contacts/" + c.string("contactId") + "/export", admin);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.map("contact")).containsEntry("email", user + "@example.com")
                .containsEntry("attributes", Map.of("plan", "gold"));
        assertThat(export.list("conversations")).singleElement().satisfies(conv -> assertThat(conv.toString())
                .contains("what is your return policy"));
        assertThat(export.body()).containsKeys("surveyAnswers", "recoveryTasks", "journey", "exportedAt");
        assertThat(staff.text("/api/admin/audit?target=contact:" + c.string("contactId"), admin)).contains("contact.exported");
    }

    @Test
    void should_show_agents_the_customers_earlier_conversations_with_outcome() {
        String user = "profile-" + UUID.randomUUID();
        Reply earlier = signedStart(user);
        customer.say(earlier.string("id"), earlier.string("token"), "p1", "what is your return policy");
        Reply now = signedStart(user);

        Reply panel = staff.get("/api/agent/conversations/" + now.string("id") + "/contact", admin);
        Reply journey = staff.get("/api/contacts/" + now.string("contactId") + "/journey", admin);
        String found = staff.text("/api/contacts?query=" + user.substring(0, 20), admin);

        Map<String, Object> profile = panel.map("profile");
        assertThat(((Map<?, ?>) profile.get("contact")).get("id")).isEqualTo(now.string("contactId"));
        assertThat((List<?>) profile.get("conversations")).hasSize(2);
        assertThat(profile.get("conversations").toString()).contains("outcome=answered").contains("return-policy");
        assertThat(journey.list("steps")).extracting(s -> s.get("type")).contains("conversation_started", "faq_answered");
        assertThat(found).startsWith("[").contains(now.string("contactId"));
    }

    @Test
    void should_answer_an_empty_profile_for_an_anonymous_conversation() {
        Reply anonymous = customer.start(null);

        Reply panel = staff.get("/api/agent/conversations/" + anonymous.string("id") + "/contact", admin);

        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).doesNotContainKey("profile");
    }

    @Test
    void should_identify_at_runtime_only_with_a_matching_signature() {
        Reply c = customer.start(null);
        String user = "runtime-" + UUID.randomUUID();

        Reply forged = customer.exchange(io.micronaut.http.HttpRequest.POST("/api/conversations/" + c.string("id") + "/identity",
                "{\"userId\":\"" + user + "\",\"userHash\":\"" + "0".repeat(64) + "\"}").bearerAuth(c.string("token")));
        Reply signed = customer.exchange(io.micronaut.http.HttpRequest.POST("/api/conversations/" + c.string("id") + "/identity",
                "{\"userId\":\"" + user + "\",\"userHash\":\"" + IdentityVerification.sign(SECRET.getBytes(StandardCharsets.UTF_8), user)
                        + "\"}").bearerAuth(c.string("token")));

        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.body()).containsEntry("identified", false).doesNotContainKey("contactId");
        assertThat(signed.body()).containsEntry("identified", true);
        assertThat(transcript.contactOf(c.string("id"))).contains(signed.string("contactId"));
    }
}
