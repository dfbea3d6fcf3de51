package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import touchpoint.infra.Ids;

/**
 * A way to recognise a person that a channel has checked: a verified e-mail address, an API channel's
 * {@code externalId} (scoped to that channel), a Telegram user id, or a site user id whose signature the widget
 * verified. Only verified identities are passed here; what a customer merely types is never an identity.
 * {@code name} and {@code email} are what the channel knows besides, kept on the contact's profile when it has
 * none yet (an e-mail given alongside a site user id is a profile field, not a verified address).
 *
 * @param scope the channel an external id belongs to, the site of a site user; "" when the kind has none
 */
public record Identity(Kind kind, String scope, String value, @Nullable String name, @Nullable String email) {

    public enum Kind {
        /** An address the e-mail channel received from, or that a form confirmed. */
        VERIFIED_EMAIL,
        /** The API channel's id for its customer, unique within that channel. */
        EXTERNAL_ID,
        /** A user of the host site, signed with the identity secret (widget identity verification). */
        SITE_USER,
        /** A Telegram user id. */
        TELEGRAM_USER,
        /** A browser's random visitor key: keeps an anonymous visitor's conversations together, proves nobody. */
        VISITOR;

        /** Whether the identity says who the person is, so that two of them are never merged. */
        public boolean verified() {
            return this != VISITOR;
        }
    }

    /** The site every widget signs for until sites have secrets of their own. */
    public static final String DEFAULT_SITE = "default";

    public Identity {
        if (kind == null || value == null || value.isBlank()) {
            throw new IllegalArgumentException("an identity needs a kind and a value");
        }
        scope = scope == null ? "" : scope;
    }

    public static Identity verifiedEmail(String email) {
        return new Identity(Kind.VERIFIED_EMAIL, "", email.strip().toLowerCase(Locale.ROOT), null, email.strip());
    }

    /** @param channel the channel's name, e.g. {@code api}: the same id in two channels is two identities */
    public static Identity externalId(String channel, String externalId) {
        return new Identity(Kind.EXTERNAL_ID, channel, externalId.strip(), null, null);
    }

    public static Identity telegramUser(long userId) {
        return new Identity(Kind.TELEGRAM_USER, "", Long.toString(userId), null, null);
    }

    /** A user id the host site signed (checked by {@link IdentityVerification} before it gets here). */
    public static Identity siteUser(String userId) {
        return new Identity(Kind.SITE_USER, DEFAULT_SITE, userId, null, null);
    }

    static Identity visitor(String visitorKey) {
        return new Identity(Kind.VISITOR, "", visitorKey, null, null);
    }

    public Identity named(@Nullable String name) {
        return new Identity(kind, scope, value, blankToNull(name), email);
    }

    public Identity withEmail(@Nullable String email) {
        return new Identity(kind, scope, value, name, blankToNull(email));
    }

    /** The stored key: a visitor key only as its hash, as tokens are. */
    String key() {
        return kind == Kind.VISITOR ? Ids.hash(value) : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
