package checkoutlab.embedded;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * How the H2 backend stores ids and index keys. MVStore's default type writes an ObjectId or an
 * index key (KeyValue) with Java serialization: a new ObjectOutputStream, class descriptor
 * included, for each key on every page a commit re-writes. This type writes those two as a tag
 * and their bytes, and leaves everything else to the default type.
 *
 * <p>The order of keys is the default type's, unchanged, so a file written before this type
 * opens with the same B-tree order; its old keys are read the old way (they never start with
 * our tags) and re-written in the new form when their page is.
 *
 * <p>One instance serves every map and thread, so nothing here may keep state between calls:
 * ObjectDataType caches the type it saw last, and two threads comparing keys of different kinds
 * through one instance make it throw "Can not compare". Each thread gets its own.
 */
class StoredKeyType extends BasicDataType<Object> {

    // Not tags ObjectDataType ever writes (its tags are 0–19, 32–49 and 64–119).
    private static final byte OBJECT_ID = 120;
    private static final byte KEY_VALUE = 121;
    private static final int OBJECT_ID_BYTES = 12;

    private static final ThreadLocal<ObjectDataType> LEGACY = ThreadLocal.withInitial(ObjectDataType::new);

    /** The default type's order: ids and strings by compareTo, index keys by their serialized bytes. */
    @Override
    public int compare(Object a, Object b) {
        if (a instanceof ObjectId x && b instanceof ObjectId y) {
            return x.compareTo(y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof KeyValue && b instanceof KeyValue) {
            // KeyValue is not Comparable: the default type compares Java-serialized bytes.
            return ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
        }
        return LEGACY.get().compare(a, b);
    }

    @Override
    public int getMemory(Object key) {
        return key instanceof ObjectId ? 48 : LEGACY.get().getMemory(key);
    }

    @Override
    public void write(WriteBuffer buff, Object key) {
        if (key instanceof ObjectId id) {
            buff.put(OBJECT_ID).put(id.toByteArray());
        } else if (key instanceof KeyValue kv) {
            buff.put(KEY_VALUE).putVarInt(kv.size());
            for (Object part : kv) {
                write(buff, part);
            }
        } else {
            LEGACY.get().write(buff, key);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        byte tag = buff.get(buff.position());
        if (tag == OBJECT_ID) {
            buff.get();
            byte[] data = new byte[OBJECT_ID_BYTES];
            buff.get(data);
            return new ObjectId(data);
        }
        if (tag == KEY_VALUE) {
            buff.get();
            int size = DataUtils.readVarInt(buff);
            List<Object> parts = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                parts.add(read(buff));
            }
            return new KeyValue(parts);
        }
        return LEGACY.get().read(buff);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
