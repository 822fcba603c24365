package dev.botfleet.server.ml;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registered models; every read is filtered by owner. */
@Repository
public class ModelRepository {
    private static final RowMapper<MlModel> ROW = (rs, n) -> new MlModel(rs.getObject("id", UUID.class),
            rs.getObject("owner_id", UUID.class), rs.getString("name"), rs.getInt("version"), rs.getString("symbol"),
            rs.getString("description"), rs.getString("feature_set"), rs.getInt("feature_set_version"),
            rs.getInt("feature_count"), rs.getString("objective"), rs.getInt("trees"), rs.getLong("file_size"),
            rs.getString("sha256"), Times.read(rs, "created_at"));

    private final JdbcClient jdbc;

    public ModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version the next upload under this name gets: one more than the highest so far (1 for a new name). */
    public int nextVersion(UUID ownerId, String name) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM ml_models WHERE owner_id = :owner AND name = :name")
                .param("owner", ownerId).param("name", name).query(Integer.class).single();
    }

    public void insert(MlModel m) {
        jdbc.sql("""
                        INSERT INTO ml_models (id, owner_id, name, version, symbol, description, feature_set,
                            feature_set_version, feature_count, objective, trees, file_size, sha256, created_at)
                        VALUES (:id, :owner, :name, :version, :symbol, :description, :featureSet, :featureSetVersion,
                            :featureCount, :objective, :trees, :size, :sha, :created)""")
                .param("id", m.id()).param("owner", m.ownerId()).param("name", m.name())
                .param("version", m.version()).param("symbol", m.symbol()).param("description", m.description())
                .param("featureSet", m.featureSet()).param("featureSetVersion", m.featureSetVersion())
                .param("featureCount", m.featureCount()).param("objective", m.objective())
                .param("trees", m.trees()).param("size", m.fileSize()).param("sha", m.sha256())
                .param("created", Times.sql(m.createdAt())).update();
    }

    public Optional<MlModel> find(UUID ownerId, UUID id) {
        return jdbc.sql("SELECT * FROM ml_models WHERE owner_id = :owner AND id = :id")
                .param("owner", ownerId).param("id", id).query(ROW).optional();
    }

    /** A model by id whoever owns it: for naming it in a bot's activity log (the bot was checked against its owner). */
    public Optional<MlModel> findById(UUID id) {
        return jdbc.sql("SELECT * FROM ml_models WHERE id = :id").param("id", id).query(ROW).optional();
    }

    /** Newest first. */
    public List<MlModel> page(UUID ownerId, int limit, long offset) {
        return jdbc.sql("SELECT * FROM ml_models WHERE owner_id = :owner ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .param("owner", ownerId).param("limit", limit).param("offset", offset).query(ROW).list();
    }

    public long count(UUID ownerId) {
        return jdbc.sql("SELECT COUNT(*) FROM ml_models WHERE owner_id = :owner").param("owner", ownerId)
                .query(Long.class).single();
    }

    public boolean delete(UUID ownerId, UUID id) {
        return jdbc.sql("DELETE FROM ml_models WHERE owner_id = :owner AND id = :id")
                .param("owner", ownerId).param("id", id).update() == 1;
    }
}
