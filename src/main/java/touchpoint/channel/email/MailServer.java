package touchpoint.channel.email;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Where one side of a mail channel connects: an SMTP server to send through or an IMAP server to read from.
 *
 * @param security {@code tls} (implicit TLS, ports 465/993), {@code starttls} (upgrade required, ports 587/143) or
 *                 {@code none} (local test servers only: the password then crosses the wire in the clear)
 */
record MailServer(String host, int port, String security, String username, String password) {

    static final String TLS = "tls";
    static final String STARTTLS = "starttls";
    static final String NONE = "none";

    /** Connecting and every read give up after this: a hung server must not hold a poller or a delivery forever. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Jakarta Mail session properties for {@code protocol} (smtp or imap). */
    Properties properties(String protocol) {
        String p = protocol.toLowerCase(Locale.ROOT);
        Properties props = new Properties();
        String prefix = "mail." + p + ".";
        props.put(prefix + "host", host);
        props.put(prefix + "port", String.valueOf(port));
        props.put(prefix + "connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        props.put(prefix + "timeout", String.valueOf(TIMEOUT.toMillis()));
        props.put(prefix + "writetimeout", String.valueOf(TIMEOUT.toMillis()));
        if (TLS.equals(security)) {
            props.put(prefix + "ssl.enable", "true");
            props.put(prefix + "ssl.checkserveridentity", "true");
        } else if (STARTTLS.equals(security)) {
            props.put(prefix + "starttls.enable", "true");
            props.put(prefix + "starttls.required", "true");
            props.put(prefix + "ssl.checkserveridentity", "true");
        }
        if (p.equals("smtp")) {
            props.put("mail.smtp.auth", String.valueOf(username != null && !username.isBlank()));
        }
        return props;
    }

    @Override
    public String toString() {
        // Never the password: this record ends up in log lines and exception messages.
        return "MailServer[" + host + ":" + port + " " + security + " user=" + username + "]";
    }
}
