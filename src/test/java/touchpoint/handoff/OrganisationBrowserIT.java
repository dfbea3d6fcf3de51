package touchpoint.handoff;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import touchpoint.testing.Chromium;
import touchpoint.testing.ChromiumExtension;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

/**
 * An admin builds a team on the Teams page (parent, route, target, hours, member, archive), and a supervisor moves
 * a waiting conversation of their team to an agent from the Supervision page.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = StaffClient.ADMIN_PASSWORD)
class OrganisationBrowserIT {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void should_let_an_admin_build_a_sub_team_with_a_route_hours_a_target_and_a_member_and_archive_it() {
        StaffClient staff = new StaffClient(http.toBlocking());
        String admin = staff.adminToken();
        staff.createAgent(admin, "tessa", List.of("support"));
        try (BrowserContext context = chromium.newContext(1300, 1000)) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/admin/users.html");
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Teams")).click();
            ChromiumExtension.signInAsAdmin(page, StaffClient.ADMIN_PASSWORD);

            page.locator("#new-name").fill("Night desk");
            page.locator("#new-parent").selectOption("support");
            page.locator("#create button[type=submit]").click();
            assertThat(page.locator("#status")).hasText("Night desk created.");
            assertThat(page.locator("#tree button[data-team=support] + span + ul button[data-team=night-desk]")).isVisible();
            assertThat(page.locator("#detail-title")).hasText("Night desk");

            page.locator("#route-kind").selectOption("touchpoint");
            page.locator("#route-key").fill("night-shop");
            page.locator("#add-route button[type=submit]").click();
            assertThat(page.locator("#routes")).containsText("touchpoint: night-shop");

            page.locator("#edit-target").fill("5");
            page.locator("#edit button[type=submit]").click();
            assertThat(page.locator("#status")).hasText("Saved.");

            page.locator("#hours-zone").fill("Europe/Berlin");
            page.locator("#opens-MONDAY").fill("09:00");
            page.locator("#closes-MONDAY").fill("17:00");
            page.locator("#hours-holidays").fill("2026-12-25");
            page.locator("#hours button[type=submit]").click();
            assertThat(page.locator("#status")).hasText("Opening hours saved.");

            page.locator("#member-pick").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Tessa (tessa)"));
            page.locator("#add-member button[type=submit]").click();
            assertThat(page.locator("#members")).containsText("Tessa (tessa)");
            Chromium.screenshot(page, "admin-teams");

            Reply team = staff.get("/api/admin/teams/night-desk", admin);
            assertThat(team.string("parentId")).isEqualTo("support");
            assertThat(team.body()).containsEntry("firstResponseTargetSeconds", 300);
            assertThat(team.map("hours")).containsEntry("timeZone", "Europe/Berlin");
            assertThat(team.list("members")).extracting(m -> m.get("username")).containsExactly("tessa");

            page.onDialog(d -> d.accept());
            page.locator("#archive").click();
            assertThat(page.locator("#tree button[data-team=night-desk]")).hasText("Night desk (archived)");
        }
    }

    @Test
    void should_let_a_supervisor_move_a_waiting_conversation_of_their_team_to_an_agent() {
        StaffClient staff = new StaffClient(http.toBlocking());
        CustomerClient customer = new CustomerClient(http.toBlocking());
        String admin = staff.adminToken();
        Reply team = staff.post("/api/admin/teams", admin, "{\"name\":\"Watch desk\"}");
        String teamId = team.string("id");
        staff.post("/api/admin/teams/" + teamId + "/routes", admin, "{\"kind\":\"touchpoint\",\"key\":\"watch-desk\"}");
        staff.put("/api/admin/teams/" + teamId, admin, "{\"firstResponseTargetSeconds\":60}");
        String agentId = staff.createAgent(admin, "wanda", List.of(teamId));
        String bossId = staff.createAgent(admin, "vera", List.of(teamId));
        staff.put("/api/admin/users/" + bossId, admin, "{\"roles\":[\"SUPERVISOR\"]}");
        Reply c = customer.start("{\"touchpoint\":\"watch-desk\"}");
        customer.say(c.string("id"), c.string("token"), "m1", "talk to a person");

        try (BrowserContext context = chromium.newContext(1300, 900)) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/admin/supervisor.html");
            ChromiumExtension.signInToConsole(page, "vera", "vera-password-1");

            Locator waiting = page.locator("#waiting tr[data-conversation='" + c.string("id") + "']");
            assertThat(waiting).containsText("Watch desk");
            assertThat(waiting).containsText("target 1 min");
            assertThat(page.locator("#agents tr[data-agent='" + agentId + "']")).containsText("0 of 3");
            Chromium.screenshot(page, "supervisor-view");

            waiting.locator("select[aria-label='Move to agent']").selectOption(agentId);
            waiting.locator("button[data-reassign]").click();

            assertThat(page.locator("#status")).containsText("Moved to Watch desk, Wanda");
            assertThat(page.locator("#live tr[data-conversation='" + c.string("id") + "']")).containsText("Wanda");
            assertThat(page.locator("#agents tr[data-agent='" + agentId + "']")).containsText("1 of 3");
        }
        assertThat(customer.messages(c.string("id"), c.string("token"), 0).string("state")).isEqualTo("WITH_AGENT");
    }
}
