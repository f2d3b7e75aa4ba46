package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Corrects homophone and pinyin-IME typos in questions (申清 → 申请, 收废 → 收费) against the index's
 * own vocabulary ({@link HomophoneVocabulary}). The vocabulary is derived from the bigram field of
 * the index and rebuilt when the index changes: first after startup (or, without one, before the
 * first question), later in the background while the previous vocabulary keeps serving.
 */
@Component
class QueryCorrector implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QueryCorrector.class);

    private final SearchIndex index;
    private final Vocabulary words;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kb-vocabulary");
        t.setDaemon(true);
        return t;
    });
    private volatile Built current;
    private final boolean commandLine;

    private record Built(long indexVersion, HomophoneVocabulary vocabulary) {
    }

    /** Builds the vocabulary on first use (tests, tools). */
    QueryCorrector(SearchIndex index, Vocabulary vocabulary) {
        this(index, vocabulary, false);
    }

    /** The application's: the {@code kb} command line never opens the index, so it builds nothing ahead. */
    @org.springframework.beans.factory.annotation.Autowired
    QueryCorrector(SearchIndex index, Vocabulary vocabulary, KnowledgeProperties properties) {
        this(index, vocabulary, properties.cli());
    }

    private QueryCorrector(SearchIndex index, Vocabulary vocabulary, boolean commandLine) {
        this.index = index;
        this.words = vocabulary;
        this.commandLine = commandLine;
    }

    /** The question with homophone typos corrected; expects Simplified script (see {@link ScriptConverter}). */
    HomophoneVocabulary.Correction correct(String question) {
        HomophoneVocabulary.Correction c = vocabulary().correct(question, text -> segment(index.analyzer(), words, text));
        if (c.changed()) {
            log.debug("question corrected by sound: {}", c.changes());
        }
        return c;
    }

    HomophoneVocabulary vocabulary() {
        long version = index.read(QueryCorrector::version);
        Built built = current;
        if (built == null) {
            synchronized (this) {
                if (current == null) {
                    current = build();
                }
                return current.vocabulary();
            }
        }
        if (built.indexVersion() != version && rebuilding.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    current = build();
                } catch (RuntimeException e) {
                    log.warn("homophone vocabulary rebuild failed: {}", e.toString());
                } finally {
                    rebuilding.set(false);
                }
            });
        }
        return built.vocabulary();
    }

    /** Builds the first vocabulary (and loads the pinyin table) off the request path once the application is up. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (commandLine) {
            return;
        }
        background.execute(() -> {
            try {
                vocabulary();
            } catch (RuntimeException e) {
                log.warn("homophone vocabulary warm-up failed: {}", e.toString());
            }
        });
    }

    private Built build() {
        long started = System.nanoTime();
        Built built = index.read(reader -> new Built(version(reader), new HomophoneVocabulary(
                terms(reader, SearchIndex.BIGRAMS), terms(reader, SearchIndex.WORDS), words)));
        log.info("homophone vocabulary built: {} terms, {} ms", built.vocabulary().size(),
                (System.nanoTime() - started) / 1_000_000);
        return built;
    }

    private static long version(IndexReader reader) {
        return reader instanceof DirectoryReader d ? d.getVersion() : -1;
    }

    /** The question's words as the word field segments them (SmartCN, a general dictionary), and its stop words. */
    static HomophoneVocabulary.Segmentation segment(Analyzer analyzer, Vocabulary words, String question) {
        int n = question.length();
        int[] start = new int[n];
        int[] end = new int[n];
        boolean[] stop = new boolean[n];
        for (int i = 0; i < n; i++) {
            start[i] = i;
            end[i] = i + 1;
        }
        try (TokenStream ts = analyzer.tokenStream(SearchIndex.WORDS, question)) {
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                boolean stopWord = words.isStopWord(term.toString());
                for (int i = offset.startOffset(); i < offset.endOffset() && i < n; i++) {
                    start[i] = offset.startOffset();
                    end[i] = Math.min(offset.endOffset(), n);
                    stop[i] = stopWord;
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HomophoneVocabulary.Segmentation(start, end, stop);
    }

    /** Terms of a field (up to four characters) with the number of passages containing them. */
    static Map<String, Integer> terms(IndexReader reader, String field) {
        Map<String, Integer> out = new HashMap<>();
        try {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) {
                return out;
            }
            TermsEnum it = terms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                if (term.length <= 12) { // up to four Chinese characters in UTF-8
                    out.put(term.utf8ToString(), it.docFreq());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Lets a build under way finish: interrupting a thread that reads the index would close its files. */
    @Override
    public void destroy() {
        background.shutdown();
    }
}
