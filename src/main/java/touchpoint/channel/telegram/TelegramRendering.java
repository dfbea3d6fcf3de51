package touchpoint.channel.telegram;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import touchpoint.chat.EventData;
import touchpoint.chat.Kind;
import touchpoint.chat.Option;
import touchpoint.chat.SurveyPrompt;
import touchpoint.chat.TranscriptEvent;

/**
 * A transcript event as the Telegram messages the customer gets, the way the widget shows it: answers in Telegram's
 * HTML with the FAQ they came from and thumbs, clarify options and survey scales as inline keyboard buttons, an
 * agent's reply under the agent's name, hand-off events as short notices. The customer's own events and bookkeeping
 * events make no message.
 */
final class TelegramRendering {

    static final String HELPFUL = "👍 Helpful";
    static final String NOT_HELPFUL = "👎 Not helpful";
    /** Telegram draws a keyboard row's buttons side by side; more than this many digits in a row get cramped. */
    private static final int SCALE_ROW = 6;
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(.*)$");
    /** The widget offers a form for an email address here; in Telegram the reply comes back to this chat. */
    static final String NO_AGENT_ONLINE = "No one from our team is online right now. Write your message here and a person "
            + "will reply in this chat as soon as someone is available.";

    private TelegramRendering() {
    }

    /** One message to send; {@code keyboard} rows of buttons, empty when the message has none. */
    record Outgoing(String html, List<List<Button>> keyboard) {
    }

    record Button(String label, CallbackData data) {
    }

    static List<Outgoing> render(TranscriptEvent event) {
        return render(event, TelegramHtml.MAX_MESSAGE_CHARS);
    }

    static List<Outgoing> render(TranscriptEvent event, int limit) {
        List<String> texts = switch (event.type()) {
            case CONVERSATION_STARTED, CUSTOMER_ASKED, ANSWER_RATED, AGENT_ASSIGNED, SURVEY_ANSWERED, SURVEY_SKIPPED,
                 SURVEY_EXPIRED, OFFLINE_MESSAGE_LEFT -> List.of();
            case BOT_ANSWERED -> answer(event, limit);
            case BOT_CLARIFIED -> TelegramHtml.fromMarkdown(withoutListedOptions(event.text(), event.options()), limit);
            case BOT_FELL_BACK -> TelegramHtml.fromMarkdown(event.text(), limit);
            case AGENT_REPLIED -> agentReply(event, limit);
            case SYSTEM_NOTICE -> notice(event, limit);
            case SURVEY_ASKED -> TelegramHtml.fromPlainText(event.text(), limit);
            default -> event.kind() == Kind.EVENT ? eventNotice(event, limit) : TelegramHtml.fromPlainText(event.text(), limit);
        };
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Outgoing> out = new ArrayList<>();
        for (int i = 0; i < texts.size() - 1; i++) {
            out.add(new Outgoing(texts.get(i), List.of()));
        }
        out.add(new Outgoing(texts.get(texts.size() - 1), keyboard(event)));
        return out;
    }

    private static List<String> answer(TranscriptEvent event, int limit) {
        String title = event.data(EventData.BotAnswered.class).map(EventData.BotAnswered::title).orElse(null);
        if (title == null || title.isBlank()) {
            return TelegramHtml.fromMarkdown(event.text(), limit);
        }
        String citation = "From our help centre: " + title.strip();
        List<String> body = new ArrayList<>(TelegramHtml.fromMarkdown(event.text(), limit - citation.length() - 2));
        String cited = "<i>" + TelegramHtml.escape(citation) + "</i>";
        if (body.isEmpty()) {
            return List.of(cited);
        }
        body.set(body.size() - 1, body.get(body.size() - 1) + "\n\n" + cited);
        return body;
    }

