using Linkage.Domain.Notes;

namespace Linkage.Infrastructure.Persistence.Configurations;

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    /// <summary>At most one revision supersedes a note: a revision chain never forks, whatever the timing.</summary>
    public const string RevisionChainIndex = "ux_notes_supersedes_activity_id";

    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.ToTable("notes");
        builder.ConfigureAggregate();
        builder.Property(n => n.Position).UseIdentityAlwaysColumn();
        builder.Property(n => n.SubjectType).HasMaxLength(30);
        builder.Property(n => n.Message).HasMaxLength(Note.MaxMessageLength);
        builder.Property(n => n.FileId).HasMaxLength(100);
        builder.Property(n => n.ContentFormat).HasMaxLength(20);
        builder.Property(n => n.CreatedBy).HasMaxLength(200);
        builder.Ignore(n => n.Content);
        builder.Ignore(n => n.IsArchived);
        builder.Ignore(n => n.IsSuperseded);

        // A subject's notes, newest first, by keyset on position; the state filters are residual.
        builder.HasIndex(n => new { n.TenantId, n.SubjectType, n.SubjectId, n.Position })
            .IsDescending(false, false, false, true);

        builder.HasIndex(n => new { n.TenantId, n.SupersedesActivityId })
            .IsUnique()
            .HasFilter("supersedes_activity_id IS NOT NULL")
            .HasDatabaseName(RevisionChainIndex);
    }
}
