package touchpoint.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an inline button stands for, carried in its {@code callback_data} (at most 64 bytes): the transcript
 * message it was shown with, which of its options, and a MAC over those and the chat it was sent to. A client can
 * send any {@code callback_data} it likes for any message, so the MAC, keyed by the channel's secret, is what makes
 * a button from one chat (or an invented one) worthless in another.
 *
 * @param kind {@link #OPTION} (a clarify option or a survey scale point) or {@link #RATING} (thumbs on an answer)
 * @param seq the transcript sequence number of the message the button was on
 * @param index the option's position in that message's options; for a rating 1 is helpful, 0 is not
 */
record CallbackData(char kind, long seq, int index) {

    static final char OPTION = 'o';
    static final char RATING = 'r';
    /** 96 bits of HMAC-SHA256: forging one means guessing that many bits, one Telegram round trip per guess. */
    private static final int MAC_BYTES = 12;
    private static final Pattern FORM = Pattern.compile("([or]):([0-9]{1,18}):([0-9]{1,3}):([A-Za-z0-9_-]{16})");

    static CallbackData option(long seq, int index) {
        return new CallbackData(OPTION, seq, index);
    }

    static CallbackData rating(long seq, boolean helpful) {
        return new CallbackData(RATING, seq, helpful ? 1 : 0);
    }

    /** The button's {@code callback_data}, bound to {@code chatId}. */
    String sign(byte[] key, long chatId) {
        String body = kind + ":" + seq + ":" + index;
        return body + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, chatId, body));
    }

    /** The button {@code data} stands for, when it was signed with {@code key} for this chat; empty otherwise. */
    static Optional<CallbackData> verify(byte[] key, long chatId, String data) {
        if (data == null || data.length() > 64) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(data);
        if (!m.matches()) {
            return Optional.empty();
        }
        String body = m.group(1) + ":" + m.group(2) + ":" + m.group(3);
        byte[] presented = Base64.getUrlDecoder().decode(m.group(4));
        if (!MessageDigest.isEqual(mac(key, chatId, body), presented)) {
            return Optional.empty();
        }
        return Optional.of(new CallbackData(m.group(1).charAt(0), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3))));
    }

    boolean helpful() {
        return kind == RATING && index == 1;
    }

    private static byte[] mac(byte[] key, long chatId, String body) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(hmac.doFinal((chatId + "|" + body).getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
