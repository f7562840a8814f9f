using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Backstride.Data.Sqlite;

/// <summary>Lets `dotnet ef` build the context for SQLite without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<BackstrideDbContext>
{
    public BackstrideDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BackstrideDbContext>();
        builder.UseBackstrideDatabase(new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = DatabaseOptions.SqliteConnectionStringFor("design-time.db"),
        });
        return new BackstrideDbContext(builder.Options, FixedDiaryOwner.Nobody);
    }
}
