package touchpoint.workspace;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import touchpoint.chat.ConversationNotFound;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;
import touchpoint.handoff.Actor;
import touchpoint.infra.Forbidden;
import touchpoint.infra.Ids;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;
import touchpoint.infra.TooLarge;

/**
 * Files sent in a conversation. The type is detected from the content ({@link FileTypes}); the bytes are kept in
 * the database or in {@code touchpoint.workspace.attachment-dir}, and the transcript records the sending
 * ({@code CUSTOMER_ATTACHED}, {@code AGENT_ATTACHED}) with the id the file is served by.
 */
@Singleton
class Attachments {

    @Serdeable
    record Stored(String id, String contentType, long size, String filename) {
    }

    /** A file to serve: its bytes, detected type and safe name. */
    record File(byte[] bytes, String contentType, String filename) {
    }

    private final AttachmentRepository attachments;
    private final Transcript transcript;
    private final WorkspaceConfig config;
    private final Ids ids;
    private final Clock clock;

    Attachments(AttachmentRepository attachments, Transcript transcript, WorkspaceConfig config, Ids ids, Clock clock) {
        this.attachments = attachments;
        this.transcript = transcript;
        this.config = config;
        this.ids = ids;
        this.clock = clock;
    }

    /** The customer sends a file; the caller has checked their token. */
    Stored fromCustomer(String conversationId, byte[] bytes, @Nullable String name) {
        Checked file = check(bytes, name);
        return transcript.write(conversationId, session -> {
            Stored stored = store(conversationId, file);
            session.append(NewEvent.of(new EventData.CustomerAttached(stored.id(), stored.contentType(), stored.size(),
                    stored.filename())).text(stored.filename()));
            return stored;
        }).map(Transcript.Written::value).orElseThrow(ConversationNotFound::new);
    }

    /** An agent sends a file into the conversation they own, like a reply. */
    Stored fromAgent(String conversationId, Actor agent, byte[] bytes, @Nullable String name) {
        Checked file = check(bytes, name);
        return transcript.write(conversationId, session -> {
            if (!session.state().agentId().map(agent.agentId()::equals).orElse(false)) {
                throw new Forbidden("Only the agent who has the conversation can send files in it");
            }
            Stored stored = store(conversationId, file);
            session.append(NewEvent.of(new EventData.AgentAttached(stored.id(), stored.contentType(), stored.size(),
                    stored.filename(), agent.agentId(), agent.displayName())).text(stored.filename()));
            return stored;
        }).map(Transcript.Written::value).orElseThrow(ConversationNotFound::new);
    }

    /** The file, if it belongs to this conversation; the caller has checked who asks. */
    File read(String conversationId, String attachmentId) {
        AttachmentRow row = attachments.findByIdAndConversationId(attachmentId, conversationId)
                .orElseThrow(() -> new NotFound("No such attachment in this conversation"));
        byte[] bytes = row.content() != null ? row.content() : readFile(row.id());
        return new File(bytes, row.contentType(), row.filename());
    }

    /** Removes every file sent in the conversation, bytes and rows: what an erasure or the retention job leaves. */
    int forget(String conversationId) {
        var rows = attachments.findByConversationId(conversationId);
        for (AttachmentRow row : rows) {
            if (row.content() == null && config.attachmentDir() != null && !config.attachmentDir().isBlank()) {
                try {
                    Files.deleteIfExists(path(row.id()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        attachments.deleteByConversationId(conversationId);
        return rows.size();
    }

    private record Checked(byte[] bytes, String contentType, String filename) {
    }

    private Checked check(byte[] bytes, @Nullable String name) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidRequest("file", "send the file as the multipart field 'file'");
        }
        if (bytes.length > config.attachmentMaxBytes()) {
            throw new TooLarge("file", "files may be at most " + config.attachmentMaxBytes() / 1024 + " KiB");
        }
        String type = FileTypes.accepted(bytes).orElseThrow(() -> new InvalidRequest("file",
                "only PNG, JPEG, GIF and WebP images and PDF documents are accepted; this file's content is "
                        + FileTypes.detect(bytes)));
        return new Checked(bytes, type, FileTypes.safeName(name, type));
    }

    private Stored store(String conversationId, Checked file) {
        String id = ids.newId();
        byte[] inRow = file.bytes();
        if (config.attachmentDir() != null && !config.attachmentDir().isBlank()) {
            writeFile(id, file.bytes());
            inRow = null;
        }
        attachments.save(new AttachmentRow(id, conversationId, file.contentType(), file.bytes().length, file.filename(), inRow,
                clock.instant()));
        return new Stored(id, file.contentType(), file.bytes().length, file.filename());
    }

    private Path path(String id) {
        // Ids are generated here (UUIDs), never taken from a request, so they cannot climb out of the directory.
        return Path.of(config.attachmentDir()).resolve(id.replaceAll("[^A-Za-z0-9-]", ""));
    }

    private void writeFile(String id, byte[] bytes) {
        try {
            Files.createDirectories(Path.of(config.attachmentDir()));
            Files.write(path(id), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] readFile(String id) {
        Path file = config.attachmentDir() == null ? null : path(id);
        if (file == null || !Files.isRegularFile(file)) {
            throw new NotFound("The attachment's file is missing");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
