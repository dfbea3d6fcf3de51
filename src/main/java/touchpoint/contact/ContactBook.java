package touchpoint.contact;

import io.micronaut.core.type.Argument;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import touchpoint.infra.Ids;

/** The contact table: finding a contact by identity (creating it the first time), reading and updating profiles. */
@Singleton
class ContactBook {

    /** Merged contacts point at the one they went into; a chain this long means a bug, not a real history. */
    private static final int MAX_MERGE_HOPS = 8;

    private final ContactRepository contacts;
    private final ContactIdentityRepository identities;
    private final JsonMapper json;
    private final Ids ids;
    private final Clock clock;

    ContactBook(ContactRepository contacts, ContactIdentityRepository identities, JsonMapper json, Ids ids, Clock clock) {
        this.contacts = contacts;
        this.identities = identities;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The contact this identity belongs to, created with it the first time it is seen. Two instances creating the
     * same identity at once: the unique key lets one insert win, and the other reads the winner's contact.
     */
    ContactRow resolve(Identity identity) {
        try {
            return resolveOrCreate(identity);
        } catch (DataAccessException raced) {
            return find(identity).orElseThrow(() -> raced);
        }
    }

    @Transactional
    ContactRow resolveOrCreate(Identity identity) {
        Instant now = clock.instant();
        Optional<ContactRow> known = find(identity);
        if (known.isPresent()) {
            ContactRow row = known.get();
            boolean adds = row.name() == null && identity.name() != null || row.email() == null && identity.email() != null
                    || !row.verified() && identity.kind().verified();
            return adds ? contacts.update(row.withProfile(identity.name(), identity.email(), identity.kind().verified(), now)) : row;
        }
        ContactRow created = contacts.save(new ContactRow(ids.newId(), identity.name(), identity.email(),
                identity.kind().verified(), "{}", null, null, now, now));
        identities.save(new ContactIdentityRow(null, created.id(), identity.kind().name(), identity.scope(), identity.key(), now));
        return created;
    }

    /** The live contact of an identity, following merges. */
    Optional<ContactRow> find(Identity identity) {
        return identities.findByKindAndScopeAndValueKey(identity.kind().name(), identity.scope(), identity.key())
                .flatMap(i -> live(i.contactId()));
    }

    /** The contact, or the one it was merged into. */
    Optional<ContactRow> live(String contactId) {
        Optional<ContactRow> row = contacts.findById(contactId);
        for (int hop = 0; hop < MAX_MERGE_HOPS && row.isPresent() && row.get().mergedInto() != null; hop++) {
            row = contacts.findById(row.get().mergedInto());
        }
        return row;
    }

    Optional<ContactRow> row(String contactId) {
        return contacts.findById(contactId);
    }

    Contact view(ContactRow row) {
        List<Contact.IdentityView> shown = identities.findByContactIdOrderById(row.id()).stream()
                .filter(i -> !Identity.Kind.VISITOR.name().equals(i.kind()))
                .map(i -> new Contact.IdentityView(i.kind(), i.scope(), i.valueKey()))
                .toList();
        return new Contact(row.id(), row.name(), row.email(), row.verified(), attributes(row), shown, row.erasedAt(),
                row.createdAt(), row.updatedAt());
    }

    List<ContactRow> search(String query, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return contacts.search(pattern, q, limit);
    }

    /** Sets the given attributes (a blank value removes one) and returns the contact. */
    @Transactional
    ContactRow setAttributes(String contactId, Map<String, String> changes) {
        ContactRow row = contacts.findByIdForUpdate(contactId).filter(c -> c.erasedAt() == null && c.mergedInto() == null)
                .orElseThrow(ContactNotFound::new);
        Map<String, String> merged = new TreeMap<>(attributes(row));
        changes.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return contacts.update(row.withAttributes(write(merged), clock.instant()));
    }

    Map<String, String> attributes(ContactRow row) {
        try {
            return new TreeMap<>(json.readValue(row.attributes(), Argument.mapOf(String.class, String.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Map<String, String> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
