package org.chorus.images;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.organizations.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code images} table: re-encoded images and what is known about them. */
@Repository
class Images {

    private static final String COLUMNS =
            "id, organization_id, format, width, height, octet_length(content) as size, description, uploaded_at";

    private final JdbcClient jdbc;

    Images(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UploadedImage image, byte[] content, UUID by) {
        jdbc.sql("""
                        insert into images (id, organization_id, format, width, height, content, description,
                                            uploaded_by, uploaded_at)
                        values (:id, :org, :format, :width, :height, :content, :description, :by, :at)""")
                .param("id", image.id().value())
                .param("org", image.organization().value())
                .param("format", image.format().extension())
                .param("width", image.width())
                .param("height", image.height())
                .param("content", content)
                .param("description", image.description())
                .param("by", by)
                .param("at", Timestamp.from(image.uploadedAt()))
                .update();
    }

    Optional<UploadedImage> byId(ImageId id) {
        return jdbc.sql("select " + COLUMNS + " from images where id = :id")
                .param("id", id.value())
                .query(Images::map)
                .optional();
    }

    /** The newest uploads of an organization, at most {@code limit}. */
    List<UploadedImage> of(OrganizationId organization, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from images where organization_id = :org order by uploaded_at desc, id limit :limit")
                .param("org", organization.value())
                .param("limit", limit)
                .query(Images::map)
                .list();
    }

    Optional<ImageContent> content(ImageId id, ImageFormat format) {
        return jdbc.sql("select content from images where id = :id and format = :format")
                .param("id", id.value())
                .param("format", format.extension())
                .query((rs, i) -> new ImageContent(format, rs.getBytes(1)))
                .optional();
    }

    int deleteOf(OrganizationId organization) {
        return jdbc.sql("delete from images where organization_id = :org")
                .param("org", organization.value())
                .update();
    }

    private static UploadedImage map(ResultSet rs, int row) throws SQLException {
        return new UploadedImage(
                new ImageId(rs.getObject("id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                ImageFormat.byExtension(rs.getString("format")).orElseThrow(),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getInt("size"),
                rs.getString("description"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
