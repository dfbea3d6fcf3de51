package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.JsonRequests;
import touchpoint.infra.Roles;

/** Contacts for agents and admins; export and erasure for admins only. */
@Controller("/api/contacts")
@Secured({Roles.AGENT, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Contacts")
class ContactController {

    // Attribute names and values are labels, not documents.
    private static final int MAX_ATTRIBUTES = 50;
    private static final int MAX_KEY = 100;
    private static final int MAX_VALUE = 500;
    private static final int SEARCH_LIMIT = 50;

    private final ContactBook book;
    private final Contacts contacts;
    private final ContactHistory history;
    private final ContactPrivacy privacy;
    private final JsonRequests requests;

    ContactController(ContactBook book, Contacts contacts, ContactHistory history, ContactPrivacy privacy,
                      JsonRequests requests) {
        this.book = book;
        this.contacts = contacts;
        this.history = history;
        this.privacy = privacy;
        this.requests = requests;
    }

    @Serdeable
    record AttributesRequest(@NotNull @Size(max = MAX_ATTRIBUTES) Map<String, String> attributes) {
    }

    @Get("{?query}")
    @Operation(summary = "Known contacts whose name, e-mail or identity contains the query, most recently active first")
    List<Contact> search(@Nullable @QueryValue @Size(max = 200) String query) {
        return book.search(query, SEARCH_LIMIT).stream().map(book::view).toList();
    }

    @Get("/{id}")
    @Operation(summary = "A contact's profile: who they are, their conversations on every channel with outcome and scores, recovery tasks")
    ContactHistory.Profile profile(String id) {
        return history.profile(live(id));
    }

    @Get("/{id}/journey")
    @Operation(summary = "The contact's journey: conversations, FAQs answered, hand-offs, survey answers, recovery tasks, in time order")
    ContactHistory.Journey journey(String id) {
        return history.journey(live(id));
    }

    @Put("/{id}/attributes")
    @Operation(summary = "Set custom attributes {attributes: {plan: enterprise, vip: true}}; an empty value removes one")
    Contact attributes(String id, @Body @Nullable JsonNode body) {
        AttributesRequest r = requests.read(body, AttributesRequest.class);
        r.attributes().forEach((k, v) -> {
            if (k == null || k.isBlank() || k.length() > MAX_KEY) {
                throw new InvalidRequest("attributes", "names must be 1 to " + MAX_KEY + " characters");
            }
            if (v != null && v.length() > MAX_VALUE) {
                throw new InvalidRequest("attributes." + k, "at most " + MAX_VALUE + " characters");
            }
        });
        return contacts.setAttributes(id, r.attributes());
    }

    @Get("/{id}/export")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Everything held about the contact as one JSON document (profile, transcripts, survey answers, tasks)")
    HttpResponse<ContactPrivacy.Export> export(String id, Authentication user) {
        return HttpResponse.ok(privacy.export(id, user.getName()))
                .header("Content-Disposition", "attachment; filename=\"contact-" + id.replaceAll("[^A-Za-z0-9-]", "") + ".json\"");
    }

    @Delete("/{id}")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Erase the contact: message texts and personal fields removed everywhere, events kept as tombstones")
    HttpResponse<Void> erase(String id, Authentication user) {
        privacy.erase(id, user.getName());
        return HttpResponse.noContent();
    }

    private ContactRow live(String id) {
        return book.live(id).filter(c -> c.erasedAt() == null).orElseThrow(ContactNotFound::new);
    }
}
