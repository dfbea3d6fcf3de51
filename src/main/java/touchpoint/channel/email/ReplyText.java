package touchpoint.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the customer wrote in this mail, without the history their mail client quoted under it and without their
 * signature: the bot must read the new question, not last week's answer quoted back to it.
 *
 * <p>Line-based, as the mail clients write it: the quote header ("On … wrote:" in a few languages, also when the
 * client wrapped it over two lines), Outlook's "-----Original Message-----" and its "From: / Sent: / To: / Subject:"
 * block, "&gt;" lines, the "-- " signature delimiter, phone footers and a closing sign-off with a few short lines
 * under it. Only what comes after the customer's own text is cut: a reply that quotes first and answers below keeps
 * its answer.
 */
final class ReplyText {

    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(on\\s.{1,300}\\swrote|le\\s.{1,300}\\sa\\s+écrit|am\\s.{1,300}\\sschrieb(\\s.{1,300})?|el\\s.{1,300}\\sescribió"
                    + "|op\\s.{1,300}\\sschreef|il\\s.{1,300}\\sha\\s+scritto)\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^-{2,}\\s*(original message|forwarded message|ursprüngliche nachricht|message d'origine)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER_LINE = Pattern.compile("^\\*?(from|von|de|sent|gesendet|envoyé|date|datum|to|an|à|cc|subject|betreff|objet)\\*?\\s*:.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FROM_LINE = Pattern.compile("^\\*?(from|von|de)\\*?\\s*:.*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern UNDERSCORES = Pattern.compile("^_{8,}\\s*$");
    private static final Pattern DEVICE_FOOTER = Pattern.compile(
            "^(sent from my .{1,40}|sent from (outlook|mail|yahoo mail).{0,60}|get outlook for .{1,40}|von meinem .{1,40} gesendet)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SIGN_OFF = Pattern.compile(
            "^(best|kind|warm|many thanks and best)?\\s*(regards|wishes)[,!.]?\\s*$|^(thanks|thank you|many thanks|cheers|best|sincerely|yours|yours sincerely|"
                    + "yours truly|all the best|mit freundlichen grüßen|viele grüße|liebe grüße|cordialement|bien à vous|saludos)[,!.]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Lines a sign-off may close with: a name, a title, a phone number. More than this and it was not a sign-off. */
    private static final int MAX_LINES_AFTER_SIGN_OFF = 4;
    private static final int MAX_SIGNATURE_LINE = 60;

    private ReplyText() {
    }

    static String strip(String text) {
        if (text == null) {
            return "";
        }
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.strip();
            if (startsHistory(lines, i) && hasContent(kept)) {
                break;
            }
            if (t.equals("--") || line.equals("-- ")) {
                if (hasContent(kept)) {
                    break;
                }
                continue;
            }
            if (t.startsWith(">")) {
                continue;
            }
            if (DEVICE_FOOTER.matcher(t).matches()) {
                continue;
            }
            kept.add(line);
        }
        dropSignOff(kept);
        return String.join("\n", kept).replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static boolean startsHistory(List<String> lines, int i) {
        String t = lines.get(i).strip();
        if (QUOTE_HEADER.matcher(t).matches() || ORIGINAL_MESSAGE.matcher(t).matches()) {
            return true;
        }
        // Gmail and Apple Mail wrap a long "On <date>, <name> <address> wrote:" over two lines.
        if (i + 1 < lines.size() && t.toLowerCase(Locale.ROOT).matches("^(on|le|am|el|op|il)\\s.*")
                && QUOTE_HEADER.matcher(t + " " + lines.get(i + 1).strip()).matches()) {
            return true;
        }
        if (UNDERSCORES.matcher(t).matches() && i + 1 < lines.size() && FROM_LINE.matcher(nextNonBlank(lines, i + 1)).matches()) {
            return true;
        }
        // Outlook's quoted original starts with a block of From:, Sent:, To:, Subject: lines.
        if (FROM_LINE.matcher(t).matches()) {
            int headers = 0;
            for (int j = i; j < Math.min(lines.size(), i + 6); j++) {
                if (HEADER_LINE.matcher(lines.get(j).strip()).matches()) {
                    headers++;
                }
            }
            return headers >= 3;
        }
        return false;
    }

    private static String nextNonBlank(List<String> lines, int from) {
        for (int j = from; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
                return lines.get(j).strip();
            }
        }
        return "";
    }

    /** Removes a closing "Thanks,\nAnna" when there is something above it; "Thanks!" alone stays what was said. */
    private static void dropSignOff(List<String> kept) {
        int end = kept.size();
        while (end > 0 && kept.get(end - 1).isBlank()) {
            end--;
        }
        for (int i = end - 1; i >= 0 && end - i - 1 <= MAX_LINES_AFTER_SIGN_OFF; i--) {
            String t = kept.get(i).strip();
            if (SIGN_OFF.matcher(t).matches()) {
                if (hasContent(kept.subList(0, i))) {
                    kept.subList(i, kept.size()).clear();
                }
                return;
            }
            if (t.length() > MAX_SIGNATURE_LINE) {
                return;
            }
        }
    }

    private static boolean hasContent(List<String> lines) {
        return lines.stream().anyMatch(l -> !l.isBlank());
    }
}
