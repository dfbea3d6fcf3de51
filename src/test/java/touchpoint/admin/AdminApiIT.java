package touchpoint.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static touchpoint.admin.AdminClient.faqJson;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import touchpoint.admin.AdminClient.Reply;
import touchpoint.testing.CustomerClient;

/** HTTP calls commit on server threads, so the test method must not hold its own transaction. */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.fake-knowledge", value = "true")
@Property(name = "touchpoint.admin.seed-on-start", value = "false")
class AdminApiIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Inject
    JwtTokenGenerator tokens;

    @Inject
    FakeKnowledge engine;

    @Inject
    AuditLog auditLog;

    AdminClient admin;

    @BeforeEach
    void setUp() {
        admin = new AdminClient(http.toBlocking(), json, tokens, "alice", "ADMIN");
    }

    private Reply create(String id, String title, String question, String body) {
        Reply r = admin.post("/api/admin/faqs", faqJson(id, title, question, body));
        assertThat(r.status()).as("create %s: %s", id, r.body()).isEqualTo(201);
        return r;
    }

    // ---- roles

    @ParameterizedTest
    @CsvSource({
        "GET,/api/admin/faqs",
        "GET,/api/admin/audit",
        "POST,/api/admin/faqs",
        "POST,/api/admin/knowledge/test",
        "POST,/api/admin/knowledge/preview",
        "GET,/api/admin/knowledge/export",
    })
    void should_refuse_anonymous_with_401_and_agents_with_403(String method, String path) {
        AdminClient anonymous = new AdminClient(http.toBlocking(), json, tokens, null);
        AdminClient agent = new AdminClient(http.toBlocking(), json, tokens, "bob", "AGENT");

        Reply a = method.equals("GET") ? anonymous.get(path) : anonymous.post(path, "{}");
        Reply b = method.equals("GET") ? agent.get(path) : agent.post(path, "{}");

        assertThat(a.status()).isEqualTo(401);
        assertThat(b.status()).isEqualTo(403);
    }

    @Test
    void should_let_admins_list_faqs() {
        Reply list = admin.get("/api/admin/faqs");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.map()).containsKeys("items", "tags", "teams");
    }

    // ---- create, publish, customers

    @Test
    void should_create_a_draft_that_customers_get_only_after_publishing() {
        Reply created = create("gift-wrap", "Do you offer gift wrapping?", "can you gift wrap my order", "Yes, for **£3**.");
        assertThat(created.map()).containsEntry("status", "draft").containsEntry("revision", 1).containsEntry("publishedRevision", null)
                .containsEntry("updatedBy", "alice");
        assertThat(engine.served("gift-wrap")).isEmpty();

        Reply published = admin.post("/api/admin/faqs/gift-wrap/publish", null);

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.map()).containsEntry("status", "published").containsEntry("publishedRevision", 1);
        assertThat(engine.calls).contains("publish:gift-wrap@1");
        assertThat(engine.served("gift-wrap")).get().extracting(FaqDocument::body).isEqualTo("Yes, for **£3**.");

        CustomerClient customer = new CustomerClient(http.toBlocking());
        CustomerClient.Reply c = customer.start(null);
        CustomerClient.Reply answer = customer.say(c.string("id"), c.string("token"), "m1", "Can you gift wrap my order?");
        assertThat(answer.list("replies").get(0)).containsEntry("kind", "answer").containsEntry("faqId", "gift-wrap");
    }

    @Test
    void should_derive_the_id_from_the_title_when_none_is_given() {
        Reply created = create(null, "Can I pay with Klarna?", "klarna payments", "Yes.");

        assertThat(created.map()).containsEntry("id", "can-i-pay-with-klarna");
        assertThat(admin.get("/api/admin/faqs/can-i-pay-with-klarna").status()).isEqualTo(200);
    }

    @Test
    void should_keep_serving_the_published_revision_while_a_newer_draft_is_edited() {
        create("opening", "When are you open?", "opening hours", "9 to 5.");
        admin.post("/api/admin/faqs/opening/publish", null);

        Reply edited = admin.put("/api/admin/faqs/opening", "{\"title\":\"When are you open?\",\"questions\":[\"opening hours\"],"
                + "\"body\":\"8 to 6.\",\"revision\":1}");

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.map()).containsEntry("status", "draft").containsEntry("revision", 2).containsEntry("publishedRevision", 1);
        assertThat(engine.served("opening")).get().extracting(FaqDocument::body).isEqualTo("9 to 5.");
        assertThat(admin.post("/api/admin/faqs/opening/publish", "{\"revision\":2}").map()).containsEntry("status", "published");
        assertThat(engine.served("opening")).get().extracting(FaqDocument::body).isEqualTo("8 to 6.");
    }

    // ---- validation and conflicts

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"questions\":[\"q\"],\"body\":\"b\"}|title",
        "{\"title\":\"t\",\"questions\":[\"q\"],\"body\":\"   \"}|body",
        "{\"title\":\"t\",\"questions\":\"q\",\"body\":\"b\"}|questions",
        "{\"id\":\"Bad Id!\",\"title\":\"t\",\"questions\":[\"q\"],\"body\":\"b\"}|id",
        "{\"id\":\"dupes\",\"title\":\"t\",\"questions\":[\"same\",\"Same\"],\"body\":\"b\"}|questions",
        "{\"id\":\"team\",\"title\":\"t\",\"questions\":[\"q\"],\"team\":\"<b>\",\"body\":\"b\"}|team",
        "{\"title\":\"t\",\"questions\":[\"q\"],\"body\":\"b\",\"status\":\"published\"}|status",
    })
    void should_name_the_field_at_fault(String body, String field) {
        Reply r = admin.post("/api/admin/faqs", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.map()).containsEntry("field", field).containsEntry("status", 400);
    }

    @Test
    void should_refuse_an_edit_based_on_a_stale_revision_with_409() {
        create("stale", "Stale?", "is it stale", "v1");
        String edit = "{\"title\":\"Stale?\",\"questions\":[\"is it stale\"],\"body\":\"%s\",\"revision\":%d}";
        assertThat(admin.put("/api/admin/faqs/stale", edit.formatted("v2 by alice", 1)).status()).isEqualTo(200);

        Reply late = admin.put("/api/admin/faqs/stale", edit.formatted("v2 by bob", 1));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.map()).containsEntry("field", "revision");
        assertThat(admin.get("/api/admin/faqs/stale").map()).containsEntry("body", "v2 by alice").containsEntry("revision", 2);
        assertThat(admin.put("/api/admin/faqs/stale", "{\"title\":\"Stale?\",\"questions\":[],\"body\":\"x\"}").map())
                .containsEntry("field", "revision");
        assertThat(admin.post("/api/admin/faqs/stale/publish", "{\"revision\":1}").status()).isEqualTo(409);
    }

    @Test
    void should_refuse_creating_an_id_that_exists() {
        create("twice", "Twice", "twice", "b");

        assertThat(admin.post("/api/admin/faqs", faqJson("twice", "Twice", "twice", "b")).status()).isEqualTo(409);
    }

    @Test
    void should_answer_404_for_unknown_faqs() {
        assertThat(admin.get("/api/admin/faqs/nope").status()).isEqualTo(404);
        assertThat(admin.post("/api/admin/faqs/nope/publish", null).status()).isEqualTo(404);
        assertThat(admin.get("/api/admin/faqs/nope/revisions").status()).isEqualTo(404);
    }

    // ---- revisions, restore, delete

    @Test
    void should_list_revisions_with_diffs_and_restore_an_old_one_as_a_new_draft() {
        create("history", "Old title", "history question", "line one\nline two");
        admin.put("/api/admin/faqs/history", "{\"title\":\"New title\",\"questions\":[\"history question\"],"
                + "\"body\":\"line one\\nline 2\",\"revision\":1}");

        Reply revisions = admin.get("/api/admin/faqs/history/revisions");
        assertThat(revisions.list()).extracting(r -> r.get("revision")).containsExactly(2, 1);
        Map<String, Object> latest = revisions.list().get(0);
        assertThat(latest).containsEntry("action", "edited").containsEntry("author", "alice");
        assertThat(latest.get("changes").toString()).contains("field=title", "before=Old title", "after=New title");
        assertThat((List<?>) latest.get("bodyDiff")).hasSize(3);
        assertThat(latest.get("bodyDiff").toString()).contains("op==, text=line one", "op=-, text=line two", "op=+, text=line 2");

        Reply restored = admin.post("/api/admin/faqs/history/revisions/1/restore", null);

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.map()).containsEntry("revision", 3).containsEntry("title", "Old title")
                .containsEntry("body", "line one\nline two").containsEntry("status", "draft");
        assertThat(admin.get("/api/admin/faqs/history/revisions").list().get(0)).containsEntry("action", "restored");
        assertThat(admin.post("/api/admin/faqs/history/revisions/9/restore", null).status()).isEqualTo(404);
    }

    @Test
    void should_soft_delete_keeping_history_and_stop_serving_it() {
        create("doomed", "Doomed", "doomed question", "b");
        admin.post("/api/admin/faqs/doomed/publish", null);
        assertThat(engine.served("doomed")).isPresent();

        assertThat(admin.delete("/api/admin/faqs/doomed").status()).isEqualTo(204);

        assertThat(engine.served("doomed")).isEmpty();
        assertThat(engine.calls).contains("withdraw:doomed");
        assertThat(admin.get("/api/admin/faqs/doomed").status()).isEqualTo(404);
        assertThat(admin.get("/api/admin/faqs").list("items")).extracting(i -> i.get("id")).doesNotContain("doomed");
        assertThat(admin.get("/api/admin/faqs?deleted=true").list("items")).extracting(i -> i.get("id")).contains("doomed");
        assertThat(admin.get("/api/admin/faqs/doomed/revisions").list()).hasSize(1);

        Reply back = admin.post("/api/admin/faqs/doomed/revisions/1/restore", null);
        assertThat(back.map()).containsEntry("deleted", false).containsEntry("status", "draft").containsEntry("revision", 2);
        assertThat(engine.served("doomed")).isEmpty();
    }

    // ---- search

    @Test
    void should_filter_by_text_tag_team_and_status() {
        admin.post("/api/admin/faqs", "{\"id\":\"filter-a\",\"title\":\"Parcel lockers\",\"questions\":[\"locker\"],"
                + "\"tags\":[\"delivery\"],\"team\":\"logistics\",\"body\":\"Zebra.\"}");
        admin.post("/api/admin/faqs", "{\"id\":\"filter-b\",\"title\":\"Vouchers\",\"questions\":[\"voucher\"],"
                + "\"tags\":[\"payments\"],\"team\":\"billing\",\"body\":\"b\"}");
        admin.post("/api/admin/faqs/filter-b/publish", null);

        assertThat(ids(admin.get("/api/admin/faqs?q=zebra"))).containsExactly("filter-a");
        assertThat(ids(admin.get("/api/admin/faqs?tag=delivery"))).containsExactly("filter-a");
        assertThat(ids(admin.get("/api/admin/faqs?team=billing"))).containsExactly("filter-b");
        assertThat(ids(admin.get("/api/admin/faqs?status=published&q=voucher"))).containsExactly("filter-b");
        assertThat(admin.get("/api/admin/faqs").map().get("teams").toString()).contains("billing", "logistics");
    }

    private static List<Object> ids(Reply r) {
        return r.list("items").stream().map(i -> i.get("id")).toList();
    }

    // ---- test a question, preview

    @Test
    void should_show_the_draft_and_live_decisions_side_by_side() {
        create("bike-storage", "Can I store my bike?", "where can i store my bike", "In the shed.");

        Reply r = admin.post("/api/admin/knowledge/test", "{\"text\":\"where can I store my bike\",\"faqId\":\"bike-storage\"}");

        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> draft = (Map<String, Object>) r.get("draft");
        Map<String, Object> live = (Map<String, Object>) r.get("live");
        assertThat(draft).containsEntry("outcome", "answer").containsEntry("citedFaqIds", List.of("bike-storage"));
        assertThat(draft.get("candidates").toString()).contains("faqId=bike-storage", "score=1.0");
        assertThat(live).containsEntry("outcome", "fallback");
        assertThat(admin.post("/api/admin/knowledge/test", "{\"text\":\"\"}").map()).containsEntry("field", "text");
    }

    @Test
    void should_render_a_sanitized_preview() {
        Reply r = admin.post("/api/admin/knowledge/preview",
                "{\"body\":\"**Bold** [x](javascript:alert(1)) <script>alert(1)</script><img src=x onerror=alert(1)>\"}");

        assertThat(r.status()).isEqualTo(200);
        String html = (String) r.get("html");
        assertThat(html).contains("<strong>Bold</strong>").doesNotContain("<script", "javascript:", "onerror");
    }

    // ---- import and export

    @Test
    void should_import_the_good_files_and_report_the_bad_one() throws IOException {
        byte[] zip = zip(Map.of(
                "faqs/one.md", "---\nid: import-one\ntitle: One\nquestions: [\"first\"]\ntags: [a]\n---\nBody one.\n",
                "faqs/two.md", "---\nid: import-two\ntitle: Two\nquestions:\n  - second\n---\nBody two.\n",
                "faqs/broken.md", "---\nid: import-broken\ntitle: [unclosed\n---\nBody.\n",
                "faqs/empty-body.md", "---\nid: import-empty\ntitle: Empty\n---\n\n",
                "README.txt", "not an FAQ"));

        Reply r = admin.upload("/api/admin/knowledge/import", zip);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.map()).containsEntry("created", 2).containsEntry("failed", 2).containsEntry("source", "upload");
        Map<String, Map<String, Object>> byFile = new LinkedHashMap<>();
        r.list("files").forEach(f -> byFile.put((String) f.get("file"), f));
        assertThat(byFile.get("faqs/broken.md")).containsEntry("outcome", "error").containsEntry("line", 3);
        assertThat((String) byFile.get("faqs/broken.md").get("error")).startsWith("bad YAML");
        assertThat(byFile.get("faqs/empty-body.md")).containsEntry("outcome", "error");
        assertThat((String) byFile.get("faqs/empty-body.md").get("error")).contains("empty body");
        assertThat(admin.get("/api/admin/faqs/import-one").map()).containsEntry("status", "draft").containsEntry("body", "Body one.");
        assertThat(admin.get("/api/admin/faqs/import-two").status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/knowledge/import", zip).map()).containsEntry("unchanged", 2).containsEntry("created", 0);
    }

    @Test
    void should_refuse_an_upload_that_is_not_a_zip() {
        Reply r = admin.upload("/api/admin/knowledge/import", "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void should_export_files_that_import_back_unchanged() throws IOException {
        admin.post("/api/admin/faqs", "{\"id\":\"round-trip\",\"title\":\"Quotes \\\"and\\\": colons?\",\"questions\":[\"no\",\"yes: really\",\"# hash\"],"
                + "\"tags\":[\"a b\",\"on\"],\"team\":\"support\",\"locale\":\"de-CH\",\"body\":\"---\\nStarts with a rule.\\n\\n- item\"}");

        Reply export = admin.get("/api/admin/knowledge/export");

        assertThat(export.status()).isEqualTo(200);
        Map<String, String> files = unzip(export.bytes());
        assertThat(files).containsKey("round-trip.md");
        FaqFiles.Parsed parsed = FaqFiles.read(files.get("round-trip.md"));
        assertThat(parsed.ok()).as(String.valueOf(parsed.problem())).isTrue();
        assertThat(parsed.faq().questions()).containsExactly("no", "yes: really", "# hash");
        assertThat(parsed.faq().tags()).containsExactly("a b", "on");
        assertThat(parsed.faq().locale()).isEqualTo("de-CH");
        assertThat(parsed.faq().body()).isEqualTo("---\nStarts with a rule.\n\n- item");

        Reply reimport = admin.upload("/api/admin/knowledge/import", export.bytes());
        assertThat(reimport.map()).containsEntry("failed", 0).containsEntry("created", 0).containsEntry("updated", 0);
    }

    // ---- audit

    @Test
    void should_record_who_changed_what_and_accept_entries_from_other_features() {
        create("audited", "Audited", "audited question", "b");
        admin.post("/api/admin/faqs/audited/publish", null);
        auditLog.record("carol", "user.created", "user:dave", "role AGENT");

        Reply faqAudit = admin.get("/api/admin/audit?target=faq:audited");
        Reply all = admin.get("/api/admin/audit?limit=1");

        assertThat(faqAudit.list("entries")).extracting(e -> e.get("action")).containsExactly("faq.published", "faq.created");
        assertThat(faqAudit.list("entries")).allSatisfy(e -> assertThat(e).containsEntry("actor", "alice").containsKey("at"));
        assertThat(all.list("entries")).hasSize(1);
        assertThat(admin.get("/api/admin/audit?limit=0").status()).isEqualTo(400);
        assertThat(all.list("entries").get(0)).containsEntry("action", "user.created").containsEntry("actor", "carol");
    }

    // ---- the editor page

    @Test
    void should_serve_the_editor_page_and_its_assets_without_inline_script() {
        AdminClient anonymous = new AdminClient(http.toBlocking(), json, tokens, null);

        Reply page = anonymous.get("/admin/faqs.html");

        assertThat(page.status()).isEqualTo(200);
        String html = new String(page.bytes(), StandardCharsets.UTF_8);
        assertThat(html).contains("<script src=\"/assets/admin/faqs.js\" type=\"module\"></script>");
        assertThat(html.replace("<script src=\"/assets/admin/faqs.js\" type=\"module\"></script>", "")).doesNotContain("<script", " onclick=", " onload=", "style=\"");
        assertThat(anonymous.get("/assets/admin/faqs.js").status()).isEqualTo(200);
        assertThat(anonymous.get("/assets/session.js").status()).isEqualTo(200);
        assertThat(anonymous.get("/assets/admin/admin.css").status()).isEqualTo(200);
    }

    // ---- helpers

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
