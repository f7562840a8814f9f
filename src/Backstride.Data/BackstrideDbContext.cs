using Backstride.Core;
using Backstride.Core.CheckIns;
using Backstride.Core.Imports;
using Backstride.Core.Insights;
using Backstride.Core.Medication;
using Backstride.Core.Plans;
using Backstride.Core.Profiles;
using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Core.Shop;
using Backstride.Core.Training;
using Backstride.Data.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Backstride.Data;

public sealed class BackstrideDbContext(DbContextOptions<BackstrideDbContext> options, IDiaryOwner diaryOwner)
    : IdentityDbContext<UserAccount, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Run> Runs => Set<Run>();

    public DbSet<Shoe> Shoes => Set<Shoe>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    public DbSet<RunnerSettings> RunnerSettings => Set<RunnerSettings>();

    public DbSet<BackProfile> BackProfiles => Set<BackProfile>();

    public DbSet<DoseLogEntry> DoseLog => Set<DoseLogEntry>();

    public DbSet<PlanSession> PlanSessions => Set<PlanSession>();

    public DbSet<PlanStepRecord> PlanStepRecords => Set<PlanStepRecord>();

    public DbSet<TrainingPlan> TrainingPlans => Set<TrainingPlan>();

    public DbSet<ExerciseProgress> ExerciseProgress => Set<ExerciseProgress>();

    public DbSet<StrengthSession> StrengthSessions => Set<StrengthSession>();

    public DbSet<SetRecord> SetRecords => Set<SetRecord>();

    public DbSet<RunTrack> RunTracks => Set<RunTrack>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();

    public DbSet<SelfExperiment> SelfExperiments => Set<SelfExperiment>();

    public DbSet<Diary.DiaryVersion> DiaryVersions => Set<Diary.DiaryVersion>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // The shop's tables: not diary tables, so no per-runner filter.
    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductVariant> ProductVariants => Set<ProductVariant>();

    public DbSet<ProductImage> ProductImages => Set<ProductImage>();

    public DbSet<Cart> Carts => Set<Cart>();

    public DbSet<CartLine> CartLines => Set<CartLine>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public DbSet<OrderNote> OrderNotes => Set<OrderNote>();

    public DbSet<DiscountCode> DiscountCodes => Set<DiscountCode>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The runner this context reads and writes for, if any.</summary>
    public Guid? DiaryOwnerIdOrNull => diaryOwner.UserId;

    // Read by the query filters on every query; Guid.Empty (no owner) matches no row.
    private Guid DiaryOwnerId => diaryOwner.UserId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BackstrideDbContext).Assembly);

        builder.Entity<Run>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<Shoe>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<CheckIn>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<RunnerSettings>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<BackProfile>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<DoseLogEntry>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<PlanSession>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<PlanStepRecord>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<TrainingPlan>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<ExerciseProgress>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<StrengthSession>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<SetRecord>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<RunTrack>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<ImportBatch>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<ImportFile>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
        builder.Entity<SelfExperiment>().HasQueryFilter(row => row.UserId == DiaryOwnerId);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no date or interval type; UTC ticks as integers keep ordering and comparison in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<TimeSpan>().HaveConversion<TimeSpanToTicksConverter>();
            // SQLite keeps decimals as text, which SQL can neither compare nor sum; whole cents stay exact and comparable.
            configurationBuilder.Properties<decimal>().HaveConversion<CentsConverter>();
        }
        else if (Database.IsNpgsql())
        {
            // timestamptz takes only UTC offsets; normalise here so no caller can trip over a local offset.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
            // Money in the shop's one currency: exact, two decimals, rounded half away from zero as the cents converter does.
            configurationBuilder.Properties<decimal>().HavePrecision(12, 2);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var changedDiary = CheckDiaryOwnership();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (changedDiary is { } owner)
        {
            Database.ExecuteSql(RaiseDiaryVersionSql(owner));
        }
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changedDiary = CheckDiaryOwnership();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (changedDiary is { } owner)
        {
            await TouchDiaryAsync(owner, cancellationToken);
        }
        return saved;
    }

    /// <summary>
    /// Raises the runner's <see cref="Diary.DiaryVersion"/>: done after every save that changed their diary, and by the
    /// few bulk updates that bypass SaveChanges. After the change, never before, so a reader that sees the new number
    /// also sees the change; a crash in between only leaves an in-memory copy current until the next change.
    /// </summary>
    public Task TouchDiaryAsync(Guid userId, CancellationToken cancellationToken = default) =>
        Database.ExecuteSqlAsync(RaiseDiaryVersionSql(userId), cancellationToken);

    // Written once for both databases: SQLite (3.24+) and PostgreSQL share this upsert and the quoted names.
    private static FormattableString RaiseDiaryVersionSql(Guid userId) =>
        $"""INSERT INTO "DiaryVersions" ("UserId", "Version") VALUES ({userId}, 1) ON CONFLICT ("UserId") DO UPDATE SET "Version" = "DiaryVersions"."Version" + 1""";

    // The one place where diary writes are checked: new rows get the owner, changed rows must already be theirs.
    // Returns the runner whose diary this save changes, if it changes one.
    private Guid? CheckDiaryOwnership()
    {
        Guid? changed = null;
        foreach (var entry in ChangeTracker.Entries<IOwnedByRunner>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                changed = diaryOwner.UserId;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    if (diaryOwner.UserId is not { } owner)
                    {
                        throw new DiaryOwnershipException("A diary row can only be added for a signed-in runner.");
                    }
                    if (entry.Entity.UserId == Guid.Empty)
                    {
                        entry.Entity.UserId = owner;
                    }
                    else if (entry.Entity.UserId != owner)
                    {
                        throw new DiaryOwnershipException("A diary row can only be added to the runner's own diary.");
                    }
                    break;
                case EntityState.Modified or EntityState.Deleted:
                    var originalOwner = entry.Property(nameof(IOwnedByRunner.UserId)).OriginalValue as Guid?;
                    if (originalOwner != diaryOwner.UserId || entry.Entity.UserId != originalOwner)
                    {
                        throw new DiaryOwnershipException("A diary row can only be changed by its own runner.");
                    }
                    break;
            }
        }
        return changed;
    }

    private sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(),
        value => value);

    // Rounds as PostgreSQL's numeric(12,2) does, so a stray third decimal is stored the same on both databases.
    private sealed class CentsConverter() : ValueConverter<decimal, long>(
        value => (long)decimal.Round(value * 100m, MidpointRounding.AwayFromZero),
        cents => cents / 100m);

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
