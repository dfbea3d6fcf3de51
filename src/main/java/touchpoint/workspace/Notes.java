package touchpoint.workspace;

import jakarta.inject.Singleton;
import touchpoint.chat.ConversationNotFound;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.handoff.Actor;

/**
 * Private notes: written into the transcript as {@code NOTE_ADDED}, an event only staff see (the customer's API,
 * socket and exports leave it out; see {@code EventType#customerVisible()}). Any agent or supervisor may write one,
 * in any state: a supervisor's advice to the agent who owns the conversation is the point.
 */
@Singleton
class Notes {

    private final Transcript transcript;

    Notes(Transcript transcript) {
        this.transcript = transcript;
    }

    TranscriptEvent add(String conversationId, Actor author, String text) {
        return transcript.write(conversationId, session -> session.append(
                        NewEvent.of(new EventData.NoteAdded(author.agentId(), author.displayName())).text(text)))
                .map(Transcript.Written::value)
                .orElseThrow(ConversationNotFound::new);
    }
}
