package touchpoint.widget;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

/**
 * The staff pages' directories, {@code /agent/} and {@code /admin/}, answered with their {@code index.html}. The
 * static-resource handler looks for an index page only on the file system: run from the packaged jar it finds the
 * directory's own jar entry and answers 200 with an empty body, a blank page for every agent of a docker deployment.
 * Without the slash ({@code /admin}) a browser is sent to the directory, so the page's relative links resolve and
 * the path is not mistaken for an API call that needs a token.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class DirectoryPages {

    private final StaticAsset agent = StaticAsset.load("public/agent/index.html");
    private final StaticAsset admin = StaticAsset.load("public/admin/index.html");

    @Get(value = "/agent", produces = WidgetController.HTML)
    HttpResponse<?> agent(HttpRequest<?> request) {
        return page(request, "/agent/", agent);
    }

    @Get(value = "/admin", produces = WidgetController.HTML)
    HttpResponse<?> admin(HttpRequest<?> request) {
        return page(request, "/admin/", admin);
    }

    // The router matches "/agent" and "/agent/" alike, so the slash is told apart here.
    private static HttpResponse<?> page(HttpRequest<?> request, String directory, StaticAsset index) {
        if (!request.getPath().endsWith("/")) {
            String query = request.getUri().getRawQuery();
            return HttpResponse.redirect(URI.create(query == null ? directory : directory + "?" + query));
        }
        // Revalidated on every visit: the page is small, and a new release's page then shows at once.
        return WidgetController.serve(index, WidgetController.HTML, "no-cache",
                request.getHeaders().get(HttpHeaders.IF_NONE_MATCH));
    }
}
