package de.bwaldvogel.mongo.backend;

import java.util.stream.Stream;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Utils.calculateSize is package-private; this is the one way in, so that checkoutlab.embedded
 * can count a collection's size when collStats asks instead of on every write.
 */
public final class DocumentSizes {

    private DocumentSizes() {
    }

    /** The BSON size of every document, capped where collStats' int field ends. */
    public static int total(Stream<Document> documents) {
        long sum = documents.mapToLong(Utils::calculateSize).sum();
        return (int) Math.min(sum, Integer.MAX_VALUE);
    }
}
