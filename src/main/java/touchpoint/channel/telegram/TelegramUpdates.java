package touchpoint.channel.telegram;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelInbox;
import touchpoint.channel.ChannelThread;
import touchpoint.channel.Contact;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Option;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.contact.Contacts;
import touchpoint.contact.Identity;
import touchpoint.contact.IdentityConflict;
import touchpoint.channel.telegram.TelegramRepositories.UpdateRepository;
import touchpoint.channel.telegram.TelegramTypes.CallbackQuery;
import touchpoint.channel.telegram.TelegramTypes.Message;
import touchpoint.channel.telegram.TelegramTypes.Update;

/**
 * What an authenticated update does. A private chat is one conversation (its key is the chat id); a text message is
 * the customer's turn through {@link ChannelInbox}, whose replies leave through the channel outbox; a pressed button
 * is the option, score or rating it was signed for. Each {@code update_id} is handled once: Telegram delivers an
 * update again whenever the webhook was slow or failed, and a repeat is acknowledged without a second turn. An update
 * whose handling fails is forgotten again, so Telegram's next delivery of it is handled.
 *
 * <p>The Bot API calls made here (the "text only" notice, stopping a button's spinner, taking a chosen keyboard away)
 * run on the I/O pool after the webhook has answered: Telegram waits for no flood control of ours.
 */
