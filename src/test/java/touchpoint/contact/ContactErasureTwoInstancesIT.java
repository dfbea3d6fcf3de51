package touchpoint.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.TwoInstances;
import touchpoint.workspace.WorkspaceClient;

/**
 * Erasure on a deployment of two instances sharing PostgreSQL and Redis: erased on one, nothing of the erased
 * customer's words can be read on the other (customer API, agent API, contact API, export, CSV, knowledge
 * gaps, the agents' search, the files the customer sent), while another customer's data stays whole and the
 * transcript keeps its events.
 */
class ContactErasureTwoInstancesIT {

    private static final String SECRET = "two-instance-identity-secret-for-tests";

    static TwoInstances instances;

    @BeforeAll
    static void start() {
        instances = TwoInstances.start(Map.of("touchpoint.admin-password", Staff.ADMIN_PASSWORD,
                "touchpoint.identity.secret", SECRET, "touchpoint.analytics.projection-delay", "50ms"));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    private static String signedStart(String user) {
        return "{\"touchpoint\":\"web\",\"userId\":\"" + user + "\",\"userHash\":\""
                + IdentityVerification.sign(SECRET.getBytes(StandardCharsets.UTF_8), user) + "\",\"name\":\"Name of " + user + "\"}";
    }

    @Test
    void should_leave_nothing_of_an_erased_contact_readable_on_the_other_instance_and_keep_other_contacts() {
        CustomerClient customerA = new CustomerClient(instances.httpA.toBlocking());
        CustomerClient customerB = new CustomerClient(instances.httpB.toBlocking());
        Staff staffA = new Staff(instances.httpA.toBlocking());
        Staff staffB = new Staff(instances.httpB.toBlocking());
        String adminA = staffA.adminToken();
        String adminB = staffB.adminToken();

        Reply erased = customerA.start(signedStart("erase-me-user"));
        customerA.say(erased.string("id"), erased.string("token"), "m1", "where is my quokkalicious parcel, mail me at ann@example.com");
        Reply kept = customerB.start(signedStart("keep-me-user"));
        customerB.say(kept.string("id"), kept.string("token"), "m1", "my pelicanesque order never came");
        String erasedContact = erased.string("contactId");
        String keptContact = kept.string("contactId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(staffB.text("/api/analytics/export.csv", adminB))
                .contains("quokkalicious").contains("pelicanesque"));
        assertThat(staffB.text("/api/contacts/" + erasedContact + "/export", adminB)).contains("quokkalicious");
        WorkspaceClient filesA = new WorkspaceClient(instances.a.getURL().toString(), null);
        WorkspaceClient filesB = new WorkspaceClient(instances.b.getURL().toString(), null);
        WorkspaceClient.Answer photo = filesA.upload("/api/conversations/" + erased.string("id") + "/attachments",
                erased.string("token"), "ann-quokkalicious.png", "image/png", WorkspaceClient.png());
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        String photoPath = "/api/conversations/" + erased.string("id") + "/attachments/"
                + photo.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(filesB.get(photoPath, erased.string("token")).status()).isEqualTo(200);
        assertThat(staffB.text("/api/agent/search?text=quokkalicious", adminB)).contains(erased.string("id"));
        int eventsBefore = customerB.messages(erased.string("id"), erased.string("token"), 0).list("messages").size();

        Reply deleted = staffA.delete("/api/contacts/" + erasedContact, adminA);

        assertThat(deleted.status()).isEqualTo(204);
        List<String> readable = List.of(
                staffB.text("/api/contacts/" + erasedContact, adminB),
                staffB.text("/api/contacts/" + erasedContact + "/export", adminB),
                staffB.text("/api/contacts?query=erase-me", adminB),
                staffB.text("/api/analytics/export.csv", adminB),
                staffB.text("/api/analytics/knowledge-gaps", adminB),
                staffB.text("/api/agent/conversations/" + erased.string("id"), adminB),
                staffB.text("/api/agent/conversations/" + erased.string("id") + "/contact", adminB),
                staffB.text("/api/admin/audit?target=contact:" + erasedContact, adminB),
                staffB.text("/api/recovery/tasks", adminB),
                staffB.text("/api/agent/search?text=quokkalicious", adminB));
        for (String body : readable) {
            assertThat(body).doesNotContain("quokkalicious").doesNotContain("ann@example.com").doesNotContain("Name of erase-me-user");
        }
        assertThat(staffB.text("/api/agent/search?text=quokkalicious", adminB)).doesNotContain(erased.string("id"));
        assertThat(filesB.get(photoPath, erased.string("token")).status()).isEqualTo(404);
        assertThat(staffB.get("/api/contacts/" + erasedContact, adminB).status()).isEqualTo(404);
        assertThat(staffB.get("/api/contacts/" + erasedContact + "/export", adminB).status()).isEqualTo(404);
        Reply transcript = customerB.messages(erased.string("id"), erased.string("token"), 0);
        assertThat(transcript.toString()).doesNotContain("quokkalicious");
        List<Map<String, Object>> events = transcript.list("messages");
        assertThat(events).hasSize(eventsBefore + 1);
        assertThat(events).extracting(m -> ((Number) m.get("seq")).intValue())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, eventsBefore + 1).boxed().toList());
        assertThat(events.get(events.size() - 1)).containsEntry("type", "TRANSCRIPT_REDACTED");
        assertThat(staffB.text("/api/admin/audit?target=contact:" + erasedContact, adminB))
                .contains("contact.erased").contains("\"actor\":\"admin\"");

        assertThat(staffB.text("/api/contacts/" + keptContact + "/export", adminB)).contains("pelicanesque").contains("Name of keep-me-user");
        assertThat(staffA.text("/api/analytics/export.csv", adminA)).contains("pelicanesque").doesNotContain("quokkalicious");
        assertThat(customerA.messages(kept.string("id"), kept.string("token"), 0).toString()).contains("pelicanesque");
    }
}
