package touchpoint.handoff;

import java.util.List;
import touchpoint.chat.TranscriptEvent;

/**
 * Writes what an agent needs to read before replying. The default is extractive (facts from the transcript,
 * nothing invented); an LLM-backed summarizer can replace it by being another bean of this type.
 */
public interface HandoffSummarizer {

    HandoffSummary summarize(List<TranscriptEvent> transcript);
}
