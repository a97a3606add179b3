package checkoutlab.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Chooses the index a query reads its candidates from. mongo-java-server on its own uses a
 * unique index only when the query names exactly that index's fields, so the status machines'
 * {@code {_id, status: from}} updates read the whole collection. Here any index whose fields
 * (or, for a compound secondary index, a leading prefix of them) the query pins to plain values
 * with top-level equality, {@code $eq} or {@code $in} can serve it, and the one with the fewest
 * candidates wins. Everything else (ranges, {@code $exists}, {@code $or}, regexes, nulls,
 * arrays) is left to the full-collection match, exactly as the library does it.
 */
final class IndexPlanner {

    /** Above this many key combinations ($in × $in …) reading the collection is simpler. */
    private static final int MAX_COMBINATIONS = 1000;

    /** Positions are read only for the index that wins. */
    record Plan<P>(Index<P> index, long estimate, Supplier<Iterable<P>> positions) {
    }

    private IndexPlanner() {
    }

    /** The cheapest usable index for {@code query}, or null to read the whole collection. */
    static <P> Plan<P> choose(List<Index<P>> indexes, Document query) {
        Plan<P> best = null;
        for (Index<P> index : indexes) {
            Plan<P> plan = index instanceof SecondaryIndex<P> secondary
                ? planSecondary(secondary, query)
                : planUnique(index, query);
            // Unique indexes come first in the list and win ties.
            if (plan != null && (best == null || plan.estimate() < best.estimate())) {
                best = plan;
            }
        }
        return best;
    }

    private static <P> Plan<P> planUnique(Index<P> index, Document query) {
        if (!index.isUnique()) {
            return null;
        }
        Document exact = new Document();
        long estimate = 1;
        for (IndexKey key : index.getKeys()) {
            List<Object> values = pinnedValues(query, key.getKey());
            if (values == null) {
                return null;
            }
            exact.put(key.getKey(), query.get(key.getKey()));
            estimate *= values.size();
        }
        // The library's own lookup, given only the fields it indexes.
        if (!index.canHandle(exact)) {
            return null;
        }
        return new Plan<>(index, estimate, () -> index.getPositions(exact));
    }

    private static <P> Plan<P> planSecondary(SecondaryIndex<P> index, Document query) {
        List<List<Object>> combinations = List.of(List.of());
        for (int i = 0; i < index.keyCount(); i++) {
            List<Object> values = pinnedValues(query, index.keyAt(i));
            if (values == null || combinations.size() * values.size() > MAX_COMBINATIONS) {
                break;
            }
            List<List<Object>> longer = new ArrayList<>();
            for (List<Object> prefix : combinations) {
                for (Object value : values) {
                    List<Object> next = new ArrayList<>(prefix);
                    next.add(value);
                    longer.add(next);
                }
            }
            combinations = longer;
        }
        if (combinations.get(0).isEmpty()) {
            return null;
        }
        List<KeyValue> prefixes = combinations.stream().map(KeyValue::new).toList();
        long estimate = index.count(prefixes);
        if (estimate < 0) {
            return null;
        }
        return new Plan<>(index, estimate, () -> index.positions(prefixes));
    }

    /**
     * The values a query's top-level {@code key} is pinned to (plain equality, {@code $eq},
     * {@code $in}), normalised as the index normalises documents; null when it is not pinned
     * to plain values.
     */
    private static List<Object> pinnedValues(Document query, String key) {
        if (!query.containsKey(key)) {
            return null;
        }
        Object value = query.get(key);
        List<Object> values;
        if (value instanceof Document condition) {
            if (condition.size() != 1) {
                return null;
            } else if (condition.containsKey("$eq")) {
                values = Collections.singletonList(condition.get("$eq"));
            } else if (condition.get("$in") instanceof Collection<?> in && !in.isEmpty()) {
                values = new ArrayList<>(in);
            } else {
                return null;
            }
        } else {
            values = Collections.singletonList(value);
        }
        for (Object v : values) {
            if (!isPlain(v)) {
                return null;
            }
        }
        return new KeyValue(values).normalized().stream().distinct().toList();
    }

    /** Values whose equality match is a plain lookup: no null / missing, documents, arrays or regexes. */
    private static boolean isPlain(Object value) {
        return value != null
            && !(value instanceof Missing)
            && !(value instanceof Map)
            && !(value instanceof Collection)
            && !(value instanceof BsonRegularExpression)
            && !(value instanceof Pattern);
    }
}
