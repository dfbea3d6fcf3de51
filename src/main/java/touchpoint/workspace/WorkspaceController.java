package touchpoint.workspace;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import touchpoint.chat.TranscriptEvent;
import touchpoint.handoff.Actor;
import touchpoint.handoff.CurrentAgent;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.JsonRequests;
import touchpoint.infra.Roles;
import touchpoint.workspace.WorkspaceApi.LabelsRequest;
import touchpoint.workspace.WorkspaceApi.LabelsResponse;
import touchpoint.workspace.WorkspaceApi.NoteRequest;

/**
 * The console's workspace: private notes, labels, search, canned replies and agents' files. Readable and writable
 * by every member of staff who works conversations; a new staff role joins by being added to {@code @Secured}.
 */
@Controller("/api/agent")
@Secured({Roles.AGENT, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Agent")
class WorkspaceController {

    private final Notes notes;
    private final Labels labels;
    private final ConversationSearch search;
    private final CannedReplies canned;
    private final Attachments attachments;
    private final CurrentAgent current;
    private final JsonRequests requests;

    WorkspaceController(Notes notes, Labels labels, ConversationSearch search, CannedReplies canned, Attachments attachments,
                        CurrentAgent current, JsonRequests requests) {
        this.notes = notes;
        this.labels = labels;
        this.search = search;
        this.canned = canned;
        this.attachments = attachments;
        this.current = current;
        this.requests = requests;
    }

    @Post("/conversations/{id}/notes")
    @Operation(summary = "Write a private note: staff see it in the transcript, the customer never does")
    HttpResponse<TranscriptEvent> note(Authentication auth, String id, @Body @Nullable JsonNode body) {
        Actor actor = current.of(auth);
        NoteRequest r = requests.read(body, NoteRequest.class);
        return HttpResponse.created(notes.add(id, actor, r.text().strip()));
    }

    @Post("/conversations/{id}/labels")
    @Operation(summary = "Add and remove labels; answers the conversation's labels after the change")
    LabelsResponse labels(Authentication auth, String id, @Body @Nullable JsonNode body) {
        Actor actor = current.of(auth);
        LabelsRequest r = requests.read(body, LabelsRequest.class);
        return new LabelsResponse(labels.change(id, actor, r.add(), r.remove()));
    }

    @Get("/labels")
    @Operation(summary = "Every label in use")
    List<String> labelsInUse(Authentication auth) {
        current.of(auth);
        return search.labelsInUse();
    }

    @Get("/search{?text,label,team,agentId,state,from,to,page}")
    @Operation(summary = "Conversations by text, label, team, agent, state and activity period (from inclusive, to exclusive), newest first, a page at a time")
    ConversationSearch.Page search(Authentication auth, @Nullable @QueryValue String text, @Nullable @QueryValue String label,
                                   @Nullable @QueryValue String team, @Nullable @QueryValue String agentId,
                                   @Nullable @QueryValue String state, @Nullable @QueryValue String from,
                                   @Nullable @QueryValue String to, @Nullable @QueryValue Integer page) {
        current.of(auth);
        return search.search(new ConversationSearch.Criteria(text, label, team, agentId, state, instant("from", from),
                instant("to", to), page == null ? 0 : page));
    }

    @Get("/conversations/{id}/canned-replies")
    @Operation(summary = "Canned replies with this conversation's values filled in")
    List<CannedReplies.Expanded> cannedReplies(Authentication auth, String id) {
        Actor actor = current.of(auth);
        return canned.expandedFor(id, actor.displayName());
    }

    @Post(value = "/conversations/{id}/attachments", consumes = {MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_JSON})
    @Operation(summary = "Send the customer an image (PNG, JPEG, GIF, WebP) or a PDF; the type is read from the content")
    HttpResponse<Attachments.Stored> attach(Authentication auth, String id, @Nullable @Part("file") CompletedFileUpload file) {
        Actor actor = current.of(auth);
        if (file == null) {
            throw new InvalidRequest("file", "send the file as the multipart field 'file'");
        }
        return HttpResponse.created(attachments.fromAgent(id, actor, bytes(file), file.getFilename()));
    }

    static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequest(field, "must be a date (2026-01-31) or an instant (2026-01-31T09:00:00Z)");
        }
    }
}
