package touchpoint.channel.email;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML mail as the text a person reads in it: paragraphs and line breaks kept, quoted history
 * ({@code blockquote}, Gmail's and Outlook's quote containers) left out, scripts and styles never read.
 */
final class HtmlText {

    private HtmlText() {
    }

    static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title, blockquote, div.gmail_quote, div.gmail_signature, "
                + "div#divRplyFwdMsg, div#appendonsend, div.moz-cite-prefix, div.yahoo_quoted").remove();
        // Outlook puts the quoted original after an <hr> or a bordered div; everything from it on is history.
        for (Element e : doc.select("div[style*=border-top]")) {
            removeFrom(e);
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element el) {
                    switch (el.normalName()) {
                        case "br" -> out.append('\n');
                        case "li" -> out.append("\n- ");
                        case "p", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre" -> newline(out);
                        default -> {
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el) {
                    switch (el.normalName()) {
                        case "p", "h1", "h2", "h3", "h4", "h5", "h6" -> out.append("\n\n");
                        case "div", "tr", "ul", "ol", "table", "pre" -> newline(out);
                        case "a" -> {
                            String href = el.attr("href");
                            if (href.startsWith("http") && !el.text().strip().equals(href)) {
                                out.append(" (").append(href).append(')');
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
        }, doc.body() == null ? doc : doc.body());
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void removeFrom(Element start) {
        Element parent = start.parent();
        if (parent == null) {
            return;
        }
        int index = start.siblingIndex();
        var siblings = parent.childNodes();
        for (int i = siblings.size() - 1; i >= index; i--) {
            siblings.get(i).remove();
        }
    }
}
