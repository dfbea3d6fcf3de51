package touchpoint.contact;

import jakarta.inject.Singleton;
import java.util.Optional;
import touchpoint.survey.CustomerNames;

/** A conversation's customer's name, when the contact it belongs to gave one and has not been erased. */
@Singleton
class ContactNames implements CustomerNames {

    private final Contacts contacts;

    ContactNames(Contacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public Optional<String> nameOf(String conversationId) {
        return contacts.contactOf(conversationId).flatMap(contacts::find)
                .filter(c -> c.erasedAt() == null)
                .map(Contact::name).filter(n -> !n.isBlank()).map(String::strip);
    }
}
