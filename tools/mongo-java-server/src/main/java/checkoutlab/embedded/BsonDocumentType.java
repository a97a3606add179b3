package checkoutlab.embedded;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * How the H2 backend stores a document: as BSON, the form it arrived in over the wire.
 * MVStore's default type writes a document with Java serialization, which starts a new
 * ObjectOutputStream (class descriptors and all) per document; every commit re-writes each
 * document on the pages it touched, so that was about half of the database's CPU under load.
 *
 * <p>Files written before this type keep working: such a value starts with
 * ObjectDataType's serialized-object tag and is read the old way; it is re-written as BSON the
 * next time its page is.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Not a tag ObjectDataType ever writes (its tags are 0–19, 32–49 and 64–119). */
    private static final byte BSON = 127;
    private static final int SERIALIZED_OBJECT = 19;

    /** Per thread: ObjectDataType keeps state between calls (see StoredKeyType). */
    private static final ThreadLocal<ObjectDataType> LEGACY = ThreadLocal.withInitial(ObjectDataType::new);

    /**
     * Each stored document's BSON, by identity, for as long as the document is in memory. A
     * commit writes every document on each page it touched, and compaction every document on
     * the pages it moves: without this, a write re-encoded the ten or so neighbours on its page
     * too (a third of the server's CPU under load). Valid because a stored document is never
     * edited, only replaced (IndexedH2Backend.Collection), so its bytes never change.
     */
    private static final Cache<Document, byte[]> ENCODED = Caffeine.newBuilder().weakKeys().build();

    private static byte[] encoded(Document doc) {
        return ENCODED.get(doc, BsonDocumentType::encode);
    }

    private static byte[] encode(Document doc) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(doc, bson);
            return ByteBufUtil.getBytes(bson);
        } finally {
            bson.release();
        }
    }

    @Override
    public void write(WriteBuffer buff, Document doc) {
        buff.put(BSON);
        buff.put(encoded(doc));
    }

    @Override
    public Document read(ByteBuffer buff) {
        byte tag = buff.get(buff.position());
        if (tag == SERIALIZED_OBJECT) {
            return (Document) LEGACY.get().read(buff);
        }
        if (tag != BSON) {
            throw new IllegalStateException("unknown stored document format: tag " + tag);
        }
        buff.get();
        int length = littleEndianInt(buff);
        ByteBuffer bson = buff.slice();
        bson.limit(length);
        buff.position(buff.position() + length);
        byte[] bytes = new byte[length];
        bson.get(bytes);
        Document doc = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        ENCODED.put(doc, bytes);
        return doc;
    }

    /** BSON starts with its own length, little-endian, whatever the buffer's byte order. */
    private static int littleEndianInt(ByteBuffer buff) {
        int p = buff.position();
        return (buff.get(p) & 0xff) | (buff.get(p + 1) & 0xff) << 8 | (buff.get(p + 2) & 0xff) << 16
            | (buff.get(p + 3) & 0xff) << 24;
    }

    /**
     * Values are never ordered, only told apart (MVMap's replace and remove(key, value) ask
     * whether a stored value is the expected one); the default would throw.
     */
    @Override
    public int compare(Document a, Document b) {
        if (a == b || a.equals(b)) {
            return 0;
        }
        return Integer.compare(System.identityHashCode(a), System.identityHashCode(b)) < 0 ? -1 : 1;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /**
     * The page cache's estimate of a document in memory, asked on every put: three times its
     * BSON (the JVM holds an entry, a key and a boxed value per field, and the cached bytes).
     * The put is followed by a commit, which needs the bytes anyway.
     */
    @Override
    public int getMemory(Document doc) {
        return 64 + 3 * encoded(doc).length;
    }
}
