package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import touchpoint.chat.ChatService;
import touchpoint.chat.ConversationNotFound;
import touchpoint.chat.Transcript;
import touchpoint.infra.JsonRequests;
import touchpoint.infra.Roles;

/**
 * The contact of one conversation: the customer identifying at runtime ({@code Touchpoint.identify}) with their
 * conversation token, and the profile panel agents see next to the conversation.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Contacts")
class ConversationContactController {

    private final ChatService chat;
    private final Transcript transcript;
    private final WidgetIdentification widget;
    private final Contacts contacts;
    private final ContactBook book;
    private final ContactHistory history;
    private final JsonRequests requests;

    ConversationContactController(ChatService chat, Transcript transcript, WidgetIdentification widget, Contacts contacts,
                                  ContactBook book, ContactHistory history, JsonRequests requests) {
        this.chat = chat;
        this.transcript = transcript;
        this.widget = widget;
        this.contacts = contacts;
        this.book = book;
        this.history = history;
        this.requests = requests;
    }

    @Serdeable
    record IdentifyRequest(@NotBlank @Size(max = 200) String userId, @NotBlank @Size(max = 128) String userHash,
                           @Nullable @Size(max = 320) String email, @Nullable @Size(max = 200) String name) {
    }

    /** @param contactId present only when the signature matched */
    @Serdeable
    record IdentifyResponse(boolean identified, @Nullable String contactId) {
    }

    @Serdeable
    record ConversationContact(@Nullable ContactHistory.Profile profile) {
    }

    @Post("/api/conversations/{id}/identity")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The customer says who they are with the site's signature (userId, userHash = hex HMAC-SHA256); a wrong signature leaves the conversation anonymous")
    IdentifyResponse identify(String id, @Nullable @Header("Authorization") String authorization, @Body @Nullable JsonNode body) {
        chat.authorize(id, authorization);
        IdentifyRequest r = requests.read(body, IdentifyRequest.class);
        Optional<Identity> user = widget.siteUser(r.userId(), r.userHash(), id);
        if (user.isEmpty()) {
            return new IdentifyResponse(false, null);
        }
        return new IdentifyResponse(true, contacts.identify(id, user.get().named(r.name()).withEmail(r.email())));
    }

    @Get("/api/agent/conversations/{id}/contact")
    @Secured({Roles.AGENT, Roles.ADMIN})
    @Operation(summary = "The profile of the conversation's customer, or {} while they are anonymous")
    ConversationContact contact(String id) {
        if (transcript.conversation(id).isEmpty()) {
            throw new ConversationNotFound();
        }
        return new ConversationContact(transcript.contactOf(id)
                .flatMap(book::live)
                .filter(c -> c.verified() && c.erasedAt() == null)
                .map(history::profile)
                .orElse(null));
    }
}