@Singleton
class TelegramUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramUpdates.class);
    static final String MOVED_ON = "That question has moved on. Please type your question again.";
    static final String SURVEY_CLOSED = "This survey has closed. Thank you!";
    /** A survey scale button's value; Skip and clarify options go through the chat as text. */
    private static final java.util.regex.Pattern SCALE_POINT = java.util.regex.Pattern.compile("-?[0-9]{1,3}");
    static final String EXPIRED = "This button has expired.";
    static final String TOO_LONG = "Sorry, that message is too long for me. Please keep it under "
            + ChannelInbox.MAX_TEXT + " characters.";

    enum Outcome { HANDLED, DUPLICATE, IGNORED }

    private final ChannelInbox inbox;
    private final Transcript transcript;
    private final UpdateRepository updates;
    private final TelegramClient client;
    private final TelegramKeys keys;
    private final TelegramFeedback feedback;
    private final TelegramConfig config;
    private final Contacts contacts;
    private final ExecutorService io;
    private final Clock clock;

    TelegramUpdates(ChannelInbox inbox, Transcript transcript, UpdateRepository updates, TelegramClient client,
                    TelegramKeys keys, TelegramFeedback feedback, TelegramConfig config, Contacts contacts,
                    @Named(TaskExecutors.IO) ExecutorService io, Clock clock) {
        this.inbox = inbox;
        this.transcript = transcript;
        this.updates = updates;
        this.client = client;
        this.keys = keys;
        this.feedback = feedback;
        this.config = config;
        this.contacts = contacts;
        this.io = io;
        this.clock = clock;
    }

    Outcome handle(Channel channel, Update update) {
        if (updates.insertIfAbsent(channel.id(), update.updateId(), clock.instant()) == 0) {
            LOG.info("telegram update repeated channel={} update={}", channel.id(), update.updateId());
            return Outcome.DUPLICATE;
        }
        try {
            if (update.message() != null) {
                return message(channel, update.message());
            }
            if (update.callbackQuery() != null) {
                return callback(channel, update.callbackQuery());
            }
            return Outcome.IGNORED;
        } catch (RuntimeException e) {
            updates.forget(channel.id(), update.updateId());
            throw e;
        }
    }

    private Outcome message(Channel channel, Message m) {
        if (m.chat() == null || m.chat().id() == null || m.from() == null || m.from().id() == null || m.messageId() == null) {
            return Outcome.IGNORED;
        }
        if (!"private".equals(m.chat().type()) || Boolean.TRUE.equals(m.from().isBot())) {
            // The bot answers people in their own chat with it; a group it was added to is not a conversation.
            LOG.info("telegram update ignored channel={} chatType={}", channel.id(), m.chat().type());
            return Outcome.IGNORED;
        }
        long chatId = m.chat().id();
        String text = m.text() == null ? null : m.text().strip();
        if (text == null) {
            notify(channel, chatId, config.textOnlyReply());
            return Outcome.HANDLED;
        }
        if (text.isEmpty()) {
            return Outcome.IGNORED;
        }
        Contact contact = new Contact(String.valueOf(m.from().id()), null, m.from().displayName());
        String locale = locale(m.from().languageCode());
        if (text.equals("/start") || text.startsWith("/start ")) {
            // Opening the bot sends /start: the conversation starts and its greeting goes out, with no question asked.
            identify(inbox.open(channel.id(), String.valueOf(chatId), contact, locale), m.from());
            return Outcome.HANDLED;
        }
        if (text.length() > ChannelInbox.MAX_TEXT) {
            notify(channel, chatId, TOO_LONG);
            return Outcome.HANDLED;
        }
        ChannelInbox.Received received = inbox.receive(new ChannelInbox.Inbound(channel.id(), String.valueOf(chatId),
                "tg-msg-" + m.messageId(), text, locale, contact));
        if (received.started() || received.contactChanged()) {
            identify(received.thread(), m.from());
        }
        return Outcome.HANDLED;
    }

    private Outcome callback(Channel channel, CallbackQuery q) {
        Message message = q.message();
        if (q.id() == null || message == null || message.chat() == null || message.chat().id() == null || message.messageId() == null) {
            answer(channel, q.id(), EXPIRED);
            return Outcome.IGNORED;
        }
        long chatId = message.chat().id();
        Optional<CallbackData> data = CallbackData.verify(keys.callbackKey(channel), chatId, q.data());
        Optional<ChannelThread> thread = inbox.thread(channel.id(), String.valueOf(chatId));
        if (data.isEmpty() || thread.isEmpty()) {
            LOG.info("telegram button refused channel={} reason={}", channel.id(), data.isEmpty() ? "signature" : "no_conversation");
            answer(channel, q.id(), EXPIRED);
            return Outcome.IGNORED;
        }
        String conversationId = thread.get().conversationId();
        List<TranscriptEvent> log = transcript.events(conversationId);
        Optional<TranscriptEvent> shown = log.stream().filter(e -> e.seq() == data.get().seq()).findFirst();
        if (shown.isEmpty()) {
            answer(channel, q.id(), EXPIRED);
            return Outcome.IGNORED;
        }
        TranscriptEvent event = shown.get();
        Contact contact = q.from() == null || q.from().id() == null ? null
                : new Contact(String.valueOf(q.from().id()), null, q.from().displayName());
        String messageId = "tg-cb-" + q.id();
        if (data.get().kind() == CallbackData.RATING) {
            if (!event.is(EventType.BOT_ANSWERED)) {
                answer(channel, q.id(), EXPIRED);
                return Outcome.IGNORED;
            }
            String said = feedback.rate(thread.get(), event, data.get().helpful());
            done(channel, q, chatId, message.messageId(), said);
            return Outcome.HANDLED;
        }
        if (data.get().index() >= event.options().size()) {
            answer(channel, q.id(), EXPIRED);
            return Outcome.IGNORED;
        }
        Option option = event.options().get(data.get().index());
        Optional<String> refusal = stillOpen(event, log, conversationId);
        if (refusal.isPresent()) {
            done(channel, q, chatId, message.messageId(), refusal.get());
            return Outcome.IGNORED;
        }
        Optional<String> surveyQuestion = event.data(EventData.SurveyAsked.class).map(EventData.SurveyAsked::questionId);
        if (surveyQuestion.isPresent() && SCALE_POINT.matcher(option.value()).matches()) {
            boolean recorded = feedback.answerSurvey(thread.get(), surveyQuestion.get(), Integer.parseInt(option.value()));
            done(channel, q, chatId, message.messageId(), recorded ? null : SURVEY_CLOSED);
            return recorded ? Outcome.HANDLED : Outcome.IGNORED;
        }
        inbox.receive(new ChannelInbox.Inbound(channel.id(), String.valueOf(chatId), messageId, option.value(), null, contact));
        done(channel, q, chatId, message.messageId(), null);
        return Outcome.HANDLED;
    }

    /**
     * Telegram vouches for the sender's user id (the update came with the channel's secret), so it is a verified
     * identity of the conversation's contact; the name is only a profile hint.
     */
    private void identify(ChannelThread thread, TelegramTypes.User from) {
        try {
            contacts.identify(thread.conversationId(), Identity.telegramUser(from.id()).named(from.displayName()));
        } catch (IdentityConflict e) {
            // The message is stored and answered already; a conflicting identity must not turn that into an error.
            LOG.warn("telegram conversation {}: user id not recorded: {}", thread.conversationId(), e.getMessage());
        }
    }

    /**
     * Why the question a button belongs to can no longer be answered by it, if it cannot: a survey question already
     * answered, skipped or expired; a clarify question after which the conversation went on. As in the widget, where
     * only the newest question's buttons can be pressed.
     */
    private Optional<String> stillOpen(TranscriptEvent event, List<TranscriptEvent> log, String conversationId) {
        if (event.is(EventType.SURVEY_ASKED)) {
            String questionId = event.data(EventData.SurveyAsked.class).map(EventData.SurveyAsked::questionId).orElse("");
            return transcript.state(conversationId).surveysClosed().contains(questionId) ? Optional.of(SURVEY_CLOSED) : Optional.empty();
        }
        if (event.is(EventType.BOT_CLARIFIED)) {
            long lastClarify = log.stream().filter(e -> e.is(EventType.BOT_CLARIFIED)).mapToLong(TranscriptEvent::seq).max().orElse(-1);
            boolean pending = !transcript.state(conversationId).pendingClarify().isEmpty();
            return lastClarify == event.seq() && pending ? Optional.empty() : Optional.of(MOVED_ON);
        }
        return Optional.empty();
    }

    /** Stops the button's spinner (with a short note when there is one) and takes the chosen keyboard away. */
    private void done(Channel channel, CallbackQuery q, long chatId, long messageId, String note) {
        Optional<String> token = keys.botToken(channel);
        if (token.isEmpty()) {
            return;
        }
        run(() -> client.answerCallbackQuery(token.get(), q.id(), note));
        run(() -> client.removeKeyboard(token.get(), chatId, messageId));
    }

    private void answer(Channel channel, String callbackQueryId, String note) {
        if (callbackQueryId == null) {
            return;
        }
        keys.botToken(channel).ifPresent(token -> run(() -> client.answerCallbackQuery(token, callbackQueryId, note)));
    }

    /** A notice that is not part of the conversation (the bot reads text only, a message too long). */
    private void notify(Channel channel, long chatId, String text) {
        keys.botToken(channel).ifPresent(token -> run(() ->
                client.sendMessage(token, TelegramTypes.SendMessage.html(chatId, TelegramHtml.escape(text), null))));
    }

    private void run(Runnable call) {
        try {
            io.submit(() -> {
                try {
                    call.run();
                } catch (TelegramApiException e) {
                    LOG.info("telegram call failed method={} code={}", e.method(), e.errorCode());
                } catch (RuntimeException e) {
                    LOG.warn("telegram call failed", e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("telegram call not scheduled reason={}", e.toString());
        }
    }

    /** Telegram's IETF tag for the user's app language ("en", "pt-br"), when it is one the service accepts. */
    private static String locale(String languageCode) {
        return languageCode != null && languageCode.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*") ? languageCode : null;
    }
}
