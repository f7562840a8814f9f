using Backstride.Core.Runners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Backstride.Data.Configurations;

internal sealed class RunnerSettingsConfiguration : IEntityTypeConfiguration<RunnerSettings>
{
    public void Configure(EntityTypeBuilder<RunnerSettings> settings)
    {
        settings.ToTable("RunnerSettings");
        settings.HasKey(s => s.UserId);
        settings.Property(s => s.UserId).ValueGeneratedNever();
        settings.Property(s => s.Units).HasConversion<string>().HasMaxLength(16);
        settings.Property(s => s.TimeZoneId).HasMaxLength(64);
        settings.Ignore(s => s.TimeZone);
        settings.HasOne<Accounts.UserAccount>().WithOne().HasForeignKey<RunnerSettings>(s => s.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
