using Backstride.Core.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Backstride.Data.Configurations;

internal sealed class SelfExperimentConfiguration : IEntityTypeConfiguration<SelfExperiment>
{
    public void Configure(EntityTypeBuilder<SelfExperiment> experiment)
    {
        experiment.ToTable("SelfExperiments");
        experiment.HasKey(e => e.Id);
        experiment.Property(e => e.Id).ValueGeneratedNever();
        experiment.Property(e => e.OptionA).HasConversion<string>().HasMaxLength(16);
        experiment.Property(e => e.OptionB).HasConversion<string>().HasMaxLength(16);
        // Eight pairs at most: "AB," eight times.
        experiment.Property(e => e.Order).HasMaxLength(64);
        experiment.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        experiment.HasIndex(e => new { e.UserId, e.StartedAt });
        // One running experiment per runner, so two never claim the same evening.
        experiment.HasIndex(e => e.UserId).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_SelfExperiments_OneRunning");
    }
}

internal sealed class DiaryVersionConfiguration : IEntityTypeConfiguration<Diary.DiaryVersion>
{
    public void Configure(EntityTypeBuilder<Diary.DiaryVersion> version)
    {
        version.ToTable("DiaryVersions");
        version.HasKey(v => v.UserId);
        version.Property(v => v.UserId).ValueGeneratedNever();
        version.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
