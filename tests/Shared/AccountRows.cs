using Backstride.Data;
using Backstride.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Backstride.Tests.Shared;

/// <summary>
/// Rows that belong to one account, table by table: found from the model (every column named UserId or holding a foreign
/// key to the account, and the account row itself), so a table added later is counted without being named here.
/// </summary>
public static class AccountRows
{
    public static async Task<Dictionary<string, int>> CountAsync(BackstrideDbContext db, Guid userId)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (table, column) in Columns(db.Model))
        {
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\" WHERE \"" + column + "\" = {0}";
            counts[table + "." + column] = await db.Database.SqlQueryRaw<int>(sql, userId).SingleAsync();
        }
        return counts;
    }

    private static List<(string Table, string Column)> Columns(IModel model)
    {
        var columns = new List<(string Table, string Column)>();
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            if (entity.GetTableName() is not { } table)
            {
                continue;
            }
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var linked = entity.GetProperties().Where(p => p.Name == "UserId")
                .Concat(entity.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(UserAccount)).SelectMany(fk => fk.Properties))
                .Distinct();
            columns.AddRange(linked.Select(property => (table, property.GetColumnName(store)!)));
        }
        var account = model.FindEntityType(typeof(UserAccount))!;
        var accountTable = account.GetTableName()!;
        columns.Add((accountTable, account.FindProperty(nameof(UserAccount.Id))!.GetColumnName(StoreObjectIdentifier.Table(accountTable, account.GetSchema()))!));
        return columns;
    }
}
