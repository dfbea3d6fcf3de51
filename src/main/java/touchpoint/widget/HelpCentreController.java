package touchpoint.widget;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import touchpoint.knowledge.KnowledgeBase;

/**
 * The published FAQs as help-centre articles, for customers who would rather read than chat (the page at
 * {@code /}). Only what the bot itself serves is listed, with the same sanitized HTML.
 */
@Controller("/api/help")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Customer")
class HelpCentreController {

    private final KnowledgeBase knowledge;

    HelpCentreController(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** One article: the FAQ's title, tags, the phrasings it answers (for search) and its sanitized answer. */
    @Serdeable
    record Article(String id, String title, List<String> tags, List<String> questions, String html) {
    }

    @Get("/articles")
    @Operation(summary = "Published FAQs as help-centre articles, by title")
    HttpResponse<List<Article>> articles() {
        List<Article> articles = knowledge.all().stream()
                .map(f -> new Article(f.id(), f.title(), f.tags(), f.questions(), f.bodyHtml()))
                .sorted(Comparator.comparing(a -> a.title().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        return HttpResponse.ok(articles).header(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
    }
}
