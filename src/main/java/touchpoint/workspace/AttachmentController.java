package touchpoint.workspace;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import touchpoint.chat.ChatService;
import touchpoint.handoff.CurrentAgent;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.Roles;

/**
 * Files in a conversation, for the customer (their conversation token) and, to read, for staff (a JWT). A file
 * is served as what its content was detected to be, never as HTML: {@code nosniff}, a sandboxing CSP, and PDFs
 * as downloads.
 */
@Controller("/api/conversations/{id}/attachments")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Customer")
class AttachmentController {

    /** Staff roles that may read any conversation's files; a new staff role joins here. */
    private static final Set<String> STAFF = Set.of(Roles.AGENT, Roles.ADMIN);

    private final Attachments attachments;
    private final ChatService chat;
    private final CurrentAgent current;

    AttachmentController(Attachments attachments, ChatService chat, CurrentAgent current) {
        this.attachments = attachments;
        this.chat = chat;
        this.current = current;
    }

    // Consumes JSON too, so a request without a file is answered by who is asking (401, 404) before what it lacks.
    @Post(consumes = {MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_JSON})
    @Operation(summary = "Send a photo (PNG, JPEG, GIF, WebP) or a PDF as the multipart field 'file'; the type is read from the content")
    HttpResponse<Attachments.Stored> upload(String id, @Nullable @Header("Authorization") String authorization,
                                            @Nullable @Part("file") CompletedFileUpload file) {
        chat.authorize(id, authorization);
        if (file == null) {
            throw new InvalidRequest("file", "send the file as the multipart field 'file'");
        }
        return HttpResponse.created(attachments.fromCustomer(id, WorkspaceController.bytes(file), file.getFilename()));
    }

    @Get("/{attachmentId}")
    @Operation(summary = "The file, for this conversation's customer token or a member of staff")
    HttpResponse<byte[]> serve(String id, String attachmentId, @Nullable Authentication auth,
                               @Nullable @Header("Authorization") String authorization) {
        if (auth != null && auth.getRoles().stream().anyMatch(STAFF::contains)) {
            current.of(auth);
        } else {
            chat.authorize(id, authorization);
        }
        Attachments.File file = attachments.read(id, attachmentId);
        boolean inline = file.contentType().startsWith("image/");
        return HttpResponse.ok(file.bytes())
                .contentType(file.contentType())
                .header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + file.filename() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, no-store");
    }
}
