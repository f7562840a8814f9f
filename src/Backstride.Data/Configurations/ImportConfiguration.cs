using Backstride.Core.Imports;
using Backstride.Core.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Backstride.Data.Configurations;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> batch)
    {
        batch.ToTable("ImportBatches");
        batch.HasKey(b => b.Id);
        batch.Property(b => b.Id).ValueGeneratedNever();
        batch.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        batch.Property(b => b.FailureReason).HasMaxLength(ImportFile.MaxReasonLength);
        batch.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        batch.HasMany(b => b.Files).WithOne().HasForeignKey(f => f.BatchId).OnDelete(DeleteBehavior.Cascade);
        // The imports page lists a runner's batches newest first.
        batch.HasIndex(b => new { b.UserId, b.CreatedAt });
    }
}

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> file)
    {
        file.ToTable("ImportFiles");
        file.HasKey(f => f.Id);
        file.Property(f => f.Id).ValueGeneratedNever();
        file.Property(f => f.FileName).HasMaxLength(ImportFile.MaxFileNameLength);
        file.Property(f => f.Outcome).HasConversion<string>().HasMaxLength(16);
        file.Property(f => f.Reason).HasMaxLength(ImportFile.MaxReasonLength);
        file.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a run later keeps the record of what the upload did; only the link goes.
        file.HasOne<Run>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.SetNull);
        file.HasOne<Run>().WithMany().HasForeignKey(f => f.DuplicateOfRunId).OnDelete(DeleteBehavior.SetNull);
        // Not unique: unpacking an archive replaces a batch's rows in one save, old and new positions side by side.
        file.HasIndex(f => new { f.BatchId, f.Position });
    }
}

internal sealed class RunTrackConfiguration : IEntityTypeConfiguration<RunTrack>
{
    public void Configure(EntityTypeBuilder<RunTrack> track)
    {
        track.ToTable("RunTracks");
        track.HasKey(t => t.RunId);
        track.Property(t => t.RunId).ValueGeneratedNever();
        track.Property(t => t.Format).HasMaxLength(32);
        track.HasOne<Run>().WithOne().HasForeignKey<RunTrack>(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
        track.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
