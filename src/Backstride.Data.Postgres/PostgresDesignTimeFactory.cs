using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Backstride.Data.Postgres;

/// <summary>Lets `dotnet ef` build the context for PostgreSQL; adding a migration needs no running server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<BackstrideDbContext>
{
    public BackstrideDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BackstrideDbContext>();
        builder.UseBackstrideDatabase(new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = Environment.GetEnvironmentVariable("BACKSTRIDE_DESIGN_POSTGRES")
                ?? "Host=localhost;Database=backstride_design;Username=postgres",
        });
        return new BackstrideDbContext(builder.Options, FixedDiaryOwner.Nobody);
    }
}
