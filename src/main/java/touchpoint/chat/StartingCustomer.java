package touchpoint.chat;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * Who starts a conversation, as far as a feature that knows customers can tell from what they claim. Chat asks
 * it without knowing contacts; when no bean fills it, every conversation is anonymous. Whether a claim is
 * trusted (a signature checked) is the implementation's decision, never chat's.
 */
public interface StartingCustomer {

    /** The contact a new conversation belongs to; empty to leave the conversation anonymous. */
    Optional<Recognised> recognise(Claim claim);

    /** After the conversation and its CONTACT_IDENTIFIED event are committed (a visitor's earlier conversations may follow). */
    void started(String conversationId, Recognised recognised, Claim claim);

    /**
     * What the customer's page says about them. {@code userHash} is the site's signature over {@code userId};
     * {@code visitorId} is a random key the browser keeps, so an anonymous visitor's conversations stay together.
     */
    record Claim(@Nullable String userId, @Nullable String userHash, @Nullable String email, @Nullable String name,
                 @Nullable String visitorId) {

        public static final Claim NONE = new Claim(null, null, null, null, null);

        public boolean isEmpty() {
            return userId == null && userHash == null && email == null && name == null && visitorId == null;
        }
    }

    /**
     * @param kind the identity kind recorded in the CONTACT_IDENTIFIED event
     * @param identified a verified identity: only then is the contact's id returned to the customer
     */
    record Recognised(String contactId, String kind, boolean identified) {
    }
}
