package touchpoint.chat;

import java.util.Optional;
import java.util.regex.Pattern;
import touchpoint.infra.PlainText;

/**
 * Recognises messages that are only social: "hi", "thanks!", "ok great, thank you", "thanks, bye". Only the whole
 * message counts, so "hi, where is my parcel?" is still a question for the knowledge base. Answering these from
 * the FAQs would fall back ("I don't have an answer for that"), and two such fallbacks in a row would hand a
 * polite customer to a person.
 */
public final class SmallTalk {

    /**
     * What a social message does; the last part of the message decides ("thanks, bye" is a goodbye). IDENTITY is
     * "are you a bot?" and HELP is "I need help": whole messages with no topic yet.
     */
    enum Intent { GREETING, THANKS, ACKNOWLEDGEMENT, GOODBYE, IDENTITY, HELP }

    private static final Pattern IDENTITY = Pattern.compile("^(hi |hello |hey )?(are you|r u|is this|is that|am i (talking|speaking|chatting) "
            + "(to|with)|who am i (talking|speaking|chatting) (to|with)|who are you|what are you|who is this)"
            + "( (a|an))?( (real|actual|live))?( (person|human|bot|robot|ai|machine|computer|assistant|chatbot|chat bot|"
            + "being|someone|somebody))?$");
    private static final Pattern HELP = Pattern.compile("^(hi |hello |hey )?((can|could) (you|u|someone) help( me)?( please)?"
            + "|(i )?need (some )?help( please)?|help( me)?( please)?|i have a (question|problem|query)|quick question)$");

    private static final String GREETING = "(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening|day))"
            + "( (there|team|all|everyone|folks))?";
    private static final String THANKS = "(thanks|thank you|thank u|thx|ty|cheers|ta|many thanks)"
            + "( (so much|very much|a lot|a million|again|for (the|your) help|for helping))?";
    private static final String ACKNOWLEDGEMENT = "(ok|okay|k|great|perfect|brilliant|awesome|cool|lovely|nice|super|fab"
            + "|fantastic|excellent|got it|understood|alright|all right|sounds good|that helps|that helped|that's great"
            + "|that is great|that's helpful|very helpful|helpful)";
    private static final String GOODBYE = "(bye|bye bye|goodbye|good bye|see you|see ya|cya|take care"
            + "|have a (good|nice|great|lovely) (day|one|evening|weekend)|that's all|that is all|that's it|nothing else"
            + "|no (that's|that is) all|all good|no thanks|no thank you|i'm done|i am done)";
    private static final String PART = "(" + GREETING + "|" + THANKS + "|" + ACKNOWLEDGEMENT + "|" + GOODBYE + ")";
    private static final Pattern SOCIAL = Pattern.compile("^" + PART + "( (and )?" + PART + ")*$");
    private static final Pattern LAST_GOODBYE = Pattern.compile(".*\\b" + GOODBYE + "$");
    private static final Pattern LAST_THANKS = Pattern.compile(".*\\b" + THANKS + "$");
    private static final Pattern LAST_GREETING = Pattern.compile(".*\\b" + GREETING + "$");
    private static final Pattern ANY_THANKS = Pattern.compile(".*\\b" + THANKS + "\\b.*");

    private SmallTalk() {
    }

    /**
     * Whether the message only asks who is answering ("am I talking to a real person?"): it deserves an honest
     * answer and the offer of a person, not a hand-off the customer did not ask for.
     */
    public static boolean asksWhoIsAnswering(String text) {
        return text != null && text.length() <= 80 && IDENTITY.matcher(PlainText.of(text)).matches();
    }

    static Optional<Intent> of(String text) {
        if (text == null || text.length() > 80) {
            return Optional.empty();
        }
        String plain = PlainText.of(text);
        if (IDENTITY.matcher(plain).matches()) {
            return Optional.of(Intent.IDENTITY);
        }
        if (HELP.matcher(plain).matches()) {
            return Optional.of(Intent.HELP);
        }
        if (plain.isEmpty() || !SOCIAL.matcher(plain).matches()) {
            return Optional.empty();
        }
        if (LAST_GOODBYE.matcher(plain).matches()) {
            return Optional.of(Intent.GOODBYE);
        }
        if (LAST_THANKS.matcher(plain).matches()) {
            return Optional.of(Intent.THANKS);
        }
        if (LAST_GREETING.matcher(plain).matches()) {
            return Optional.of(Intent.GREETING);
        }
        // Ends with "ok" or "great": a thank-you if it thanked anywhere ("thanks, great"), else an acknowledgement.
        return Optional.of(ANY_THANKS.matcher(plain).matches() ? Intent.THANKS : Intent.ACKNOWLEDGEMENT);
    }
}
