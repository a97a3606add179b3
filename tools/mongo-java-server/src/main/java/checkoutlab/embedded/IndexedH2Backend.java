package checkoutlab.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DocumentSizes;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.UniqueIndexes;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 (MVStore) backend, persisting to one file, with secondary indexes,
 * the index planner, and a commit after every command that changed something, before its reply
 * is sent: MVStore on its own writes changes in the background once a second, so an
 * acknowledged write could be lost if the process died within that second.
 *
 * <p>Commits are grouped: a command that changed something takes a ticket, and whoever commits
 * next writes every change ticketed before it started, so concurrent writers share one commit
 * instead of queueing for one each.
 */
final class IndexedH2Backend extends H2Backend {

    private static final Logger LOG = LoggerFactory.getLogger(IndexedH2Backend.class);

    // The map names H2Database uses (its constants are private): the same file opens with either.
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    /*
     * Compaction (moving live pages out of mostly dead chunks, so their space is reused) waits
     * for a quiet moment: run every 200 commits it held the commit lock for 30 to 90 ms at a
     * time, and was a fifth of the server's CPU under load. Under load that never pauses, a
     * commit still compacts once the chunks are under FILL_FLOOR live, so the file stays a few
     * times its data (docs/database.md gives sizes).
     */
    private static final int FILL_FLOOR = 30;
    private static final int FILL_WHEN_IDLE = 60;
    private static final int COMPACT_BYTES = 1 << 20;
    private static final int CHECK_FLOOR_EVERY = 50;
    private static final long IDLE_MS = 250;

    // Stored forms cheaper than Java serialization; see each type for why the old files still open.
    private static final BsonDocumentType DOCUMENTS = new BsonDocumentType();
    private static final StoredKeyType KEYS = new StoredKeyType();
    @SuppressWarnings("unchecked")
    private static final DataType<KeyValue> OLD_INDEX_KEYS = (DataType<KeyValue>) (DataType<?>) KEYS;
    @SuppressWarnings("unchecked")
    private static final DataType<KeyValue> INDEX_KEYS = (DataType<KeyValue>) (DataType<?>) new IndexKeyType();
    /** Unique index maps in IndexKeyType's order are named H2Database's way plus this. */
    private static final String INDEX_MAP_SUFFIX = "#ordered";

    static IndexedH2Backend open(String fileName, int cacheSizeMb) {
        MVStore store = new MVStore.Builder()
            .fileName(fileName)
            .cacheSize(cacheSizeMb)
            // We commit every write ourselves; MVStore's background writer would only add two
            // thread hand-offs to each commit (it halved commit time here to go without).
            .autoCommitDisabled()
            .open();
        // Old chunks are kept 45 s by default in case the disk reorders writes; with a commit per
        // write that grew a 5 MB database to 500 MB under load. We do not fsync (a process crash
        // loses nothing, a power cut may: docs/database.md), so there is nothing to keep them for.
        store.setRetentionTime(0);
        return new IndexedH2Backend(store);
    }

    private IndexedH2Backend(MVStore store) {
        super(store);
        compactor.scheduleWithFixedDelay(this::compactWhenIdle, IDLE_MS, IDLE_MS, TimeUnit.MILLISECONDS);
    }

