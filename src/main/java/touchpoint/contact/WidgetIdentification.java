package touchpoint.contact;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.StartingCustomer;

/**
 * Who starts a widget conversation: a site user whose signature matches, else the browser's anonymous visitor,
 * else nobody. A claim whose signature is missing or wrong is never trusted: the conversation starts as the
 * anonymous visitor (or without a contact) and the attempt is logged, without the claimed id.
 */
@Singleton
class WidgetIdentification implements StartingCustomer {

    private static final Logger LOG = LoggerFactory.getLogger(WidgetIdentification.class);

    private final IdentityVerification verification;
    private final ContactBook book;
    private final ContactMerge merge;

    WidgetIdentification(IdentityVerification verification, ContactBook book, ContactMerge merge) {
        this.verification = verification;
        this.book = book;
        this.merge = merge;
    }

    @Override
    public Optional<Recognised> recognise(Claim claim) {
        Optional<Identity> user = siteUser(claim.userId(), claim.userHash(), null);
        if (user.isPresent()) {
            ContactRow contact = book.resolve(user.get().named(claim.name()).withEmail(claim.email()));
            return Optional.of(new Recognised(contact.id(), Identity.Kind.SITE_USER.name(), true));
        }
        if (claim.visitorId() != null) {
            ContactRow visitor = book.resolve(Identity.visitor(claim.visitorId()));
            return Optional.of(new Recognised(visitor.id(), Identity.Kind.VISITOR.name(), visitor.verified()));
        }
        return Optional.empty();
    }

    @Override
    public void started(String conversationId, Recognised recognised, Claim claim) {
        if (!recognised.identified() || claim.visitorId() == null) {
            return;
        }
        book.find(Identity.visitor(claim.visitorId()))
                .filter(visitor -> !visitor.verified() && !visitor.id().equals(recognised.contactId()))
                .ifPresent(visitor -> merge.mergeAnonymous(visitor.id(), recognised.contactId(), "system"));
    }

    /** The site user a signed claim names; empty, and logged, when a claim is there but its signature is not right. */
    Optional<Identity> siteUser(String userId, String userHash, String conversationId) {
        if (userId == null && userHash == null) {
            return Optional.empty();
        }
        IdentityVerification.Outcome outcome = verification.check(userId, userHash);
        if (outcome != IdentityVerification.Outcome.VERIFIED) {
            LOG.warn("identity claim not trusted, staying anonymous: reason={} conversation={}", outcome, conversationId);
            return Optional.empty();
        }
        return Optional.of(Identity.siteUser(userId));
    }
}
