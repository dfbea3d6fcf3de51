package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

/**
 * The organisation edited live through the admin API: teams in a hierarchy, routes, members, roles, capacity,
 * disabling and enabling again, opening hours; and what customers, agents and supervisors see change at once.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = StaffClient.ADMIN_PASSWORD)
class OrganisationIT {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient http;

    CustomerClient customer;
    StaffClient staff;
    String admin;

    @BeforeEach
    void setUp() {
        customer = new CustomerClient(http.toBlocking());
        staff = new StaffClient(http.toBlocking());
        admin = staff.adminToken();
    }

    private static String name(String base) {
        return base + NAMES.incrementAndGet();
    }

    private String team(String name, String parentId) {
        Reply r = staff.post("/api/admin/teams", admin, "{\"name\":" + CustomerClient.quote(name)
                + (parentId == null ? "" : ",\"parentId\":" + CustomerClient.quote(parentId)) + "}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.string("id");
    }

    private void route(String team, String kind, String key) {
        Reply r = staff.post("/api/admin/teams/" + team + "/routes", admin, "{\"kind\":\"" + kind + "\",\"key\":\"" + key + "\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
    }

    /** A customer of this touchpoint who asks for a person; returns the start reply (id, token). */
    private Reply askForPerson(String touchpoint, String locale) {
        Reply c = customer.start("{\"touchpoint\":\"" + touchpoint + "\"" + (locale == null ? "" : ",\"locale\":\"" + locale + "\"") + "}");
        assertThat(customer.say(c.string("id"), c.string("token"), "p1", "talk to a person").status()).isEqualTo(200);
        return c;
    }

    private List<Map<String, Object>> waiting(String token) {
        return staff.get("/api/agent/queue", token).list("waiting");
    }

    private Map<String, Object> entry(String token, String conversationId) {
        return waiting(token).stream().filter(w -> conversationId.equals(w.get("conversationId"))).findFirst().orElseThrow();
    }

    @Test
    void should_create_rename_nest_and_audit_teams_and_refuse_a_cycle() {
        String parent = team(name("Europe "), null);
        String child = team("Billing EU", parent);

        Reply renamed = staff.put("/api/admin/teams/" + child, admin, "{\"name\":\"Billing Europe\",\"firstResponseTargetSeconds\":300}");
        Reply cycle = staff.put("/api/admin/teams/" + parent, admin, "{\"parentId\":\"" + child + "\"}");

        assertThat(child).startsWith("billing-eu");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.string("id")).isEqualTo(child);
        assertThat(renamed.string("name")).isEqualTo("Billing Europe");
        assertThat(renamed.string("parentId")).isEqualTo(parent);
        assertThat(renamed.body()).containsEntry("firstResponseTargetSeconds", 300);
        assertThat(cycle.status()).isEqualTo(400);
        String audit = http.toBlocking().retrieve(HttpRequest.GET("/api/admin/audit?target=team:" + child).bearerAuth(admin));
        assertThat(audit).contains("team.created").contains("team.changed").contains("renamed from Billing EU to Billing Europe");
    }

    @Test
    void should_show_an_agent_moved_between_teams_the_other_teams_queue_at_once() {
        String from = team(name("Lamps "), null);
        String to = team(name("Sofas "), null);
        String touchpoint = name("sofa-shop-");
        route(to, "touchpoint", touchpoint);
        String agentName = name("mover");
        String agentId = staff.createAgent(admin, agentName, List.of(from));
        String agent = staff.token(agentName, agentName + "-password-1");
        Reply c = askForPerson(touchpoint, null);
        assertThat(entry(agent, c.string("id"))).containsEntry("team", to).containsEntry("myTeam", false);

        Reply moved = staff.put("/api/admin/users/" + agentId, admin, "{\"teams\":[\"" + to + "\"]}");

        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat((List<Object>) moved.body().get("teams")).containsExactly(to);
        assertThat(entry(agent, c.string("id"))).containsEntry("myTeam", true);
    }

    @Test
    void should_change_roles_and_capacity_and_let_a_disabled_user_sign_in_again_once_enabled() {
        String username = name("carla");
        String id = staff.createAgent(admin, username, List.of("support"));

        Reply changed = staff.put("/api/admin/users/" + id, admin, "{\"roles\":[\"AGENT\",\"SUPERVISOR\"],\"capacity\":5}");
        Reply disabled = staff.put("/api/admin/users/" + id, admin, "{\"disabled\":true}");
        int whileDisabled = staff.login(username, username + "-password-1").status();
        Reply enabled = staff.put("/api/admin/users/" + id, admin, "{\"disabled\":false,\"capacity\":null}");

        assertThat(changed.body()).containsEntry("capacity", 5);
        assertThat((List<Object>) changed.body().get("roles")).containsExactly("AGENT", "SUPERVISOR");
        assertThat(disabled.body()).containsEntry("disabled", true);
        assertThat(whileDisabled).isEqualTo(401);
        assertThat(enabled.body()).containsEntry("disabled", false).doesNotContainKey("capacity");
        assertThat(staff.login(username, username + "-password-1").status()).isEqualTo(200);
    }

    @Test
    void should_route_the_waiting_conversations_of_an_archived_team_to_the_default_team() {
        String doomed = team(name("Kiosk "), null);
        String touchpoint = name("kiosk-");
        route(doomed, "touchpoint", touchpoint);
        Reply c = askForPerson(touchpoint, null);
        assertThat(entry(admin, c.string("id"))).containsEntry("team", doomed);

        Reply archived = staff.put("/api/admin/teams/" + doomed, admin, "{\"archived\":true}");

        assertThat(archived.body()).containsEntry("archived", true);
        assertThat(entry(admin, c.string("id"))).containsEntry("team", "support");
        List<Map<String, Object>> messages = customer.messages(c.string("id"), c.string("token"), 0).list("messages");
        assertThat(messages).anyMatch(m -> "CONVERSATION_TRANSFERRED".equals(m.get("type"))
                && String.valueOf(m.get("text")).contains("Support team"));
        assertThat(staff.put("/api/admin/teams/support", admin, "{\"archived\":true}").status()).isEqualTo(400);
    }

    @Test
    void should_put_a_disabled_agents_conversation_back_in_the_queue() {
        String team = team(name("Garden "), null);
        String touchpoint = name("garden-");
        route(team, "touchpoint", touchpoint);
        String username = name("gus");
        String id = staff.createAgent(admin, username, List.of(team));
        String agent = staff.token(username, username + "-password-1");
        Reply c = askForPerson(touchpoint, null);
        assertThat(staff.post("/api/agent/conversations/" + c.string("id") + "/claim", agent, null).status()).isEqualTo(200);

        staff.put("/api/admin/users/" + id, admin, "{\"disabled\":true}");

        assertThat(entry(admin, c.string("id"))).containsEntry("team", team);
        assertThat(customer.messages(c.string("id"), c.string("token"), 0).string("state")).isEqualTo("WAITING_FOR_AGENT");
    }

    @Test
    void should_tell_a_customer_outside_business_hours_when_the_team_is_back_in_its_zone_and_offer_a_message() {
        ZoneId zone = ZoneId.of("Asia/Tokyo");
        LocalDate today = LocalDate.now(zone);
        String team = team(name("Night owls "), null);
        String touchpoint = name("night-");
        route(team, "touchpoint", touchpoint);
        String days = String.join(",", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY").stream()
                .map(d -> "{\"day\":\"" + d + "\",\"opens\":\"09:00\",\"closes\":\"17:00\"}").toList());
        Reply hours = staff.put("/api/admin/teams/" + team + "/hours", admin, "{\"timeZone\":\"Asia/Tokyo\",\"weekly\":[" + days
                + "],\"holidays\":[\"" + today + "\",\"" + today.plusDays(1) + "\"]}");
        assertThat(hours.status()).as(hours.body().toString()).isEqualTo(200);
        assertThat(hours.body()).containsEntry("openNow", false);
        staff.agentToken(admin, name("owl"), List.of(team));

        Reply c = askForPerson(touchpoint, "de");

        ZonedDateTime back = today.plusDays(2).atTime(9, 0).atZone(zone);
        String expected = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(Locale.GERMAN).format(back);
        List<Map<String, Object>> messages = customer.messages(c.string("id"), c.string("token"), 0).list("messages");
        Map<String, Object> notice = messages.stream().filter(m -> "SYSTEM_NOTICE".equals(m.get("type"))).reduce((a, b) -> b).orElseThrow();
        assertThat(String.valueOf(notice.get("text"))).contains("closed right now").contains(expected).contains("Asia/Tokyo");
        assertThat((Map<String, Object>) notice.get("data")).containsEntry("notice", "outside_hours").containsEntry("offlineMessage", true);
        Reply offline = customer.exchange(HttpRequest.POST("/api/conversations/" + c.string("id") + "/offline-message",
                "{\"email\":\"night@example.com\",\"text\":\"Call me tomorrow\"}").contentType("application/json").bearerAuth(c.string("token")));
        assertThat(offline.status()).isEqualTo(202);
    }

    @Test
    void should_show_a_supervisor_of_a_parent_team_the_sub_teams_queue_let_them_add_a_note_and_refuse_other_teams() {
        String parent = team(name("Retail "), null);
        String child = team(name("Retail returns "), parent);
        String other = team(name("Wholesale "), null);
        String touchpoint = name("retail-returns-");
        route(child, "touchpoint", touchpoint);
        String boss = name("boss");
        String bossId = staff.createAgent(admin, boss, List.of(parent));
        staff.put("/api/admin/users/" + bossId, admin, "{\"roles\":[\"SUPERVISOR\"]}");
        String supervisor = staff.token(boss, boss + "-password-1");
        String plainAgent = staff.agentToken(admin, name("plain"), List.of(parent));
        Reply c = askForPerson(touchpoint, null);

        Reply overview = staff.get("/api/supervisor/overview?team=" + parent, supervisor);

        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.list("waiting")).anyMatch(w -> c.string("id").equals(w.get("conversationId")) && child.equals(w.get("team")));
        assertThat(overview.list("teams")).extracting(t -> t.get("id")).contains(parent, child).doesNotContain(other);
        assertThat(staff.get("/api/supervisor/overview?team=" + other, supervisor).status()).isEqualTo(404);
        assertThat(staff.get("/api/supervisor/overview", plainAgent).status()).isEqualTo(403);
        assertThat(staff.post("/api/supervisor/conversations/" + c.string("id") + "/reassign", plainAgent,
                "{\"team\":\"" + other + "\"}").status()).isEqualTo(403);
        assertThat(staff.get("/api/analytics/summary?teams=" + other, supervisor).status()).isEqualTo(403);
        assertThat(staff.get("/api/analytics/summary?teams=" + child, supervisor).status()).isEqualTo(200);
        Reply note = staff.post("/api/agent/conversations/" + c.string("id") + "/notes", supervisor,
                "{\"text\":\"Offer the express refund here\"}");
        assertThat(note.status()).as("a supervisor joins with a private note").isEqualTo(201);

        Reply moved = staff.post("/api/supervisor/conversations/" + c.string("id") + "/reassign", supervisor, "{\"team\":\"" + other + "\"}");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(entry(admin, c.string("id"))).containsEntry("team", other);
        assertThat(staff.post("/api/supervisor/conversations/" + c.string("id") + "/reassign", supervisor,
                "{\"team\":\"" + child + "\"}").status()).isEqualTo(404);
    }

    @Test
    void should_show_waiting_time_against_the_teams_first_response_target_in_the_queue() {
        String team = team(name("Express "), null);
        String touchpoint = name("express-");
        route(team, "touchpoint", touchpoint);
        staff.put("/api/admin/teams/" + team, admin, "{\"firstResponseTargetSeconds\":1}");
        Reply c = askForPerson(touchpoint, null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(entry(admin, c.string("id"))).containsEntry("targetSeconds", 1).containsEntry("breached", true));
    }
}
