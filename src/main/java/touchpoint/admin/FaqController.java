package touchpoint.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import touchpoint.admin.AdminApi.FaqInput;
import touchpoint.admin.AdminApi.FaqJson;
import touchpoint.admin.AdminApi.FaqList;
import touchpoint.admin.AdminApi.FaqSummary;
import touchpoint.admin.AdminApi.PublishRequest;
import touchpoint.admin.AdminApi.Revision;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.JsonRequests;

/** Editing the knowledge base: FAQs, their revisions, publishing. */
@Controller("/api/admin/faqs")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Admin: FAQs")
class FaqController {

    private final FaqStore store;
    private final JsonRequests requests;

    FaqController(FaqStore store, JsonRequests requests) {
        this.store = store;
        this.requests = requests;
    }

    @Get("{?q,tag,team,status,deleted}")
    @Operation(summary = "FAQs (without bodies), filtered by text, tag, team, status; deleted ones only with deleted=true")
    FaqList list(@Nullable @QueryValue String q, @Nullable @QueryValue String tag, @Nullable @QueryValue String team,
                 @Nullable @QueryValue FaqStatus status, @Nullable @QueryValue Boolean deleted) {
        boolean wantDeleted = Boolean.TRUE.equals(deleted);
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        TreeSet<String> tags = new TreeSet<>();
        TreeSet<String> teams = new TreeSet<>();
        List<FaqSummary> items = new ArrayList<>();
        for (FaqStore.FaqState s : store.all()) {
            if (s.row().deleted() != wantDeleted) {
                continue;
            }
            tags.addAll(s.head().tags());
            if (s.head().team() != null) {
                teams.add(s.head().team());
            }
            if ((tag == null || s.head().tags().contains(tag)) && (team == null || team.equals(s.head().team()))
                    && (status == null || s.row().status() == status) && matches(s.head(), needle)) {
                items.add(FaqSummary.of(s));
            }
        }
        return new FaqList(items, List.copyOf(tags), List.copyOf(teams));
    }

    @Post
    @Operation(summary = "Create an FAQ as a draft; the id is derived from the title when not given")
    HttpResponse<FaqJson> create(@Body @Nullable JsonNode body, Authentication user) {
        FaqInput in = requests.read(body, FaqInput.class);
        String id = in.id() == null || in.id().isBlank() ? slug(in.title()) : in.id();
        FaqJson created = FaqJson.of(store.create(document(id, in), user.getName()));
        return HttpResponse.created(created, URI.create("/api/admin/faqs/" + id));
    }

    @Get("/{id}")
    @Operation(summary = "One FAQ's newest revision, with its status")
    FaqJson get(String id) {
        return store.find(id).filter(s -> !s.row().deleted()).map(FaqJson::of).orElseThrow(() -> FaqStore.notFound(id));
    }

    @Put("/{id}")
    @Operation(summary = "Save a new draft revision; 409 when the FAQ changed since the given revision")
    FaqJson update(String id, @Body @Nullable JsonNode body, Authentication user) {
        FaqInput in = requests.read(body, FaqInput.class);
        if (in.id() != null && !in.id().equals(id)) {
            throw new InvalidRequest("id", "does not match the FAQ in the path; ids cannot be changed");
        }
        if (in.revision() == null) {
            throw new InvalidRequest("revision", "is required: send the revision your edit is based on");
        }
        return FaqJson.of(store.update(id, document(id, in), in.revision(), user.getName()));
    }

    @Delete("/{id}")
    @Operation(summary = "Soft delete: customers stop getting it; its history stays and can be restored")
    HttpResponse<Void> delete(String id, Authentication user) {
        store.delete(id, user.getName());
        return HttpResponse.noContent();
    }

    @Post("/{id}/publish")
    @Operation(summary = "Make the newest revision live on every instance; optional body {revision} guards against publishing unseen edits")
    FaqJson publish(String id, @Body @Nullable JsonNode body, Authentication user) {
        Long revision = body == null || body.isNull() ? null : requests.read(body, PublishRequest.class).revision();
        return FaqJson.of(store.publish(id, revision, user.getName()));
    }

    @Get("/{id}/revisions")
    @Operation(summary = "Every revision, newest first, each with its field changes and body diff against the previous one")
    List<Revision> revisions(String id) {
        List<RevisionRow> rows = store.history(id);
        Long live = store.find(id).map(s -> s.row().live() ? s.row().publishedRevision() : null).orElse(null);
        List<Revision> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            FaqDocument doc = store.document(rows.get(i));
            FaqDocument previous = i + 1 < rows.size() ? store.document(rows.get(i + 1)) : null;
            RevisionRow r = rows.get(i);
            out.add(new Revision(r.revision(), r.action(), r.author(), r.createdAt(), Objects.equals(live, r.revision()),
                    doc.title(), doc.questions(), doc.tags(), doc.team(), doc.locale(), doc.body(),
                    RevisionDiff.fields(previous, doc), RevisionDiff.body(previous, doc)));
        }
        return out;
    }

    @Post("/{id}/revisions/{revision}/restore")
    @Operation(summary = "Write an old revision's content as a new draft revision (also undeletes)")
    FaqJson restore(String id, long revision, Authentication user) {
        return FaqJson.of(store.restore(id, revision, user.getName()));
    }

    private static FaqDocument document(String id, FaqInput in) {
        return new FaqDocument(id, in.title().strip(), in.questions().stream().map(q -> q == null ? null : q.strip()).toList(),
                in.tags() == null ? List.of() : in.tags().stream().map(t -> t == null ? null : t.strip()).toList(),
                in.team() == null || in.team().isBlank() ? null : in.team().strip(), in.locale(), in.body().strip(), 0);
    }

    private static boolean matches(FaqDocument d, String needle) {
        if (needle.isEmpty()) {
            return true;
        }
        return d.id().contains(needle) || d.title().toLowerCase(Locale.ROOT).contains(needle)
                || d.questions().stream().anyMatch(q -> q.toLowerCase(Locale.ROOT).contains(needle))
                || d.body().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** "How do I cancel my order?" → "how-do-i-cancel-my-order". */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 80) {
            s = s.substring(0, 80).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "faq" : s;
    }
}
