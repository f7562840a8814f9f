using Backstride.Core.CheckIns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Backstride.Data.Configurations;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> checkIn)
    {
        checkIn.ToTable("CheckIns");
        checkIn.HasKey(c => c.Id);
        checkIn.Property(c => c.Id).ValueGeneratedNever();
        checkIn.Property(c => c.Stiffness).HasConversion<string>().HasMaxLength(16);
        checkIn.Property(c => c.LegSpread).HasConversion<string>().HasMaxLength(16);
        checkIn.Property(c => c.LegsAffected).HasConversion<string>().HasMaxLength(16);
        checkIn.Property(c => c.Onset).HasConversion<string>().HasMaxLength(16);
        checkIn.Property(c => c.Notes).HasMaxLength(CheckInRules.MaxNotesLength);
        checkIn.HasOne<Accounts.UserAccount>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a run never deletes what the runner said about their back: the check-in stays, standalone.
        checkIn.HasOne(c => c.Run).WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.SetNull);
        checkIn.HasIndex(c => new { c.UserId, c.RecordedAt });
        checkIn.HasIndex(c => c.RunId);
    }
}
