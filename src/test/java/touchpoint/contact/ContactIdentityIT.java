package touchpoint.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.chat.ChatService;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.identity.secret", value = ContactIdentityIT.SECRET)
class ContactIdentityIT {

    static final String SECRET = "site-signing-key-used-only-by-this-test";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Contacts contacts;

    @Inject
    ChatService chat;

    @Inject
    Transcript transcript;

    CustomerClient customer;

    @BeforeEach
    void setUp() {
        customer = new CustomerClient(http.toBlocking());
    }

    static String sign(String userId) {
        return IdentityVerification.sign(SECRET.getBytes(StandardCharsets.UTF_8), userId);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void should_identify_a_conversation_whose_user_hash_matches() {
        String user = unique("user");

        Reply started = customer.start("{\"touchpoint\":\"web\",\"userId\":\"" + user + "\",\"userHash\":\"" + sign(user)
                + "\",\"email\":\"ann@example.com\",\"name\":\"Ann\"}");

        assertThat(started.status()).isEqualTo(201);
        String contactId = started.string("contactId");
        assertThat(contactId).isNotNull();
        assertThat(transcript.contactOf(started.string("id"))).contains(contactId);
        assertThat(transcript.events(started.string("id"))).extracting(TranscriptEvent::type).contains(EventType.CONTACT_IDENTIFIED);
        Contact contact = contacts.find(contactId).orElseThrow();
        assertThat(contact.verified()).isTrue();
        assertThat(contact.name()).isEqualTo("Ann");
        assertThat(contact.identities()).extracting(Contact.IdentityView::value).containsExactly(user);
    }

    @Test
    void should_stay_anonymous_with_a_forged_or_missing_hash() {
        String user = unique("user");

        Reply forged = customer.start("{\"userId\":\"" + user + "\",\"userHash\":\"" + sign(user + "x") + "\"}");
        Reply missing = customer.start("{\"userId\":\"" + user + "\"}");
        Reply signedForAnother = customer.start("{\"userId\":\"" + user + "\",\"userHash\":\"" + sign("someone-else") + "\"}");

        for (Reply r : List.of(forged, missing, signedForAnother)) {
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body()).doesNotContainKey("contactId");
            assertThat(transcript.contactOf(r.string("id"))).isEmpty();
        }
        assertThat(contacts.find(Identity.siteUser(user))).isEmpty();
    }

    @Test
    void should_return_the_same_contact_for_the_same_identity_on_every_channel_call() {
        String a = chat.start("email", "en").id();
        String b = chat.start("email", "en").id();
        String email = unique("bob") + "@Example.com";

        String first = contacts.identify(a, Identity.verifiedEmail(email));
        String again = contacts.identify(a, Identity.verifiedEmail(email.toLowerCase()));
        String second = contacts.identify(b, Identity.verifiedEmail(email));

        assertThat(again).isEqualTo(first);
        assertThat(second).isEqualTo(first);
        assertThat(contacts.conversationsOf(first)).containsExactly(a, b);
        assertThat(transcript.events(a)).filteredOn(e -> e.type() == EventType.CONTACT_IDENTIFIED).hasSize(1);
    }

    @Test
    void should_scope_external_ids_to_their_channel() {
        String id = unique("cust");

        String api = contacts.identify(chat.start("api", "en").id(), Identity.externalId("api", id));
        String other = contacts.identify(chat.start("crm", "en").id(), Identity.externalId("crm", id));

        assertThat(api).isNotEqualTo(other);
    }

    @Test
    void should_move_an_anonymous_visitors_conversations_to_the_contact_they_identify_as() {
        String visitor = "v" + UUID.randomUUID().toString().replace("-", "");
        Reply first = customer.start("{\"visitorId\":\"" + visitor + "\"}");
        Reply second = customer.start("{\"visitorId\":\"" + visitor + "\"}");
        String anonymous = transcript.contactOf(first.string("id")).orElseThrow();
        assertThat(transcript.contactOf(second.string("id"))).contains(anonymous);
        assertThat(first.body()).doesNotContainKey("contactId");
        String user = unique("user");

        Reply identified = customer.start("{\"visitorId\":\"" + visitor + "\",\"userId\":\"" + user + "\",\"userHash\":\""
                + sign(user) + "\"}");

        String known = identified.string("contactId");
        assertThat(known).isNotEqualTo(anonymous);
        assertThat(contacts.conversationsOf(known))
                .containsExactlyInAnyOrder(first.string("id"), second.string("id"), identified.string("id"));
        assertThat(contacts.conversationsOf(anonymous)).isEmpty();
        assertThat(contacts.find(anonymous).map(Contact::id)).contains(known);
        assertThat(transcript.events(first.string("id"))).filteredOn(e -> e.type() == EventType.CONTACT_IDENTIFIED)
                .extracting(e -> e.data()).last().hasFieldOrPropertyWithValue("kind", "MERGED")
                .hasFieldOrPropertyWithValue("previousContactId", anonymous);
        Reply later = customer.start("{\"visitorId\":\"" + visitor + "\"}");
        assertThat(transcript.contactOf(later.string("id"))).isPresent().get().isNotEqualTo(known);
    }

    @Test
    void should_never_merge_two_verified_identities() {
        String user = unique("user");
        Reply siteUser = customer.start("{\"userId\":\"" + user + "\",\"userHash\":\"" + sign(user) + "\"}");
        String email = unique("carol") + "@example.com";
        String emailContact = contacts.identify(chat.start("email", "en").id(), Identity.verifiedEmail(email));

        assertThatThrownBy(() -> contacts.identify(siteUser.string("id"), Identity.verifiedEmail(email)))
                .isInstanceOf(IdentityConflict.class);

        assertThat(transcript.contactOf(siteUser.string("id"))).contains(siteUser.string("contactId"));
        assertThat(contacts.conversationsOf(emailContact)).hasSize(1);
        assertThat(contacts.find(emailContact).map(Contact::id)).contains(emailContact);
        assertThat(contacts.find(siteUser.string("contactId")).map(Contact::id)).contains(siteUser.string("contactId"));
    }

    @Test
    void should_keep_custom_attributes_and_remove_blank_ones() {
        String contactId = contacts.identify(chat.start("api", "en").id(), Identity.externalId("api", unique("x")));

        contacts.setAttributes(contactId, Map.of("plan", "enterprise", "vip", "true"));
        Contact updated = contacts.setAttributes(contactId, Map.of("vip", ""));

        assertThat(updated.attributes()).containsExactly(Map.entry("plan", "enterprise"));
    }
}
