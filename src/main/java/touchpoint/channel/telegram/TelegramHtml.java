package touchpoint.channel.telegram;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown to the HTML subset Telegram accepts with {@code parse_mode=HTML}: b, i, code, pre, a, blockquote. Every
 * other construct becomes text Telegram shows as it is (headings bold, list items with bullets or numbers, table rows
 * as lines), raw HTML in the markdown is shown as text, and {@code < > & "} are escaped, so nothing a FAQ author or
 * an agent types can break the message or add markup.
 *
 * <p>A message may hold 4096 characters after entity parsing, so long answers are split between top-level blocks;
 * a single block longer than that is sent as plain text cut at spaces.
 */
final class TelegramHtml {

    /** The Bot API's limit for one message's text, counted after entities are parsed. */
    static final int MAX_MESSAGE_CHARS = 4096;
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "tg");

    private TelegramHtml() {
    }

    /** A formatted fragment and the length Telegram counts for it (its text without tags and entities). */
    record Part(String html, int visibleLength) {
    }

    /** {@code markdown} as one or more messages' text, each at most {@code limit} visible characters. */
    static List<String> fromMarkdown(String markdown, int limit) {
        List<Part> blocks = new ArrayList<>();
        if (markdown != null) {
            for (Node block = PARSER.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
                Writer w = new Writer();
                w.block(block, 0);
                if (w.plain.toString().isBlank()) {
                    continue;
                }
                if (w.plain.length() > limit) {
                    for (String piece : cut(w.plain.toString().strip(), limit)) {
                        blocks.add(new Part(escape(piece), piece.length()));
                    }
                } else {
                    blocks.add(new Part(w.html.toString().strip(), w.plain.toString().strip().length()));
                }
            }
        }
        return pack(blocks, limit);
    }

    /** Plain text (an agent's reply, a notice) as messages: escaped, cut at spaces past {@code limit}. */
    static List<String> fromPlainText(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return cut(text.strip(), limit).stream().map(TelegramHtml::escape).toList();
    }

    /** The four characters Telegram's HTML parser treats specially. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> pack(List<Part> blocks, int limit) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int length = 0;
        for (Part block : blocks) {
            int added = length == 0 ? block.visibleLength() : block.visibleLength() + 2;
            if (length > 0 && length + added > limit) {
                messages.add(current.toString());
                current.setLength(0);
                length = 0;
                added = block.visibleLength();
            }
            if (length > 0) {
                current.append("\n\n");
            }
            current.append(block.html());
            length += added;
        }
        if (length > 0) {
            messages.add(current.toString());
        }
        return messages;
    }

    /** Cuts text into pieces of at most {@code limit} characters, at a line break or space where there is one. */
    static List<String> cut(String text, int limit) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int at = rest.lastIndexOf('\n', limit);
            if (at < limit / 2) {
                at = rest.lastIndexOf(' ', limit);
            }
            if (at < limit / 2) {
                at = limit;
                // Never between the two halves of a surrogate pair (an emoji).
                if (Character.isHighSurrogate(rest.charAt(at - 1))) {
                    at--;
                }
            }
            pieces.add(rest.substring(0, at).strip());
            rest = rest.substring(at).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** Walks one top-level block, writing the HTML and, beside it, the text Telegram will count. */
    private static final class Writer {
        final StringBuilder html = new StringBuilder();
        final StringBuilder plain = new StringBuilder();
        private boolean inQuote;

        void text(String s) {
            html.append(escape(s));
            plain.append(s);
        }

        void tag(String open) {
            html.append(open);
        }

        void block(Node node, int depth) {
            if (node instanceof Paragraph || node instanceof ListItem) {
                inlines(node);
            } else if (node instanceof Heading) {
                tag("<b>");
                inlines(node);
                tag("</b>");
            } else if (node instanceof BulletList || node instanceof OrderedList) {
                list(node, depth);
            } else if (node instanceof FencedCodeBlock f) {
                String language = f.getInfo() == null ? "" : f.getInfo().strip().split("\\s+")[0];
                tag(language.matches("[A-Za-z0-9_+-]{1,30}") ? "<pre><code class=\"language-" + language + "\">" : "<pre>");
                text(stripTrailingNewline(f.getLiteral()));
                tag(language.matches("[A-Za-z0-9_+-]{1,30}") ? "</code></pre>" : "</pre>");
            } else if (node instanceof IndentedCodeBlock c) {
                tag("<pre>");
                text(stripTrailingNewline(c.getLiteral()));
                tag("</pre>");
            } else if (node instanceof BlockQuote) {
                // Telegram refuses a blockquote inside another; the inner one is kept as plain lines.
                boolean outer = !inQuote;
                if (outer) {
                    tag("<blockquote>");
                    inQuote = true;
                }
                children(node, depth, "\n");
                if (outer) {
                    tag("</blockquote>");
                    inQuote = false;
                }
            } else if (node instanceof ThematicBreak) {
                text("———");
            } else if (node instanceof HtmlBlock h) {
                text(stripTrailingNewline(h.getLiteral()));
            } else if (node instanceof TableBlock) {
                table(node);
            } else if (node instanceof CustomBlock) {
                children(node, depth, "\n");
            } else {
                inlines(node);
            }
        }

        private void children(Node parent, int depth, String separator) {
            boolean first = true;
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                if (!first) {
                    text(separator);
                }
                block(child, depth);
                first = false;
            }
        }

        private void list(Node list, int depth) {
            int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
            boolean first = true;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!first) {
                    text("\n");
                }
                text("  ".repeat(depth) + (list instanceof OrderedList ? number++ + ". " : "• "));
                boolean firstPart = true;
                for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
                    if (!firstPart) {
                        text("\n");
                    }
                    if (part instanceof BulletList || part instanceof OrderedList) {
                        list(part, depth + 1);
                    } else {
                        block(part, depth + 1);
                    }
                    firstPart = false;
                }
                first = false;
            }
        }

        private void table(Node table) {
            boolean firstRow = true;
            for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
                for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    if (!(row instanceof TableRow)) {
                        continue;
                    }
                    if (!firstRow) {
                        text("\n");
                    }
                    boolean firstCell = true;
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (!firstCell) {
                            text(" | ");
                        }
                        boolean header = cell instanceof TableCell c && c.isHeader();
                        if (header) {
                            tag("<b>");
                        }
                        inlines(cell);
                        if (header) {
                            tag("</b>");
                        }
                        firstCell = false;
                    }
                    firstRow = false;
                }
            }
        }

        private void inlines(Node parent) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                inline(child);
            }
        }

        private void inline(Node node) {
            if (node instanceof Text t) {
                text(t.getLiteral());
            } else if (node instanceof StrongEmphasis) {
                wrap(node, "b");
            } else if (node instanceof Emphasis) {
                wrap(node, "i");
            } else if (node instanceof Code c) {
                tag("<code>");
                text(c.getLiteral());
                tag("</code>");
            } else if (node instanceof Link l) {
                link(l.getDestination(), node);
            } else if (node instanceof Image i) {
                link(i.getDestination(), node);
            } else if (node instanceof SoftLineBreak) {
                text(" ");
            } else if (node instanceof HardLineBreak) {
                text("\n");
            } else if (node instanceof HtmlInline h) {
                text(h.getLiteral());
            } else if (node instanceof CustomNode || node.getFirstChild() != null) {
                inlines(node);
            } else if (node instanceof Paragraph || node instanceof ListItem) {
                inlines(node);
            } else {
                block(node, 0);
            }
        }

        private void wrap(Node node, String element) {
            tag("<" + element + ">");
            inlines(node);
            tag("</" + element + ">");
        }

        private void link(String destination, Node label) {
            boolean safe = safeUrl(destination);
            if (safe) {
                tag("<a href=\"" + escape(destination) + "\">");
            }
            int before = plain.length();
            inlines(label);
            if (plain.length() == before) {
                text(destination);
            }
            if (safe) {
                tag("</a>");
            }
        }

        private static boolean safeUrl(String url) {
            if (url == null || url.isBlank()) {
                return false;
            }
            try {
                String scheme = URI.create(url.strip()).getScheme();
                return scheme != null && LINK_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static String stripTrailingNewline(String s) {
            return s == null ? "" : s.replaceAll("\\n+$", "");
        }
    }
}
