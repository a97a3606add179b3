package checkoutlab.embedded;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * The {@code explain} command (queryPlanner verbosity), which mongo-java-server does not have:
 * it answers in MongoDB's shape ({@code queryPlanner.winningPlan} with an IXSCAN naming the
 * index, or a COLLSCAN), so one test can check the hot queries use an index on MongoDB and
 * here alike.
 */
final class Explain {

    /** What a collection of ours can say about a filter. */
    interface Planned {
        Index<?> indexFor(Document filter);
    }

    private Explain() {
    }

    @SuppressWarnings("unchecked")
    static Document handle(MongoDatabase database, Document command) {
        Document explained = (Document) command.get("explain");
        String verb = explained.keySet().iterator().next();
        String collectionName = String.valueOf(explained.get(verb));
        Document filter = switch (verb.toLowerCase()) {
            case "find" -> (Document) explained.get("filter");
            case "count", "distinct", "findandmodify" -> (Document) explained.get("query");
            case "update" -> (Document) ((List<Document>) explained.get("updates")).get(0).get("q");
            case "delete" -> (Document) ((List<Document>) explained.get("deletes")).get(0).get("q");
            default -> throw new MongoServerError(2, "BadValue", "explain of " + verb + " is not supported");
        };
        if (filter == null) {
            filter = new Document();
        }
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        Index<?> index = collection instanceof Planned planned ? planned.indexFor(filter) : null;

        Document plan;
        if (index == null) {
            plan = new Document("stage", "COLLSCAN");
        } else {
            Document keyPattern = new Document();
            for (IndexKey key : index.getKeys()) {
                keyPattern.put(key.getKey(), key.isAscending() ? 1 : -1);
            }
            plan = new Document("stage", "FETCH").append("inputStage",
                new Document("stage", "IXSCAN")
                    .append("indexName", index.getName())
                    .append("keyPattern", keyPattern));
        }
        Document queryPlanner = new Document("namespace", database.getDatabaseName() + "." + collectionName)
            .append("parsedQuery", filter)
            .append("winningPlan", plan);
        return new Document("queryPlanner", queryPlanner).append("ok", 1.0);
    }
}
