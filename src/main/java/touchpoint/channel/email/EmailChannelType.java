package touchpoint.channel.email;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import touchpoint.channel.ChannelFields;
import touchpoint.channel.ChannelSetup;
import touchpoint.channel.ChannelType;
import touchpoint.channel.Delivery;
import touchpoint.channel.Outbound;
import touchpoint.infra.InvalidRequest;

/**
 * The email channel as the channel core sees it: what an admin configures (an address, an SMTP server to send
 * through, optionally an IMAP mailbox to read), which transcript events leave as mail, and how one is sent.
 */
@Singleton
class EmailChannelType implements ChannelType {

    static final String TYPE = "email";
    static final String TOPIC = "mail";
    private static final Set<String> SECURITY = Set.of(MailServer.TLS, MailServer.STARTTLS, MailServer.NONE);

    // Looked up on first delivery: the transcript (which EmailReplies reads) is built with the channel types, through
    // the outbox's projection, so a constructor dependency on it would be a cycle.
    private final Provider<EmailReplies> replies;

    EmailChannelType(Provider<EmailReplies> replies) {
        this.replies = replies;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> secretNames() {
        return List.of(EmailSettings.SMTP_PASSWORD, EmailSettings.IMAP_PASSWORD);
    }

    @Override
    public void configure(ChannelFields fields, ChannelSetup setup) {
        String address = HeaderValues.canonical(HeaderValues.address("address", fields.requiredString("address", 254)));
        setup.setting("address", address);
        fields.string("displayName").ifPresent(name -> setup.setting("displayName", HeaderValues.singleLine("displayName", name)));
        setup.setting("smtpHost", host(fields.requiredString("smtpHost", 253), "smtpHost"));
        fields.integer("smtpPort", 1, 65535).ifPresent(p -> setup.setting("smtpPort", p));
        security(fields, "smtpSecurity").ifPresent(s -> setup.setting("smtpSecurity", s));
        fields.string("smtpUsername").ifPresent(u -> setup.setting("smtpUsername", HeaderValues.singleLine("smtpUsername", u)));
        fields.string(EmailSettings.SMTP_PASSWORD).ifPresent(p -> setup.secret(EmailSettings.SMTP_PASSWORD, p));
        boolean receives = fields.has("imapHost") || fields.existing().flatMap(c -> c.setting("imapHost")).isPresent();
        fields.string("imapHost").ifPresent(h -> setup.setting("imapHost", host(h, "imapHost")));
        fields.integer("imapPort", 1, 65535).ifPresent(p -> setup.setting("imapPort", p));
        security(fields, "imapSecurity").ifPresent(s -> setup.setting("imapSecurity", s));
        fields.string("imapFolder").ifPresent(f -> setup.setting("imapFolder", HeaderValues.singleLine("imapFolder", f)));
        fields.string("imapUsername").ifPresent(u -> setup.setting("imapUsername", HeaderValues.singleLine("imapUsername", u)));
        fields.string(EmailSettings.IMAP_PASSWORD).ifPresent(p -> setup.secret(EmailSettings.IMAP_PASSWORD, p));
        fields.string("trustedAuthservId").ifPresent(a -> setup.setting("trustedAuthservId", host(a, "trustedAuthservId")));
        if (receives && fields.creating() && !fields.has("imapUsername")) {
            throw new InvalidRequest("imapUsername", "is required to read the mailbox");
        }
    }

    @Override
    public List<String> deliveries(Outbound event) {
        return EmailReplies.mailed(event.event()) ? List.of(TOPIC) : List.of();
    }

    @Override
    public void deliver(Delivery delivery) throws Exception {
        replies.get().deliver(delivery);
    }

    private static String host(String value, String field) {
        if (!value.matches("[A-Za-z0-9.\\-\\[\\]:]{1,253}")) {
            throw new InvalidRequest(field, "must be a host name or address");
        }
        return value;
    }

    private static java.util.Optional<String> security(ChannelFields fields, String name) {
        return fields.string(name).map(s -> {
            String v = s.toLowerCase(java.util.Locale.ROOT);
            if (!SECURITY.contains(v)) {
                throw new InvalidRequest(name, "must be tls, starttls or none");
            }
            return v;
        });
    }
}
