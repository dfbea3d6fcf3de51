package touchpoint.channel.email;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.ChannelSecrets;
import touchpoint.channel.Delivery;
import touchpoint.channel.PlainRendering;
import touchpoint.chat.Author;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Option;
import touchpoint.chat.SurveyPrompt;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.infra.Ids;

/**
 * The bot's, the agents' and the system's messages of an email conversation, as mail. The replies to one customer
 * message (an answer and a survey question, a fall-back and the hand-off) leave as one mail: the core delivers each
 * event, and the first delivery of a turn takes the turn's other events along, recorded in {@code email_sent_event}
 * so their own deliveries send nothing. A retried delivery sends the same Message-ID again.
 */
@Singleton
class EmailReplies {

    private static final Logger LOG = LoggerFactory.getLogger(EmailReplies.class);
    static final String MESSAGE_ID_PREFIX = "tp.";
    /** Enough of a long thread for clients to group it; RFC 5322 asks for the first and the last few. */
    private static final int MAX_REFERENCES = 20;

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("a", "p", "br", "ol", "ul", "li", "strong", "em", "code", "pre", "div")
                    .allowStandardUrlProtocols().allowAttributes("href").onElements("a")
                    .allowAttributes("style").onElements("a", "div").allowStyling().toFactory());

    private final Transcript transcript;
    private final EmailStore store;
    private final ChannelSecrets secrets;
    private final SmtpSender sender;
    private final SurveyLinks links;
    private final Clock clock;

    EmailReplies(Transcript transcript, EmailStore store, ChannelSecrets secrets, SmtpSender sender, SurveyLinks links, Clock clock) {
        this.transcript = transcript;
        this.store = store;
        this.secrets = secrets;
        this.sender = sender;
        this.links = links;
        this.clock = clock;
    }

    /** Whether this event is something the customer reads: it then leaves as (part of) a mail. */
    static boolean mailed(TranscriptEvent e) {
        if (e.text() == null || e.text().isBlank()) {
            return false;
        }
        return switch (e.type()) {
            case BOT_ANSWERED, BOT_CLARIFIED, BOT_FELL_BACK, BOT_SMALL_TALK, AGENT_REPLIED, SURVEY_ASKED, HANDOFF_REQUESTED -> true;
            // The invitation to leave a message is the widget's: a mail customer has already left one.
            case SYSTEM_NOTICE -> e.data(EventData.SystemNotice.class).map(n -> !n.offlineMessage()
                    && !EventData.SystemNotice.OFFLINE_MESSAGE_RECEIVED.equals(n.notice())).orElse(true);
            default -> e.type().name().equals("RECOVERY_FOLLOW_UP_SENT");
        };
    }

    void deliver(Delivery delivery) throws Exception {
        String conversationId = delivery.thread().conversationId();
        Set<Long> sent = new HashSet<>(store.sentSeqs(conversationId));
        if (sent.contains(delivery.event().seq())) {
            return;
        }
        List<TranscriptEvent> batch = batch(conversationId, delivery.event(), sent);
        EmailSettings settings = EmailSettings.of(delivery.channel(), secrets);
        Optional<EmailThreadRow> thread = store.findById(conversationId);
        String to = thread.map(EmailThreadRow::customer).orElse(delivery.thread().contact().email());
        if (to == null) {
            LOG.warn("email conversation={} has no customer address: nothing to send", conversationId);
            return;
        }
        String subject = thread.map(t -> "Re: " + t.subject() + " [#" + t.ref() + "]").orElse("Your message");
        String messageId = MESSAGE_ID_PREFIX + batch.get(0).id() + "@" + settings.messageIdDomain();
        List<String> references = store.messageIdsOf(conversationId).stream().filter(id -> !id.equals(messageId)).toList();
        if (references.size() > MAX_REFERENCES) {
            List<String> kept = new ArrayList<>(references.subList(0, 1));
            kept.addAll(references.subList(references.size() - MAX_REFERENCES + 1, references.size()));
            references = kept;
        }
        boolean automatic = batch.stream().noneMatch(e -> e.author() == Author.AGENT);
        OutgoingMail mail = new OutgoingMail(settings.address(), settings.displayName(), to, subject, messageId,
                store.lastReceivedId(conversationId).orElse(null), references, text(batch), html(batch), automatic);
        sender.send(settings.smtp(), mail);
        String hash = Ids.hash(messageId);
        store.recordMessage(settings.channelId(), hash, messageId, "out", conversationId, "sent", clock.instant());
        batch.forEach(e -> store.recordSent(conversationId, e.seq(), hash));
        LOG.info("mail sent channel={} conversation={} events={} attempt={}", settings.channelId(), conversationId,
                batch.stream().map(TranscriptEvent::seq).toList(), delivery.attempt());
    }

    /** This event and the later ones of its turn not yet mailed; an event outside a turn goes alone. */
    private List<TranscriptEvent> batch(String conversationId, TranscriptEvent event, Set<Long> sent) {
        if (event.inReplyTo() == null) {
            return List.of(event);
        }
        List<TranscriptEvent> batch = new ArrayList<>();
        for (TranscriptEvent e : transcript.eventsAfter(conversationId, event.seq() - 1)) {
            if (e.seq() == event.seq() || (event.inReplyTo().equals(e.inReplyTo()) && mailed(e) && !sent.contains(e.seq()))) {
                batch.add(e);
            }
        }
        return batch.isEmpty() ? List.of(event) : batch;
    }

    private String text(List<TranscriptEvent> batch) {
        StringBuilder out = new StringBuilder();
        for (TranscriptEvent e : batch) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            if (e.survey() != null) {
                out.append(PlainRendering.plain(e.text()));
                SurveyPrompt s = e.survey();
                List<String> scale = new ArrayList<>();
                for (int v = s.min(); v <= s.max(); v++) {
                    int score = v;
                    links.link(e.conversationId(), s.questionId(), score).ifPresent(url -> scale.add(score + ": " + url));
                }
                if (!scale.isEmpty()) {
                    out.append("\n\n").append(String.join("\n", scale));
                }
                out.append("\n\nOr reply with a number from ").append(s.min()).append(" to ").append(s.max()).append('.');
            } else {
                out.append(PlainRendering.message(e));
            }
            signature(e).ifPresent(name -> out.append("\n\n").append(name));
        }
        return out.toString();
    }

    private String html(List<TranscriptEvent> batch) {
        StringBuilder out = new StringBuilder();
        for (TranscriptEvent e : batch) {
            out.append("<div>").append(e.html() != null && !e.html().isBlank() ? e.html() : HTML.render(MARKDOWN.parse(e.text())));
            if (e.survey() != null) {
                SurveyPrompt s = e.survey();
                StringBuilder scale = new StringBuilder();
                for (int v = s.min(); v <= s.max(); v++) {
                    int score = v;
                    links.link(e.conversationId(), s.questionId(), score).ifPresent(url -> scale.append("<a href=\"")
                            .append(escape(url)).append("\" style=\"display:inline-block;padding:6px 12px;margin:2px;border:1px solid #888;"
                                    + "border-radius:4px;text-decoration:none\">").append(score).append("</a> "));
                }
                if (!scale.isEmpty()) {
                    out.append("<p>").append(scale).append("</p>");
                }
                out.append("<p>Or reply with a number from ").append(s.min()).append(" to ").append(s.max()).append(".</p>");
            } else if (!e.options().isEmpty()) {
                out.append("<ol>");
                for (Option o : e.options()) {
                    out.append("<li>").append(escape(o.label())).append("</li>");
                }
                out.append("</ol><p>Reply with the number of your choice.</p>");
            }
            signature(e).ifPresent(name -> out.append("<p>").append(escape(name)).append("</p>"));
            out.append("</div>");
        }
        return POLICY.sanitize(out.toString());
    }

    private static Optional<String> signature(TranscriptEvent e) {
        return e.data(EventData.AgentReplied.class).map(EventData.AgentReplied::agentName).filter(n -> !n.isBlank()).map(n -> "— " + n);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
