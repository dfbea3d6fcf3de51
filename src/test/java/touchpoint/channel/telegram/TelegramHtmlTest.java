package touchpoint.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramHtmlTest {

    @Test
    void should_turn_emphasis_code_and_links_into_telegram_tags() {
        List<String> html = TelegramHtml.fromMarkdown("You can return items within **30 days**, *unused*, see [our policy](https://shop.example/returns) or `ORDER-1`.", 4096);

        assertThat(html).containsExactly("You can return items within <b>30 days</b>, <i>unused</i>, see "
                + "<a href=\"https://shop.example/returns\">our policy</a> or <code>ORDER-1</code>.");
        assertThat(FakeTelegram.checkHtml(html.get(0))).isNull();
    }

    @Test
    void should_escape_markup_characters_typed_as_text() {
        List<String> html = TelegramHtml.fromMarkdown("Orders < 5 kg & > 2 kg ship \"free\" <script>alert(1)</script>", 4096);

        assertThat(html).hasSize(1);
        assertThat(FakeTelegram.checkHtml(html.get(0))).isNull();
        assertThat(FakeTelegram.visibleText(html.get(0))).isEqualTo("Orders < 5 kg & > 2 kg ship \"free\" <script>alert(1)</script>");
        assertThat(html.get(0)).doesNotContain("<script>");
    }

    @Test
    void should_show_headings_lists_quotes_and_code_blocks_with_supported_tags_only() {
        String markdown = """
                ## Delivery

                1. Pack the item
                2. Print the label
                   - keep the receipt

                > Couriers collect on weekdays.

                ```json
                {"a": "<b>"}
                ```

                | Zone | Days |
                |------|------|
                | EU   | 3    |
                """;

        List<String> html = TelegramHtml.fromMarkdown(markdown, 4096);

        assertThat(html).hasSize(1);
        String message = html.get(0);
        assertThat(FakeTelegram.checkHtml(message)).isNull();
        assertThat(message).contains("<b>Delivery</b>", "1. Pack the item\n2. Print the label\n  • keep the receipt",
                "<blockquote>Couriers collect on weekdays.</blockquote>",
                "<pre><code class=\"language-json\">{&quot;a&quot;: &quot;&lt;b&gt;&quot;}</code></pre>",
                "<b>Zone</b> | <b>Days</b>\nEU | 3");
    }

    @Test
    void should_drop_links_to_schemes_telegram_would_not_open_safely() {
        List<String> html = TelegramHtml.fromMarkdown("[click](javascript:alert(1)) and [mail](mailto:help@shop.example)", 4096);

        assertThat(html.get(0)).isEqualTo("click and <a href=\"mailto:help@shop.example\">mail</a>");
    }

    @Test
    void should_split_long_answers_between_blocks_within_the_limit() {
        String paragraph = "word ".repeat(30).strip();
        String markdown = String.join("\n\n", List.of(paragraph, paragraph, paragraph, paragraph));

        List<String> html = TelegramHtml.fromMarkdown(markdown, 320);

        assertThat(html).hasSize(2);
        assertThat(html).allSatisfy(m -> assertThat(FakeTelegram.visibleText(m).length()).isLessThanOrEqualTo(320));
        assertThat(String.join("\n\n", html)).isEqualTo(markdown);
    }

    @Test
    void should_cut_one_oversized_block_at_spaces_without_breaking_an_emoji() {
        String text = "😀".repeat(3000);

        List<String> html = TelegramHtml.fromMarkdown(text, 4096);

        assertThat(html).hasSize(2);
        assertThat(html).allSatisfy(m -> {
            assertThat(m.length()).isLessThanOrEqualTo(4096);
            assertThat(Character.isHighSurrogate(m.charAt(m.length() - 1))).isFalse();
        });
        assertThat(String.join("", html)).isEqualTo(text);
    }

    @Test
    void should_escape_and_cut_plain_text() {
        List<String> html = TelegramHtml.fromPlainText("a < b & c\n" + "x".repeat(5000), 4096);

        assertThat(html).hasSize(2);
        assertThat(html.get(0)).startsWith("a &lt; b &amp; c");
    }
}
