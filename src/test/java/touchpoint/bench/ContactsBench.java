package touchpoint.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.chat.ChatService;
import touchpoint.contact.Contacts;
import touchpoint.contact.Identity;

/**
 * What contacts cost on the embedded default (H2): identifying a conversation, an agent's profile panel, the
 * dashboard's journey figures over every contact's conversations, and erasing a contact. Written to
 * target/bench/contacts.json.
 */
class ContactsBench {

    static final String PASSWORD = "contacts-bench-password-1";
    private static final int CONTACTS = Integer.getInteger("bench.contacts", 300);
    private static final int VISITS = 3;
    private static final int ERASED = 20;

    @Test
    void measure() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of("touchpoint.test.scripted-knowledge", "true",
                "touchpoint.admin-password", PASSWORD, "micronaut.server.port", "-1"), "test");
             HttpClient http = HttpClient.create(server.getURL())) {
            measure(server.getApplicationContext().getBean(ChatService.class),
                    server.getApplicationContext().getBean(Contacts.class), http.toBlocking());
        }
    }

    private void measure(ChatService chat, Contacts contacts, BlockingHttpClient client) {
        String admin = (String) client.retrieve(HttpRequest.POST("/login", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")
                .contentType(MediaType.APPLICATION_JSON), Map.class).get("access_token");
        List<Long> identify = new ArrayList<>();
        List<String> contactIds = new ArrayList<>();
        for (int c = 0; c < CONTACTS; c++) {
            String contactId = null;
            for (int v = 0; v < VISITS; v++) {
                ChatService.Started started = chat.start(v == 0 ? "help" : "checkout", "en");
                chat.send(started.id(), started.token(), "m1", c % 4 == 0 ? "xyzzy plugh" : "a question about a return");
                long t0 = System.nanoTime();
                contactId = contacts.identify(started.id(), Identity.externalId("bench", "customer-" + c));
                identify.add(System.nanoTime() - t0);
            }
            contactIds.add(contactId);
        }
        List<Long> profile = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            client.retrieve(HttpRequest.GET("/api/contacts/" + contactIds.get(i)).bearerAuth(admin), String.class);
            profile.add(System.nanoTime() - t0);
        }
        List<Long> journey = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            client.retrieve(HttpRequest.GET("/api/analytics/journey").bearerAuth(admin), String.class);
            journey.add(System.nanoTime() - t0);
        }
        List<Long> erase = new ArrayList<>();
        for (int i = 0; i < ERASED; i++) {
            long t0 = System.nanoTime();
            client.exchange(HttpRequest.DELETE("/api/contacts/" + contactIds.get(contactIds.size() - 1 - i)).bearerAuth(admin));
            erase.add(System.nanoTime() - t0);
        }
        new BenchReport()
                .put("contacts", CONTACTS).put("conversations", CONTACTS * VISITS)
                .put("identifyP50Ms", ms(identify, 0.5)).put("identifyP99Ms", ms(identify, 0.99))
                .put("profileP50Ms", ms(profile, 0.5)).put("profileP99Ms", ms(profile, 0.99))
                .put("journeyFiguresMedianMs", ms(journey, 0.5))
                .put("eraseContactOf3ConversationsP50Ms", ms(erase, 0.5)).put("eraseP99Ms", ms(erase, 0.99))
                .write("contacts.json");
    }

    private static double ms(List<Long> nanos, double q) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return Math.round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 10_000.0) / 100.0;
    }
}
