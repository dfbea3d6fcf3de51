package touchpoint.contact;

import jakarta.inject.Singleton;
import java.util.Optional;
import touchpoint.workspace.CustomerNames;

/** A canned reply's {@code {{customer.name}}}: the name of the contact the conversation belongs to, when known. */
@Singleton
class ContactNames implements CustomerNames {

    private final Contacts contacts;

    ContactNames(Contacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public Optional<String> nameOf(String conversationId) {
        return contacts.contactOf(conversationId).flatMap(contacts::find).map(Contact::name)
                .filter(name -> !name.isBlank());
    }
}
