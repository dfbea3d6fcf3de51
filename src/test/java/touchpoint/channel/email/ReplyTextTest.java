package touchpoint.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTest {

    @Test
    void should_cut_gmail_quote_header_and_quoted_lines() {
        String mail = """
                Where is my parcel?

                On Mon, 7 Dec 2026 at 10:02, Shop Support <support@shop.example> wrote:
                > Your order has shipped.
                > Regards
                """;
        assertThat(ReplyText.strip(mail)).isEqualTo("Where is my parcel?");
    }

    @Test
    void should_cut_quote_header_wrapped_over_two_lines() {
        String mail = "It still has not arrived.\n\nOn Mon, 7 Dec 2026 at 10:02, Shop Support <\nsupport@shop.example> wrote:\n\n> old text\n";
        assertThat(ReplyText.strip(mail)).isEqualTo("It still has not arrived.");
    }

    @Test
    void should_cut_outlook_header_block() {
        String mail = """
                Can I return it?

                ________________________________
                From: Shop Support <support@shop.example>
                Sent: Monday, December 7, 2026 10:02
                To: Anna <anna@example.com>
                Subject: Re: order

                Your order has shipped.
                """;
        assertThat(ReplyText.strip(mail)).isEqualTo("Can I return it?");
    }

    @Test
    void should_cut_outlook_from_block_without_separator() {
        String mail = "Can I return it?\n\nFrom: Shop Support <support@shop.example>\nSent: Monday\nTo: Anna\nSubject: Re: order\n\nold";
        assertThat(ReplyText.strip(mail)).isEqualTo("Can I return it?");
    }

    @Test
    void should_cut_original_message_marker() {
        String mail = "Thanks, one more question: do you ship to Norway?\n-----Original Message-----\nFrom: x\nold";
        assertThat(ReplyText.strip(mail)).isEqualTo("Thanks, one more question: do you ship to Norway?");
    }

    @Test
    void should_cut_signature_after_delimiter() {
        String mail = "How do I reset my password?\n\n-- \nAnna Example\nHead of Things, Example Ltd\n+41 00 000 00 00\n";
        assertThat(ReplyText.strip(mail)).isEqualTo("How do I reset my password?");
    }

    @Test
    void should_cut_sign_off_with_name_and_phone_footer() {
        String mail = "How do I reset my password?\n\nBest regards,\nAnna\n\nSent from my iPhone\n";
        assertThat(ReplyText.strip(mail)).isEqualTo("How do I reset my password?");
    }

    @Test
    void should_keep_a_thanks_that_is_the_whole_message() {
        assertThat(ReplyText.strip("Thanks!\n")).isEqualTo("Thanks!");
    }

    @Test
    void should_keep_an_answer_written_below_the_quote() {
        String mail = "> Which order number?\n12345\n";
        assertThat(ReplyText.strip(mail)).isEqualTo("12345");
    }

    @Test
    void should_keep_long_text_after_a_thanks_line() {
        String mail = "Thanks,\nbut the parcel was opened when it arrived and two of the items inside were broken into pieces, what now?";
        assertThat(ReplyText.strip(mail)).contains("broken into pieces");
    }

    @Test
    void should_cut_german_quote_header() {
        String mail = "Wo ist mein Paket?\n\nAm 07.12.2026 um 10:02 schrieb Shop Support <support@shop.example>:\n> alt";
        assertThat(ReplyText.strip(mail)).isEqualTo("Wo ist mein Paket?");
    }
}
