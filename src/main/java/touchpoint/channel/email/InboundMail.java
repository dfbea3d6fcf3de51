package touchpoint.channel.email;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One received mail as the channel uses it.
 *
 * @param messageId the mail's own Message-ID without angle brackets; made up from its content when it has none
 * @param threadIds Message-IDs it answers, nearest first: In-Reply-To, then References from the last
 * @param fromAddress the sender's address, canonical (domain in lower case); null when there is none readable
 * @param text what the customer wrote in this mail: quoted history and signature removed, HTML read as text
 * @param automated why this mail was written by a machine (auto_submitted, precedence, auto_reply, delivery_report,
 *                  bounce, mailing_list), null for a mail a person wrote
 * @param malformed the body could not be read as MIME; only its headers were
 * @param authenticationResults the Authentication-Results headers (RFC 8601) receiving servers added, topmost first
 */
record InboundMail(String messageId, List<String> threadIds, @Nullable String fromAddress, @Nullable String fromName,
                   String subject, String text, @Nullable String automated, boolean malformed, List<String> authenticationResults) {

    InboundMail {
        threadIds = List.copyOf(threadIds);
        authenticationResults = List.copyOf(authenticationResults);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
    }

    /**
     * Whether the mail server named {@code authservId} checked that the From address's domain sent this mail (DMARC
     * pass). Only that server's own header counts: RFC 8601 has it drop headers claiming its name that arrived with the
     * mail, and anyone can write the header of any other name.
     */
    boolean senderVerifiedBy(@Nullable String authservId) {
        if (authservId == null || authservId.isBlank() || fromAddress == null) {
            return false;
        }
        return authenticationResults.stream()
                .filter(h -> h.strip().toLowerCase(java.util.Locale.ROOT).startsWith(authservId.toLowerCase(java.util.Locale.ROOT)))
                .findFirst()
                .map(h -> h.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " "))
                .map(h -> h.contains("dmarc=pass") && h.contains("header.from=" + fromAddress.substring(fromAddress.lastIndexOf('@') + 1)))
                .orElse(false);
    }
}
