package touchpoint.channel.email;

import jakarta.inject.Singleton;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the unread mail of a channel's IMAP folder and marks each mail read once it has been handled. A mail whose
 * handling failed stays unread and is read again at the next poll; handling is idempotent (the Message-ID is
 * stored once), so two instances polling the same mailbox, or a crash between handling and marking, repeat nothing.
 * IMAP fetches parts on demand, so a large attachment is never downloaded: only the text parts are read.
 */
@Singleton
class ImapMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(ImapMailbox.class);

    /** Handles one mail; returns normally once it is stored (or deliberately ignored), throws to have it read again. */
    @FunctionalInterface
    interface Handler {
        void handle(MimeMessage message) throws Exception;
    }

    /** @return how many mails were handled */
    int poll(MailServer imap, String folderName, int max, Handler handler) throws MessagingException {
        Session session = Session.getInstance(imap.properties(MailServer.TLS.equals(imap.security()) ? "imaps" : "imap"));
        try (Store store = session.getStore(MailServer.TLS.equals(imap.security()) ? "imaps" : "imap")) {
            store.connect(imap.host(), imap.port(), imap.username(), imap.password());
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int handled = 0;
                for (int i = 0; i < unread.length && handled < max; i++) {
                    if (!(unread[i] instanceof MimeMessage message)) {
                        continue;
                    }
                    try {
                        handler.handle(message);
                        message.setFlag(Flags.Flag.SEEN, true);
                        handled++;
                    } catch (Exception e) {
                        LOG.warn("mail {} of {} not handled, read again at the next poll: {}", message.getMessageNumber(), imap, e.toString());
                        // Reading the body marks it seen on most servers; an unhandled mail must stay unread.
                        message.setFlag(Flags.Flag.SEEN, false);
                    }
                }
                return handled;
            } finally {
                folder.close(false);
            }
        }
    }
}
