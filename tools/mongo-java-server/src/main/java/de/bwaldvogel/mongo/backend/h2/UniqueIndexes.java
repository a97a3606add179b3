package de.bwaldvogel.mongo.backend.h2;

import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * H2UniqueIndex's constructor is package-private; this is the one way in, so that
 * checkoutlab.embedded can open an index's map with its own key and value types.
 */
public final class UniqueIndexes {

    private UniqueIndexes() {
    }

    public static Index<Object> over(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys,
                                     boolean sparse) {
        return new H2UniqueIndex(map, name, keys, sparse);
    }
}
