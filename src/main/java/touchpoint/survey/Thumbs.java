package touchpoint.survey;

import jakarta.inject.Singleton;
import java.util.List;
import touchpoint.chat.BotReplies;
import touchpoint.chat.ChatService;
import touchpoint.chat.ConversationState;
import touchpoint.chat.CustomerTurn;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Option;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.infra.Conflict;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;

/**
 * Thumbs up or down on one bot answer. A thumbs-down on the latest answer does what "that didn't help" does in
 * chat: the rating puts the FAQ on the conversation's rejected list, and {@link BotReplies#answer} asks the same
 * question again excluding it, so the customer gets the next candidate (or an honest fallback), plus a way to a
 * person.
 */
@Singleton
class Thumbs {

    static final String OFFER_PERSON = "If that's still not right, a person from our team can help.";

    private final ChatService chat;
    private final Transcript transcript;
    private final BotReplies replies;

    Thumbs(ChatService chat, Transcript transcript, BotReplies replies) {
        this.chat = chat;
        this.transcript = transcript;
        this.replies = replies;
    }

    List<TranscriptEvent> rate(String conversationId, String token, String messageId, boolean helpful) {
        if (!chat.canRead(conversationId, token)) {
            throw CustomerToken.notFound();
        }
        return rateAsVerified(conversationId, messageId, helpful);
    }

    /** A rating from a channel that authenticated the customer its own way (a messaging platform's signed button). */
    List<TranscriptEvent> rateAsVerified(String conversationId, String messageId, boolean helpful) {
        return transcript.write(conversationId, session -> {
            TranscriptEvent answer = transcript.message(conversationId, messageId)
                    .orElseThrow(() -> new NotFound("No message with that id in this conversation"));
            if (!answer.is(EventType.BOT_ANSWERED)) {
                throw new InvalidRequest("messageId", "only the bot's answers can be rated");
            }
            boolean rated = transcript.events(conversationId).stream().anyMatch(e -> e.data(EventData.AnswerRated.class)
                    .map(r -> r.messageSeq() == answer.seq()).orElse(false));
            if (rated) {
                throw new Conflict("This answer was already rated");
            }
            ConversationState state = session.state();
            boolean latest = answer.seq() == state.lastAnswerSeq();
            TranscriptEvent rating = session.append(EventData.AnswerRated.of(answer.faqId(), answer.seq(), helpful,
                    EventData.AnswerRated.VIA_THUMBS));
            if (!helpful && state.status().botMaySpeak()) {
                CustomerTurn turn = new CustomerTurn(session, rating);
                TranscriptEvent next = null;
                if (latest && state.lastQuestion().isPresent()) {
                    next = replies.answer(turn, state.lastQuestion().get());
                }
                // A fallback already offers a person; any other outcome gets the offer added.
                if (next == null || !next.is(EventType.BOT_FELL_BACK)) {
                    turn.reply(NewEvent.of(EventData.SystemNotice.of(EventData.SystemNotice.OFFER_PERSON)).text(OFFER_PERSON)
                            .options(List.of(new Option(BotReplies.TALK_TO_PERSON, BotReplies.TALK_TO_PERSON))));
                }
            }
            return null;
        }).orElseThrow(CustomerToken::notFound).stored();
    }
}
