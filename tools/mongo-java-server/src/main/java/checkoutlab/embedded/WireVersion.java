package checkoutlab.embedded;

import java.util.List;

import de.bwaldvogel.mongo.MongoVersion;

/**
 * MongoDB 5.0 as a current driver expects to see it. mongo-java-server 1.47.0's own
 * {@code ServerVersion.MONGO_5_0} reports wire version 8 (MongoDB 4.2's number), and the driver
 * inside mongoose 9 refuses to connect: "reports maximum wire version 8, but this version of the
 * Node.js Driver requires at least 9 (MongoDB 4.4)". 5.0's real wire version is 13.
 */
enum WireVersion implements MongoVersion {
    MONGO_5_0;

    @Override
    public List<Integer> getVersionArray() {
        return List.of(5, 0, 0);
    }

    @Override
    public int getWireVersion() {
        return 13;
    }
}
