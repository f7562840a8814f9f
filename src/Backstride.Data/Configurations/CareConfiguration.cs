using Backstride.Core.Medication;
using Backstride.Core.Plans;
using Backstride.Core.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Backstride.Data.Configurations;

internal sealed class BackProfileConfiguration : IEntityTypeConfiguration<BackProfile>
{
    public void Configure(EntityTypeBuilder<BackProfile> profile)
    {
        profile.ToTable("BackProfiles");
        profile.HasKey(p => p.Id);
        profile.Property(p => p.Id).ValueGeneratedNever();
        profile.Property(p => p.Ddd).HasConversion<string>().HasMaxLength(16);
        profile.Property(p => p.Timing).HasConversion<string>().HasMaxLength(32);
        profile.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        // Versions are kept, never overwritten; the newest is the current profile.
        profile.HasIndex(p => new { p.UserId, p.Version }).IsUnique();
    }
}

internal sealed class DoseLogConfiguration : IEntityTypeConfiguration<DoseLogEntry>
{
    public void Configure(EntityTypeBuilder<DoseLogEntry> dose)
    {
        dose.ToTable("DoseLog");
        dose.HasKey(d => d.Id);
        dose.Property(d => d.Id).ValueGeneratedNever();
        dose.Property(d => d.ProductId).HasMaxLength(32);
        dose.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        dose.HasIndex(d => new { d.UserId, d.TakenAt });
    }
}

internal sealed class PlanSessionConfiguration : IEntityTypeConfiguration<PlanSession>
{
    public void Configure(EntityTypeBuilder<PlanSession> session)
    {
        session.ToTable("PlanSessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).ValueGeneratedNever();
        session.Property(s => s.TriageLevel).HasConversion<string>().HasMaxLength(16);
        session.Property(s => s.SafetyAnswers).HasMaxLength(512);
        session.Ignore(s => s.YesAnswers);
        session.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.HasOne<Core.CheckIns.CheckIn>().WithMany().HasForeignKey(s => s.CheckInId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => s.CheckInId).IsUnique();
        session.HasIndex(s => new { s.UserId, s.CreatedAt });
        // A self-experiment's slot is given to one evening only, even with two tabs open. No foreign key: SQLite would
        // rebuild the table to add one, and experiments only go with their runner's whole diary.
        session.HasIndex(s => new { s.ExperimentId, s.ExperimentSlot }).IsUnique();
        session.HasMany(s => s.Steps).WithOne().HasForeignKey(r => r.PlanSessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanStepRecordConfiguration : IEntityTypeConfiguration<PlanStepRecord>
{
    public void Configure(EntityTypeBuilder<PlanStepRecord> step)
    {
        step.ToTable("PlanStepRecords");
        step.HasKey(s => s.Id);
        step.Property(s => s.Id).ValueGeneratedNever();
        step.Property(s => s.StepId).HasMaxLength(32);
        step.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        step.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.NoAction);
        step.HasIndex(s => new { s.PlanSessionId, s.StepId }).IsUnique();
    }
}
