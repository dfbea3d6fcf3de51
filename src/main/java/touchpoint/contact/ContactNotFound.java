package touchpoint.contact;

import touchpoint.infra.NotFound;

public class ContactNotFound extends NotFound {
    public ContactNotFound() {
        super("No contact with that id");
    }
}
