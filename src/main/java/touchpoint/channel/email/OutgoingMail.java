package touchpoint.channel.email;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One mail the channel sends.
 *
 * @param messageId without angle brackets; stable across retries of the same delivery, so a mail sent twice after a
 *                  crash is one message to the recipient's client
 * @param inReplyTo the Message-ID this answers, null for the first mail of a thread
 * @param references the thread's Message-IDs, oldest first
 * @param automatic written by the bot or the system, not a person: marked {@code Auto-Submitted: auto-replied} (RFC
 *                  3834) so the customer's own auto-responder does not answer it
 */
record OutgoingMail(String from, @Nullable String fromName, String to, String subject, String messageId, @Nullable String inReplyTo,
                    List<String> references, String text, String html, boolean automatic) {

    OutgoingMail {
        references = List.copyOf(references);
    }
}
