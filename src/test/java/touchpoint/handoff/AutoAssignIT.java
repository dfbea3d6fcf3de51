package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

/** Automatic assignment: online agents of the right team, round-robin, within their capacity. */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = StaffClient.ADMIN_PASSWORD)
@Property(name = "touchpoint.handoff.max-conversations-per-agent", value = "1")
@Property(name = "touchpoint.handoff.waiting-notice-interval", value = "1s")
class AutoAssignIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    PresenceRepository presence;

    private List<Map<String, Object>> replies(Reply r) {
        List<Map<String, Object>> list = r.list("replies");
        return list == null ? List.of() : list;
    }

    @Test
    void should_share_requests_round_robin_within_capacity_among_the_online_agents_of_the_team_and_make_them_wait_when_everyone_is_full() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        StaffClient staff = new StaffClient(http.toBlocking());
        String admin = staff.adminToken();
        String ann = staff.agentToken(admin, "ann", List.of("billing"));
        String ben = staff.agentToken(admin, "ben", List.of("billing"));
        String offTeam = staff.agentToken(admin, "carl", List.of("delivery"));
        staff.online(ann);
        staff.online(ben);
        staff.online(offTeam);

        Reply first = customer.start("{\"touchpoint\":\"checkout\"}");
        Reply second = customer.start("{\"touchpoint\":\"checkout\"}");
        Reply third = customer.start("{\"touchpoint\":\"checkout\"}");
        Reply r1 = customer.say(first.string("id"), first.string("token"), "m1", "talk to a person");
        Reply r2 = customer.say(second.string("id"), second.string("token"), "m1", "talk to a person");
        Reply r3 = customer.say(third.string("id"), third.string("token"), "m1", "talk to a person");

        Map<String, Object> joined1 = replies(r1).stream().filter(m -> "AGENT_JOINED".equals(m.get("type"))).findFirst().orElseThrow();
        Map<String, Object> joined2 = replies(r2).stream().filter(m -> "AGENT_JOINED".equals(m.get("type"))).findFirst().orElseThrow();
        assertThat(List.of(joined1.get("text"), joined2.get("text"))).containsExactlyInAnyOrder("Ann has joined the conversation.", "Ben has joined the conversation.");
        assertThat(replies(r3)).extracting(m -> m.get("type")).doesNotContain("AGENT_JOINED").contains("SYSTEM_NOTICE");
        Map<String, Object> notice = replies(r3).stream().filter(m -> "SYSTEM_NOTICE".equals(m.get("type"))).findFirst().orElseThrow();
        assertThat(notice.get("data").toString()).contains("notice=queue").contains("position=1");

        // Ann finishes one conversation: the waiting one goes to her at once.
        String annsConversation = joined1.get("text").toString().startsWith("Ann") ? first.string("id") : second.string("id");
        assertThat(staff.post("/api/agent/conversations/" + annsConversation + "/resolve", ann, null).status()).isEqualTo(200);
        List<Map<String, Object>> messages = customer.messages(third.string("id"), third.string("token"), 0).list("messages");
        assertThat(messages).anyMatch(m -> "Ann has joined the conversation.".equals(m.get("text")));
    }

    @Test
    void should_count_an_online_agent_as_offline_until_the_next_heartbeat_takes_the_waiting_conversation_when_their_heartbeat_went_stale() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        StaffClient staff = new StaffClient(http.toBlocking());
        String admin = staff.adminToken();
        String id = staff.createAgent(admin, "stan", List.of("orders"));
        String stan = staff.token("stan", "stan-password-1");
        staff.online(stan);
        PresenceRow row = presence.findById(id).orElseThrow();
        presence.update(new PresenceRow(id, row.status(), row.lastHeartbeatAt().minusSeconds(120), row.lastAssignedAt()));

        Reply c = customer.start("{\"touchpoint\":\"orders\"}");
        Reply asked = customer.say(c.string("id"), c.string("token"), "m1", "talk to a person");

        assertThat(replies(asked)).extracting(m -> m.get("type")).doesNotContain("AGENT_JOINED");
        assertThat(replies(asked).stream().filter(m -> "SYSTEM_NOTICE".equals(m.get("type"))).findFirst().orElseThrow().get("data").toString())
                .contains("notice=no_agent_online");
        assertThat(staff.get("/api/agent/queue", stan).string("presence")).isEqualTo("offline");

        staff.online(stan);

        List<Map<String, Object>> messages = customer.messages(c.string("id"), c.string("token"), 0).list("messages");
        assertThat(messages).anyMatch(m -> "Stan has joined the conversation.".equals(m.get("text")));
    }

    @Test
    void should_send_a_queue_notice_at_most_once_per_interval_when_a_waiting_customer_keeps_writing() throws Exception {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        Reply c = customer.start("{\"touchpoint\":\"returns\"}");
        customer.say(c.string("id"), c.string("token"), "m1", "talk to a person");

        Reply soon = customer.say(c.string("id"), c.string("token"), "m2", "hello?");
        Thread.sleep(1100);
        Reply later = customer.say(c.string("id"), c.string("token"), "m3", "anyone there?");

        assertThat(replies(soon)).isEmpty();
        assertThat(replies(later)).extracting(m -> m.get("type")).containsExactly("SYSTEM_NOTICE");
    }
}