    private final AtomicLong tickets = new AtomicLong();
    private final Object commitLock = new Object();
    private long committedTicket;
    private long commits;
    private volatile long lastCommitNanos = System.nanoTime();
    private final ScheduledExecutorService compactor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "h2-compactor");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (getMvStore().hasUnsavedChanges()) {
                commitCovering(tickets.incrementAndGet());
            }
        }
    }

    /** Returns once a commit that started after {@code ticket} was taken has completed. */
    private void commitCovering(long ticket) {
        synchronized (commitLock) {
            if (committedTicket >= ticket) {
                return;
            }
            long upTo = tickets.get();
            getMvStore().commit();
            committedTicket = upTo;
            lastCommitNanos = System.nanoTime();
            if (++commits % CHECK_FLOOR_EVERY == 0) {
                compactGuarded(FILL_FLOOR);
            }
        }
    }

    /** Without MVStore's background writer nothing else compacts the file (see FILL_FLOOR). */
    private void compactWhenIdle() {
        if (System.nanoTime() - lastCommitNanos < TimeUnit.MILLISECONDS.toNanos(IDLE_MS)) {
            return;
        }
        synchronized (commitLock) {
            if (!getMvStore().isClosed()) {
                compactGuarded(FILL_WHEN_IDLE);
            }
        }
    }

    /**
     * A failed compaction is logged, never thrown: on the commit path the write it follows is
     * already committed and must be answered as such, and on the compactor's thread an exception
     * would cancel every later run.
     */
    private void compactGuarded(int fillRate) {
        try {
            compact(fillRate);
        } catch (RuntimeException e) {
            LOG.warn("compaction failed", e);
        }
    }

    /** Moves up to COMPACT_BYTES of live pages when under {@code fillRate}, and commits the move. */
    private void compact(int fillRate) {
        MVStore store = getMvStore();
        if (store.compact(fillRate, COMPACT_BYTES) && store.hasUnsavedChanges()) {
            store.commit();
        }
    }

    /**
     * The compactor is let finish, not interrupted: an interrupt during file I/O closes MVStore's
     * FileChannel, and the store with it, before its final commit.
     */
    @Override
    public void close() {
        compactor.shutdown();
        try {
            compactor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (commitLock) {
            super.close();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Inner, not static: H2Database opens its collections from its constructor, before a field of ours would be set. */
    final class Database extends H2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        @Override
        protected Collection openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = getMvStore().openMap(DATA_PREFIX + fullName,
                new MVMap.Builder<Object, Document>().keyType(KEYS).valueType(DOCUMENTS));
            MVMap<String, Object> metaMap = getMvStore().openMap(META_PREFIX + fullName);
            return new Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        /**
         * A unique index's map, with our key and value types and its own name (the key order is
         * IndexKeyType's). An index kept by an earlier launcher under H2Database's name, in the
         * old order, is copied into the new map once and removed; until the next commit both
         * exist in the file only as they were, so a crash here repeats the copy.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                        List<IndexKey> keys, boolean sparse) {
            String oldName = indexMapPrefix(collectionName) + indexName;
            MVStore store = getMvStore();
            MVMap<KeyValue, Object> map = store.openMap(oldName + INDEX_MAP_SUFFIX,
                new MVMap.Builder<KeyValue, Object>().keyType(INDEX_KEYS).valueType(KEYS));
            if (store.hasMap(oldName)) {
                MVMap<KeyValue, Object> old = store.openMap(oldName,
                    new MVMap.Builder<KeyValue, Object>().keyType(OLD_INDEX_KEYS).valueType(KEYS));
                if (map.isEmpty()) {
                    old.forEach(map::put);
                }
                store.removeMap(old);
            }
            return UniqueIndexes.over(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            removeMapIfPresent(indexMapPrefix(collection.getCollectionName()) + indexName + INDEX_MAP_SUFFIX);
        }

        /** H2Database removes the data and metadata maps; the index maps go too. */
        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            String prefix = indexMapPrefix(collectionName);
            for (String name : List.copyOf(getMvStore().getMapNames())) {
                if (name.startsWith(prefix)) {
                    removeMapIfPresent(name);
                }
            }
        }

        private String indexMapPrefix(String collectionName) {
            return getFullCollectionNamespace(collectionName) + "._index_";
        }

        private void removeMapIfPresent(String name) {
            if (getMvStore().hasMap(name)) {
                getMvStore().removeMap(name);
            }
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex<>(indexName, keys, sparse);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query,
                                      DatabaseResolver databaseResolver, Oplog oplog) {
            if (command.equalsIgnoreCase("explain")) {
                return Explain.handle(this, query);
            }
            String name = command.toLowerCase(Locale.ROOT);
            COPY.set(READ_ONLY_COMMANDS.contains(name) ? Copy.NONE
                : TOP_LEVEL_COMMANDS.contains(name) ? Copy.TOP_LEVEL : Copy.DEEP);
            try {
                return super.handleCommand(channel, command, query, databaseResolver, oplog);
            } finally {
                COPY.remove();
            }
        }
    }

    /** What a query hands out (see {@link Collection#queryDocuments}). */
    private enum Copy { NONE, TOP_LEVEL, DEEP }

    /** Commands whose documents only go out on the wire: they get the stored documents. */
    private static final Set<String> READ_ONLY_COMMANDS = Set.of("find", "count");
    /**
     * Commands that only replace a document's top-level values (an update sets each of them from
     * a deep clone it edits, AbstractMongoCollection.updateDocument) or remove it: a one-level
     * copy keeps the stored document as it was. Anything else (aggregate's $addFields writes into
     * the subdocuments of what it was given) gets a deep copy.
     */
    private static final Set<String> TOP_LEVEL_COMMANDS = Set.of("update", "findandmodify", "delete");
    private static final ThreadLocal<Copy> COPY = ThreadLocal.withInitial(() -> Copy.DEEP);

    static final class Collection extends H2Collection implements Explain.Planned {

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                            CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        /**
         * Every document a query hands out is a copy. An update edits the document it was given
         * in place and then stores it, and MVStore's commit serializes stored documents on
         * another thread without a lock: editing a stored one made the commit throw
         * ConcurrentModificationException (which closes the store), or write a half-edited
         * document. With copies, a stored document is never changed, only replaced (and
         * BsonDocumentType's cache of its bytes stays true). A read-only command ({@code find},
         * {@code count}) needs no copy: it only encodes what it was given.
         */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            IndexPlanner.Plan<Object> plan = IndexPlanner.choose(getIndexes(), query);
            QueryResult result = plan == null
                ? super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                : matchDocuments(query, plan.positions().get(), orderBy, numberToSkip, limit, batchSize,
                    fieldSelector);
            Copy copy = COPY.get();
            if (copy == Copy.NONE) {
                return result;
            }
            List<Document> copies = new ArrayList<>();
            for (Document document : result) {
                copies.add(copy == Copy.TOP_LEVEL ? new Document(document) : document.cloneDeeply());
            }
            return new QueryResult(copies, result.getCursorId());
        }

        /**
         * collStats' {@code size} is counted when asked, not kept up to date: keeping it encodes
         * the old and the new document to BSON on every update (a fifth of this server's CPU in
         * checkout, where a product's hold ledger is tens of KB) and writes the meta map too.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /** False while H2Collection's constructor runs (set only after it returns; not final, so not inlined). */
        private boolean constructed = true;

        /**
         * Counted over every document. H2Collection's constructor logs the size at debug level
         * whatever the level, which would read each collection whole at every start: 0 there.
         */
        @Override
        protected int getDataSize() {
            if (!constructed) {
                return 0;
            }
            return DocumentSizes.total(streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument));
        }

        /** The inserted document is the request's; the store keeps its own copy (see above). */
        @Override
        protected Object addDocumentInternal(Document document) {
            return super.addDocumentInternal(document.cloneDeeply());
        }

        @Override
        public synchronized Index<?> indexFor(Document filter) {
            IndexPlanner.Plan<Object> plan = IndexPlanner.choose(getIndexes(), filter);
            return plan == null ? null : plan.index();
        }
    }
}
