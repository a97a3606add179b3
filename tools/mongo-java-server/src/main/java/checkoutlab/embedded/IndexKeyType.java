package checkoutlab.embedded;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.h2.mvstore.WriteBuffer;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key type of a unique index's map: stored as {@link StoredKeyType} stores it, ordered
 * field by field. The default order, which StoredKeyType keeps for files written before it,
 * compares index keys by their Java-serialized bytes: every comparison of a B-tree lookup
 * serialized both keys, about a third of the database's CPU under load (JFR). Here a key is
 * compared part by part, by the part's own order (strings, ids, numbers, dates) when the two
 * parts are of one class, and by stored bytes otherwise. Equal keys compare 0 and only they
 * do, which is all a unique index needs of its order.
 *
 * <p>The order differs from the old one, so these maps have their own names; an index written
 * with the old order is copied once into its new map when the collection opens.
 */
final class IndexKeyType extends StoredKeyType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                int c = comparePart(x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        return super.compare(a, b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int comparePart(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (a instanceof Comparable comparable) {
            return comparable.compareTo(b);
        }
        return Arrays.compareUnsigned(bytes(a), bytes(b));
    }

    private byte[] bytes(Object part) {
        WriteBuffer buff = new WriteBuffer(64);
        write(buff, part);
        ByteBuffer written = buff.getBuffer();
        written.flip();
        byte[] out = new byte[written.remaining()];
        written.get(out);
        return out;
    }
}
