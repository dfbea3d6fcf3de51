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
 */
record InboundMail(String messageId, List<String> threadIds, @Nullable String fromAddress, @Nullable String fromName,
                   String subject, String text, @Nullable String automated, boolean malformed) {

    InboundMail {
        threadIds = List.copyOf(threadIds);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
    }
}
