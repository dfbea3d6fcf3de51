package touchpoint.channel.email;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Optional;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelSecrets;

/**
 * One email channel's settings, read from the channel and its encrypted secrets.
 *
 * @param address the support address customers write to and the bot's mail comes from
 * @param imap where mail is read from; null for a channel that only sends (follow-ups to the widget's offline form)
 * @param trustedAuthservId the receiving mail server's name in its Authentication-Results headers: a mail it passed
 *                          (DMARC) identifies its sender as a contact; unset, no sender is identified
 */
record EmailSettings(String channelId, String address, @Nullable String displayName, MailServer smtp, @Nullable MailServer imap,
                     String folder, @Nullable String trustedAuthservId) {

    static final String SMTP_PASSWORD = "smtpPassword";
    static final String IMAP_PASSWORD = "imapPassword";

    static EmailSettings of(Channel channel, ChannelSecrets secrets) {
        MailServer smtp = new MailServer(channel.setting("smtpHost").orElseThrow(), channel.intSetting("smtpPort").orElse(587),
                channel.setting("smtpSecurity").orElse(MailServer.STARTTLS), channel.setting("smtpUsername").orElse(null),
                secrets.reveal(channel, SMTP_PASSWORD).orElse(null));
        MailServer imap = channel.setting("imapHost").map(host -> new MailServer(host, channel.intSetting("imapPort").orElse(993),
                channel.setting("imapSecurity").orElse(MailServer.TLS), channel.setting("imapUsername").orElse(null),
                secrets.reveal(channel, IMAP_PASSWORD).orElse(null))).orElse(null);
        return new EmailSettings(channel.id(), channel.setting("address").orElseThrow(), channel.setting("displayName").orElse(null),
                smtp, imap, channel.setting("imapFolder").orElse("INBOX"), channel.setting("trustedAuthservId").orElse(null));
    }

    /** The domain of the Message-IDs this channel writes: a mail carrying one is the channel's own. */
    String messageIdDomain() {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    boolean isOwnMessageId(String messageId) {
        return messageId.startsWith(EmailReplies.MESSAGE_ID_PREFIX) && messageId.toLowerCase(Locale.ROOT).endsWith("@" + messageIdDomain());
    }

    boolean isOwnAddress(@Nullable String from) {
        return from != null && from.equalsIgnoreCase(address);
    }

    Optional<MailServer> receiving() {
        return Optional.ofNullable(imap);
    }
}
