package touchpoint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The admin pages are static HTML, each with its own copy of the navigation so it works before any script runs. This
 * keeps the copies in step: a page added to one list and forgotten in another fails here rather than in front of an admin.
 */
class AdminNavTest {

    private static final Path PAGES = Path.of("src/main/resources/public/admin");
    private static final String LANDING = "index.html";

    @Test
    void should_show_the_same_navigation_on_every_admin_page_with_the_page_itself_marked_current() throws IOException {
        List<Path> pages = adminPages();
        List<String> canonical = links(nav(pages.get(0)));
        assertThat(canonical).contains("/agent/");
        for (Path page : pages) {
            Element nav = nav(page);
            assertThat(links(nav)).as(page.getFileName() + " lists the same pages in the same order").isEqualTo(canonical);
            assertThat(nav.select("a[aria-current=page]")).as(page.getFileName() + " marks one page current")
                    .singleElement().satisfies(a -> assertThat(a.attr("href")).isEqualTo("/admin/" + page.getFileName()));
        }
    }

    @Test
    void should_list_every_admin_page_in_the_navigation_and_on_the_landing_page() throws IOException {
        List<String> canonical = links(nav(adminPages().get(0)));
        List<String> everyPage = adminPages().stream().map(p -> "/admin/" + p.getFileName()).toList();
        assertThat(canonical).containsAll(everyPage);
        Document landing = Jsoup.parse(PAGES.resolve(LANDING).toFile());
        List<String> landingLinks = landing.select("a[href]").eachAttr("href");
        assertThat(landingLinks).as("the landing page links every admin page in the navigation's order")
                .isEqualTo(canonical.stream().filter(h -> h.startsWith("/admin/")).toList());
    }

    private static List<Path> adminPages() throws IOException {
        try (Stream<Path> files = Files.list(PAGES)) {
            return files.filter(p -> p.toString().endsWith(".html") && !p.getFileName().toString().equals(LANDING))
                    .sorted().toList();
        }
    }

    private static Element nav(Path page) throws IOException {
        Element nav = Jsoup.parse(page.toFile()).selectFirst("nav.admin-nav");
        assertThat(nav).as(page.getFileName() + " has the admin navigation").isNotNull();
        return nav;
    }

    private static List<String> links(Element nav) {
        return nav.select("a[href]").eachAttr("href");
    }
}
