package touchpoint.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request and response bodies of the admin API. */
final class AdminApi {

    private AdminApi() {
    }

    /**
     * An FAQ as the editor sends it. {@code id} may be left out on create (derived from the title);
     * {@code revision} is the revision the edit is based on and is required on update.
     * Detailed rules (lengths, alphabets, duplicates) are in {@link FaqRules}, shared with imports.
     *
     * <p>The read-only fields of {@link FaqJson} ({@code status} to {@code updatedBy}) are accepted so a client can
     * send back the document it read with only the body changed. The service sets them itself: what is sent is
     * refused only when it contradicts the FAQ (a status or published revision it does not have, {@code deleted}).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FaqInput(
            @Nullable String id,
            @NotBlank String title,
            @NotNull List<String> questions,
            @Nullable List<String> tags,
            @Nullable String team,
            @Nullable String locale,
            @NotBlank String body,
            @Nullable Long revision,
            @Nullable String status,
            @Nullable Long publishedRevision,
            @Nullable Boolean deleted,
            @Nullable String updatedAt,
            @Nullable String updatedBy) {
    }

    /** An FAQ as the API returns it; {@code revision} is the newest, {@code publishedRevision} the live one. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FaqJson(
            String id,
            String title,
            List<String> questions,
            List<String> tags,
            @Nullable String team,
            String locale,
            String body,
            FaqStatus status,
            long revision,
            @Nullable Long publishedRevision,
            boolean deleted,
            Instant updatedAt,
            String updatedBy) {

        static FaqJson of(FaqStore.FaqState s) {
            FaqDocument d = s.head();
            FaqRow r = s.row();
            return new FaqJson(d.id(), d.title(), d.questions(), d.tags(), d.team(), d.locale(), d.body(), r.status(),
                    r.headRevision(), r.publishedRevision(), r.deleted(), r.updatedAt(), r.updatedBy());
        }
    }

    /** A list row: everything but the body. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FaqSummary(
            String id,
            String title,
            List<String> questions,
            List<String> tags,
            @Nullable String team,
            String locale,
            FaqStatus status,
            long revision,
            @Nullable Long publishedRevision,
            boolean deleted,
            Instant updatedAt,
            String updatedBy) {

        static FaqSummary of(FaqStore.FaqState s) {
            FaqDocument d = s.head();
            FaqRow r = s.row();
            return new FaqSummary(d.id(), d.title(), d.questions(), d.tags(), d.team(), d.locale(), r.status(),
                    r.headRevision(), r.publishedRevision(), r.deleted(), r.updatedAt(), r.updatedBy());
        }
    }

    /** The list, with every tag and team in use so the editor can offer filters. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FaqList(List<FaqSummary> items, List<String> tags, List<String> teams) {
    }

    /** Optional body of publish: the revision the admin reviewed, so a newer unseen edit is not published. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PublishRequest(@Nullable Long revision) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Revision(
            long revision,
            String action,
            String author,
            Instant createdAt,
            boolean live,
            String title,
            List<String> questions,
            List<String> tags,
            @Nullable String team,
            String locale,
            String body,
            List<RevisionDiff.FieldChange> changes,
            List<RevisionDiff.Line> bodyDiff) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TestRequest(@NotBlank @Size(max = 2000) String text, @Nullable String faqId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Scored(String faqId, String title, double score) {
    }

    /** {@code outcome} is {@code answer}, {@code clarify} or {@code fallback}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Verdict(String outcome, String text, String html, List<Scored> candidates, List<String> citedFaqIds) {
    }

    /**
     * The same question against the draft and the live knowledge base. With {@code faqId} the draft is the
     * live set with that FAQ's newest revision; without, every FAQ's newest revision.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TestResponse(String text, @Nullable String faqId, Verdict draft, Verdict live) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PreviewRequest(@NotNull @Size(max = FaqRules.MAX_BODY) String body) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PreviewResponse(String html) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AuditEntry(long id, Instant at, String actor, String action, String target, @Nullable String detail) {

        static AuditEntry of(AuditRow r) {
            return new AuditEntry(r.id(), r.createdAt(), r.actor(), r.action(), r.target(), r.detail());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AuditPage(List<AuditEntry> entries) {
    }
}
