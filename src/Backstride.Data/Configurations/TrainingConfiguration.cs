using Backstride.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Backstride.Data.Configurations;

internal sealed class TrainingPlanConfiguration : IEntityTypeConfiguration<TrainingPlan>
{
    public void Configure(EntityTypeBuilder<TrainingPlan> plan)
    {
        plan.ToTable("TrainingPlans");
        plan.HasKey(p => p.UserId);
        plan.Property(p => p.UserId).ValueGeneratedNever();
        plan.Property(p => p.PreferredDays).HasMaxLength(32);
        plan.Property(p => p.HardRunDays).HasMaxLength(32);
        plan.Property(p => p.LongRunDay).HasConversion<string>().HasMaxLength(16);
        plan.Property(p => p.CalendarToken).HasMaxLength(64);
        plan.HasIndex(p => p.CalendarToken).IsUnique();
        plan.Ignore(p => p.Week);
        plan.HasOne<Accounts.UserAccount>().WithOne().HasForeignKey<TrainingPlan>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExerciseProgressConfiguration : IEntityTypeConfiguration<ExerciseProgress>
{
    public void Configure(EntityTypeBuilder<ExerciseProgress> progress)
    {
        progress.ToTable("ExerciseProgress");
        progress.HasKey(p => p.Id);
        progress.Property(p => p.Id).ValueGeneratedNever();
        progress.Property(p => p.ExerciseId).HasMaxLength(32);
        progress.Property(p => p.Variant).HasConversion<string>().HasMaxLength(16);
        progress.Property(p => p.LastChange).HasMaxLength(300);
        progress.Ignore(p => p.Prescription);
        progress.HasIndex(p => new { p.UserId, p.ExerciseId }).IsUnique();
        progress.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StrengthSessionConfiguration : IEntityTypeConfiguration<StrengthSession>
{
    public void Configure(EntityTypeBuilder<StrengthSession> session)
    {
        session.ToTable("StrengthSessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).ValueGeneratedNever();
        session.HasIndex(s => new { s.UserId, s.StartedAt });
        session.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.HasMany(s => s.Sets).WithOne().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SetRecordConfiguration : IEntityTypeConfiguration<SetRecord>
{
    public void Configure(EntityTypeBuilder<SetRecord> set)
    {
        set.ToTable("SetRecords");
        set.HasKey(s => s.Id);
        set.Property(s => s.Id).ValueGeneratedNever();
        set.Property(s => s.ExerciseId).HasMaxLength(32);
        set.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.NoAction);
    }
}
