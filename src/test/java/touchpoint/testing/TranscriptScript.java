package touchpoint.testing;

import java.util.List;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;

/**
 * Appends what other features (hand-off, the agent console) would append, through the real {@link Transcript},
 * so listeners see exactly the events production sees.
 */
public final class TranscriptScript {

    private final Transcript transcript;

    public TranscriptScript(Transcript transcript) {
        this.transcript = transcript;
    }

    public TranscriptEvent append(String conversationId, NewEvent event) {
        return transcript.write(conversationId, s -> s.append(event)).orElseThrow().value();
    }

    public void handOff(String conversationId, String team, String reason) {
        append(conversationId, NewEvent.of(new EventData.HandoffRequested(reason, team)));
    }

    public void agentJoins(String conversationId, String agentId) {
        append(conversationId, NewEvent.of(new EventData.AgentJoined(agentId, null)));
    }

    public void agentReplies(String conversationId, String agentId, String text, String faqId) {
        append(conversationId, NewEvent.of(new EventData.AgentReplied(agentId, null, faqId)).text(text));
    }

    public void resolve(String conversationId, String agentId) {
        append(conversationId, NewEvent.of(new EventData.ConversationResolved(agentId)));
    }

    public void handBack(String conversationId) {
        append(conversationId, NewEvent.of(new EventData.BotResumed(null)));
    }

    /** A person takes the conversation over and resolves it: hand-off, join, one reply, resolve. */
    public void agentResolves(String conversationId, String team, String agentId) {
        handOff(conversationId, team, "customer_request");
        agentJoins(conversationId, agentId);
        agentReplies(conversationId, agentId, "Sorted, anything else?", null);
        resolve(conversationId, agentId);
    }

    public List<TranscriptEvent> events(String conversationId) {
        return transcript.events(conversationId);
    }

    public List<TranscriptEvent> ofType(String conversationId, EventType type) {
        return events(conversationId).stream().filter(e -> e.is(type)).toList();
    }

    public TranscriptEvent last(String conversationId) {
        List<TranscriptEvent> all = events(conversationId);
        return all.get(all.size() - 1);
    }
}
