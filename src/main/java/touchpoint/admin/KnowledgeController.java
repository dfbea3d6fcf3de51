package touchpoint.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import touchpoint.admin.AdminApi.PreviewRequest;
import touchpoint.admin.AdminApi.PreviewResponse;
import touchpoint.admin.AdminApi.TestRequest;
import touchpoint.admin.AdminApi.TestResponse;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.JsonRequests;

/** The knowledge base as a whole: preview, test a question, import and export. */
@Controller("/api/admin/knowledge")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Admin: knowledge")
class KnowledgeController {

    static final String ZIP = "application/zip";

    private final FaqStore store;
    private final FaqImport importer;
    private final ContentSource content;
    private final MarkdownPreview preview;
    private final QuestionTester tester;
    private final JsonRequests requests;

    KnowledgeController(FaqStore store, FaqImport importer, ContentSource content, MarkdownPreview preview,
                        QuestionTester tester, JsonRequests requests) {
        this.store = store;
        this.importer = importer;
        this.content = content;
        this.preview = preview;
        this.tester = tester;
        this.requests = requests;
    }

    @Post("/preview")
    @Operation(summary = "Render an answer's markdown as the widget will show it, sanitized")
    PreviewResponse preview(@Body @Nullable JsonNode body) {
        return new PreviewResponse(preview.toSafeHtml(requests.read(body, PreviewRequest.class).body()));
    }

    @Post("/test")
    @Operation(summary = "What the bot would decide for a question with the drafts, next to what it decides live")
    TestResponse test(@Body @Nullable JsonNode body) {
        TestRequest r = requests.read(body, TestRequest.class);
        return tester.test(r.text().strip(), r.faqId() == null || r.faqId().isBlank() ? null : r.faqId());
    }

    @Post("/import{?source,publish}")
    @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM, "application/x-zip-compressed", MediaType.APPLICATION_JSON})
    @Operation(summary = "Import faq-content files from an uploaded zip, or from the server's directory with source=server; bad files are reported, the rest imported as drafts (or published with publish=true)")
    ImportReport importFiles(@Nullable @QueryValue String source, @Nullable @QueryValue Boolean publish,
                             @Body @Nullable byte[] zip, Authentication user) {
        boolean fromServer = "server".equals(source);
        if (source != null && !fromServer && !"upload".equals(source)) {
            throw new InvalidRequest("source", "must be upload or server");
        }
        List<FaqImport.SourceFile> files = fromServer ? content.serverFiles() : content.zipFiles(zip);
        return importer.importFiles(fromServer ? "server" : "upload", files, Boolean.TRUE.equals(publish), user.getName());
    }

    @Get(value = "/export{?status}", produces = ZIP)
    @Operation(summary = "A zip of faq-content files: every FAQ's newest revision, or with status=published what customers get")
    HttpResponse<byte[]> export(@Nullable @QueryValue FaqStatus status) {
        List<FaqDocument> faqs = status == FaqStatus.published
                ? store.published()
                : store.all().stream().filter(s -> !s.row().deleted()).map(FaqStore.FaqState::head).toList();
        return HttpResponse.ok(content.exportZip(faqs))
                .contentType(ZIP)
                .header("Content-Disposition", "attachment; filename=\"faq-content.zip\"");
    }
}