    private static List<String> agentReply(TranscriptEvent event, int limit) {
        String name = event.data(EventData.AgentReplied.class).map(EventData.AgentReplied::agentName)
                .filter(n -> !n.isBlank()).orElse("Agent").strip();
        List<String> body = new ArrayList<>(TelegramHtml.fromPlainText(event.text(), limit - name.length() - 1));
        if (body.isEmpty()) {
            return List.of();
        }
        body.set(0, "<b>" + TelegramHtml.escape(name) + "</b>\n" + body.get(0));
        return body;
    }

    private static List<String> notice(TranscriptEvent event, int limit) {
        boolean noAgent = event.data(EventData.SystemNotice.class)
                .map(n -> n.offlineMessage() || EventData.SystemNotice.NO_AGENT_ONLINE.equals(n.notice())).orElse(false);
        return TelegramHtml.fromPlainText(noAgent ? NO_AGENT_ONLINE : event.text(), limit);
    }

    /** Hand-off events carry no text of their own; the widget words them the same way. */
    private static List<String> eventNotice(TranscriptEvent event, int limit) {
        String text = event.text();
        if (text == null || text.isBlank()) {
            text = switch (event.type()) {
                case HANDOFF_REQUESTED -> "Connecting you with a person…";
                case AGENT_JOINED -> event.data(EventData.AgentJoined.class).map(EventData.AgentJoined::agentName)
                        .filter(n -> !n.isBlank()).orElse("An agent") + " joined the chat";
                case CONVERSATION_TRANSFERRED -> "You are being transferred to a colleague…";
                case BOT_RESUMED -> "You are chatting with the assistant again.";
                case CONVERSATION_RESOLVED -> "This conversation was marked as resolved.";
                default -> null;
            };
        }
        if (text == null) {
            return List.of();
        }
        return TelegramHtml.fromPlainText(text, limit - 7).stream().map(t -> "<i>" + t + "</i>").toList();
    }

    /** The buttons shown under the event's last message: its options (a survey's as a scale), thumbs under an answer. */
    static List<List<Button>> keyboard(TranscriptEvent event) {
        List<List<Button>> rows = new ArrayList<>();
        List<Option> options = event.options();
        SurveyPrompt survey = event.survey();
        if (survey != null) {
            List<Button> scale = new ArrayList<>();
            List<Button> others = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                Button button = new Button(label(options.get(i)), CallbackData.option(event.seq(), i));
                (options.get(i).value().matches("\\d{1,3}") ? scale : others).add(button);
            }
            int perRow = scale.size() <= 7 ? Math.max(1, scale.size()) : SCALE_ROW;
            for (int i = 0; i < scale.size(); i += perRow) {
                rows.add(List.copyOf(scale.subList(i, Math.min(scale.size(), i + perRow))));
            }
            if (!others.isEmpty()) {
                rows.add(List.copyOf(others));
            }
        } else {
            for (int i = 0; i < options.size(); i++) {
                rows.add(List.of(new Button(label(options.get(i)), CallbackData.option(event.seq(), i))));
            }
        }
        if (event.kind() == Kind.ANSWER) {
            rows.add(List.of(new Button(HELPFUL, CallbackData.rating(event.seq(), true)),
                    new Button(NOT_HELPFUL, CallbackData.rating(event.seq(), false))));
        }
        return rows;
    }

    /** Telegram refuses a button without text; labels longer than a line are cut, the value stays whole. */
    private static String label(Option option) {
        String label = option.label() == null || option.label().isBlank() ? option.value() : option.label();
        label = label.strip();
        return label.length() > 60 ? label.substring(0, 59).strip() + "…" : label;
    }

    /** A clarify question's text lists its options for text-only clients; here the buttons say it. */
    static String withoutListedOptions(@Nullable String markdown, List<Option> options) {
        if (markdown == null || options.isEmpty()) {
            return markdown;
        }
        Set<String> labels = options.stream().map(o -> (o.label() == null ? o.value() : o.label()).strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return markdown.lines().filter(line -> {
            Matcher m = LIST_ITEM.matcher(line);
            return !(m.matches() && labels.contains(m.group(1).strip().toLowerCase(Locale.ROOT)));
        }).collect(Collectors.joining("\n")).strip();
    }
}
