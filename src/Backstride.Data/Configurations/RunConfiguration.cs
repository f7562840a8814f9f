using Backstride.Core.Imports;
using Backstride.Core.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Backstride.Data.Configurations;

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> run)
    {
        run.ToTable("Runs");
        run.HasKey(r => r.Id);
        run.Property(r => r.Id).ValueGeneratedNever();
        run.Property(r => r.Surface).HasConversion<string>().HasMaxLength(16);
        run.Property(r => r.Notes).HasMaxLength(RunRules.MaxNotesLength);
        run.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        run.Property(r => r.SourceFileName).HasMaxLength(ImportFile.MaxFileNameLength);
        // What a watch measured lives in the run's own row (null for runs typed in); the samples live in RunTracks.
        run.OwnsOne(r => r.Measurements, measured =>
        {
            measured.Property(m => m.ElapsedTime).HasColumnName("Measured_ElapsedTime");
            measured.Property(m => m.MovingTime).HasColumnName("Measured_MovingTime");
            measured.Property(m => m.ElevationGainMetres).HasColumnName("Measured_ElevationGainMetres");
            measured.Property(m => m.AvgHeartRate).HasColumnName("Measured_AvgHeartRate");
            measured.Property(m => m.AvgCadenceStepsPerMinute).HasColumnName("Measured_AvgCadenceStepsPerMinute");
            measured.Property(m => m.AvgVerticalOscillationMm).HasColumnName("Measured_AvgVerticalOscillationMm");
            measured.Property(m => m.AvgGroundContactTimeMs).HasColumnName("Measured_AvgGroundContactTimeMs");
            measured.Property(m => m.AvgVerticalRatioPercent).HasColumnName("Measured_AvgVerticalRatioPercent");
            measured.Property(m => m.AvgStepLengthMm).HasColumnName("Measured_AvgStepLengthMm");
            measured.Property(m => m.AvgPowerWatts).HasColumnName("Measured_AvgPowerWatts");
        });
        run.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        run.HasOne(r => r.Shoe).WithMany().HasForeignKey(r => r.ShoeId).OnDelete(DeleteBehavior.SetNull);
        // The history and "your last run" both read a runner's runs newest first.
        run.HasIndex(r => new { r.UserId, r.StartedAt });
    }
}

internal sealed class ShoeConfiguration : IEntityTypeConfiguration<Shoe>
{
    public void Configure(EntityTypeBuilder<Shoe> shoe)
    {
        shoe.ToTable("Shoes");
        shoe.HasKey(s => s.Id);
        shoe.Property(s => s.Id).ValueGeneratedNever();
        shoe.Property(s => s.Name).HasMaxLength(RunRules.MaxShoeNameLength);
        shoe.Property(s => s.NormalizedName).HasMaxLength(RunRules.MaxShoeNameLength);
        shoe.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        shoe.HasIndex(s => new { s.UserId, s.NormalizedName }).IsUnique();
    }
}
