package touchpoint.knowledge.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 over one in-memory document per FAQ (title and phrasings). Scores are divided by the query's best
 * score so they are comparable across queries of different lengths.
 */
final class LexicalIndex {

    private static final String TEXT = "text";
    private static final String ORDINAL = "ordinal";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexSearcher searcher;
    private final int[] ordinalOfDoc;

    /** {@code documents.get(i)} is the text of FAQ ordinal i. */
    LexicalIndex(List<String> documents) {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < documents.size(); i++) {
                    Document doc = new Document();
                    doc.add(new StoredField(ORDINAL, i));
                    doc.add(new TextField(TEXT, documents.get(i), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            DirectoryReader reader = DirectoryReader.open(dir);
            searcher = new IndexSearcher(reader);
            ordinalOfDoc = new int[reader.maxDoc()];
            for (int d = 0; d < reader.maxDoc(); d++) {
                ordinalOfDoc[d] = reader.storedFields().document(d).getField(ORDINAL).numericValue().intValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills {@code out} (one slot per FAQ) with BM25 scores in 0..1; all zero when no term matches. */
    void score(String text, float[] out) {
        java.util.Arrays.fill(out, 0f);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int terms = 0;
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms < IndexSearcher.getMaxClauseCount()) {
                query.add(new TermQuery(new Term(TEXT, term.toString())), BooleanClause.Occur.SHOULD);
                terms++;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (terms == 0 || out.length == 0) {
            return;
        }
        try {
            TopDocs top = searcher.search(query.build(), out.length);
            if (top.scoreDocs.length == 0) {
                return;
            }
            float best = top.scoreDocs[0].score;
            for (ScoreDoc sd : top.scoreDocs) {
                out[ordinalOfDoc[sd.doc]] = sd.score / best;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
