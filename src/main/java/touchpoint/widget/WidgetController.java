package touchpoint.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Serves the embeddable widget and the demo shop that embeds it. The script is cached publicly for a short
 * while and revalidated by ETag, so a new release reaches every site within minutes while repeat visits cost a
 * 304; Micronaut gzips it for clients that accept gzip.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class WidgetController {

    static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    static final String CSS = "text/css; charset=utf-8";

    private final StaticAsset script = StaticAsset.load("widget/widget.js");
    private final StaticAsset demoPage = StaticAsset.load("widget/demo.html");
    private final StaticAsset demoStyles = StaticAsset.load("widget/demo.css");
    private final String scriptCacheControl;

    WidgetController(WidgetConfig config) {
        this.scriptCacheControl = "public, max-age=" + config.scriptMaxAge().toSeconds();
    }

    @Get(value = "/widget.js", produces = JAVASCRIPT)
    HttpResponse<byte[]> widget(@Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(script, JAVASCRIPT, scriptCacheControl, ifNoneMatch);
    }

    @Get(value = "/demo", produces = HTML)
    HttpResponse<byte[]> demo(@Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(demoPage, HTML, "no-cache", ifNoneMatch);
    }

    @Get(value = "/demo/shop.css", produces = CSS)
    HttpResponse<byte[]> demoStyles(@Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(demoStyles, CSS, "no-cache", ifNoneMatch);
    }

    static HttpResponse<byte[]> serve(StaticAsset asset, String contentType, String cacheControl, String ifNoneMatch) {
        MutableHttpResponse<byte[]> response = asset.matches(ifNoneMatch)
                ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
                : HttpResponse.ok(asset.bytes()).contentType(contentType);
        return response.header(HttpHeaders.ETAG, asset.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    }
}
