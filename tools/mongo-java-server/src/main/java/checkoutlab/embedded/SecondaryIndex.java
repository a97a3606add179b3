package checkoutlab.embedded;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index, kept in memory and rebuilt from the documents whenever the server opens
 * the collection. mongo-java-server keeps only unique indexes and leaves secondary ones to
 * "external backends" ({@code openOrCreateSecondaryIndex}); without this class every query on
 * a non-unique field reads the whole collection.
 *
 * <p>It only ever produces candidates: the collection still matches every candidate against
 * the whole query, so a wrong guess here can cost time but never change a result. Every
 * document is indexed (a missing field counts as null), so nothing can be left out.
 *
 * <p>A compound index {a, b} is also an index on its prefix {a}: each document is filed under
 * every prefix of its key, which is what lets {@code {status: {$in: [...]}, createdAt: {$lte}}}
 * use the {status, createdAt} index.
 */
final class SecondaryIndex<P> extends Index<P> {

    private static final String ID = "_id";

    private final Map<KeyValue, Set<P>> positionsByPrefix = new HashMap<>();
    private final Map<P, Set<KeyValue>> prefixesByPosition = new HashMap<>();
    private final Map<Object, P> positionById = new HashMap<>();
    /** False once a document without _id was seen (system collections): then never used. */
    private boolean complete = true;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    int keyCount() {
        return getKeys().size();
    }

    String keyAt(int i) {
        return getKeys().get(i).getKey();
    }

    /** How many documents are filed under these (normalised) prefixes; -1 when unusable. */
    synchronized long count(Collection<KeyValue> prefixes) {
        if (!complete) {
            return -1;
        }
        long n = 0;
        for (KeyValue prefix : prefixes) {
            n += positionsByPrefix.getOrDefault(prefix, Set.of()).size();
        }
        return n;
    }

    synchronized List<P> positions(Collection<KeyValue> prefixes) {
        Set<P> positions = new LinkedHashSet<>();
        for (KeyValue prefix : prefixes) {
            positions.addAll(positionsByPrefix.getOrDefault(prefix, Set.of()));
        }
        return List.copyOf(positions);
    }

    private Set<KeyValue> prefixesOf(Document document) {
        Set<KeyValue> prefixes = new HashSet<>();
        for (KeyValue key : getKeyValues(document)) {
            List<Object> values = key.stream().toList();
            for (int n = 1; n <= values.size(); n++) {
                prefixes.add(new KeyValue(values.subList(0, n)));
            }
        }
        return prefixes;
    }

    private void link(P position, Set<KeyValue> prefixes) {
        prefixesByPosition.put(position, prefixes);
        for (KeyValue prefix : prefixes) {
            positionsByPrefix.computeIfAbsent(prefix, k -> new LinkedHashSet<>()).add(position);
        }
    }

    private void unlink(P position) {
        Set<KeyValue> prefixes = prefixesByPosition.remove(position);
        if (prefixes == null) {
            return;
        }
        for (KeyValue prefix : prefixes) {
            Set<P> positions = positionsByPrefix.get(prefix);
            positions.remove(position);
            if (positions.isEmpty()) {
                positionsByPrefix.remove(prefix);
            }
        }
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positionById.get(document.get(ID));
    }

    // Computing the keys throws for documents MongoDB cannot index either (parallel arrays in a
    // compound index), before the collection has stored anything.
    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        prefixesOf(document);
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        prefixesOf(newDocument);
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        Object id = document.get(ID);
        if (id == null) {
            complete = false;
            return;
        }
        positionById.put(id, position);
        link(position, prefixesOf(document));
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionById.remove(document.get(ID));
        if (position != null) {
            unlink(position);
        }
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        Set<KeyValue> prefixes = prefixesOf(newDocument);
        if (prefixes.equals(prefixesByPosition.get(position))) {
            return;
        }
        unlink(position);
        link(position, prefixes);
    }

    /** The planner decides (IndexPlanner); the library's own exact-match lookup never uses this. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("use IndexPlanner");
    }

    @Override
    public synchronized long getCount() {
        return positionById.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positionsByPrefix.clear();
        prefixesByPosition.clear();
        positionById.clear();
    }
}
