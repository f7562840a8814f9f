using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Backstride.Core.Imports;
using Backstride.Data.Accounts;
using Backstride.Web.Features.Admin;
using Backstride.Web.Features.Imports;
using Backstride.Web.Tests.Infrastructure;
using Backstride.Web.Tests.Shop;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Backstride.Web.Tests.Account;

public abstract class DeleteAccountTests(BackstrideApp app)
{
    /// <summary>Every table's rows linked to the account (tests/Shared/AccountRows.cs).</summary>
    private Task<Dictionary<string, int>> RowsOfAsync(Guid userId) =>
        app.ReadAsAsync(null, db => Backstride.Tests.Shared.AccountRows.CountAsync(db, userId));

    [Fact]
    public async Task Delete_WithPasswordAndConfirmation_LeavesNoRowLinkedToTheRunner()
    {
        var runner = await RunnerWithDiaryAsync();
        var number = await OrderAsync(runner.Client);
        await ShopAgainAsync(runner.Client);
        await QueuedImportAsync(runner.UserId);
        var before = await RowsOfAsync(runner.UserId);

        var response = await DeleteAsync(runner.Client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.True(before["Runs.UserId"] > 0 && before["CheckIns.UserId"] > 0 && before["Carts.UserId"] > 0
            && before["Orders.UserId"] > 0 && before["ImportBatches.UserId"] > 0, "The runner had rows to delete.");
        Assert.All(await RowsOfAsync(runner.UserId), table => Assert.Equal(0, table.Value));
        Assert.Equal(0, await app.ReadAsAsync(null, db => db.Users.CountAsync(u => u.Email == runner.Client.Email)));
        Assert.Equal(1, await app.ReadAsAsync(null, db => db.Orders.CountAsync(o => o.Number == number)));
        var home = await runner.Client.GetPageAsync("/");
        Assert.Equal("Your account and diary were deleted.", home.QuerySelector(".notice")?.TextContent);
    }

    [Fact]
    public async Task Delete_AnotherRunnersDiaryAndUploads_AreUntouched()
    {
        var leaving = await RunnerWithDiaryAsync();
        var staying = await RunnerWithDiaryAsync();
        await OrderAsync(staying.Client);
        var stayingUpload = await QueuedImportAsync(staying.UserId);
        var before = await RowsOfAsync(staying.UserId);

        await DeleteAsync(leaving.Client);

        Assert.Equal(before, await RowsOfAsync(staying.UserId));
        Assert.True(Directory.Exists(stayingUpload), "The other runner's upload is still there.");
        var history = await staying.Client.GetPageAsync("/history");
        Assert.Contains("Felt my back at 8 km", history.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RunnersOrder_KeepsNumberTotalAndLinesWithoutTheirEmailNameOrAddress()
    {
        var runner = await RunnerWithDiaryAsync();
        var number = await OrderAsync(runner.Client);
        var placed = await app.ReadAsAsync(null, db => db.Orders.Include(o => o.Lines).AsNoTracking().SingleAsync(o => o.Number == number));

        await DeleteAsync(runner.Client);

        var kept = await app.ReadAsAsync(null, db => db.Orders.Include(o => o.Lines).AsNoTracking().SingleAsync(o => o.Number == number));
        Assert.Equal(placed.Total, kept.Total);
        Assert.Equal(placed.CreatedAt, kept.CreatedAt);
        Assert.Equal(placed.Status, kept.Status);
        Assert.Equal(placed.Lines.Select(l => (l.Sku, l.Quantity, l.LineTotal)), kept.Lines.Select(l => (l.Sku, l.Quantity, l.LineTotal)));
        Assert.Null(kept.UserId);
        Assert.EndsWith("@deleted.invalid", kept.Email, StringComparison.Ordinal);
        Assert.Equal("Deleted", kept.ShippingAddress.Name);
        var everything = JsonSerializer.Serialize(kept);
        foreach (var personal in new[] { runner.Client.Email, "Ada Runner", "1 Long Road", "Springfield", "62701" })
        {
            Assert.DoesNotContain(personal, everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Delete_RunnerWithAnUploadWaiting_RemovesItsFolder()
    {
        var runner = await RunnerWithDiaryAsync();
        var upload = await QueuedImportAsync(runner.UserId);

        await DeleteAsync(runner.Client);

        Assert.False(Directory.Exists(upload), "The runner's uploaded watch files are gone.");
    }

    [Fact]
    public async Task Delete_WrongPassword_ErrorBesideThePasswordAndNothingDeleted()
    {
        var runner = await RunnerWithDiaryAsync();
        var before = await RowsOfAsync(runner.UserId);

        var response = await DeleteAsync(runner.Client, password: "not my password at all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.Equal("That is not your password. Nothing was deleted.",
            page.QuerySelector("[data-valmsg-for='Input.Password']")?.TextContent);
        Assert.Equal(before, await RowsOfAsync(runner.UserId));
    }

    [Fact]
    public async Task Delete_BoxNotTicked_ErrorBesideTheBoxAndNothingDeleted()
    {
        var runner = await RunnerWithDiaryAsync();
        var before = await RowsOfAsync(runner.UserId);

        var response = await DeleteAsync(runner.Client, understood: false);

        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("cannot be undone", page.QuerySelector("[data-valmsg-for='Input.Understood']")?.TextContent ?? "",
            StringComparison.Ordinal);
        Assert.Equal(before, await RowsOfAsync(runner.UserId));
    }

    [Fact]
    public async Task Delete_Afterwards_TheRunnerCannotSignIn()
    {
        var runner = await RunnerWithDiaryAsync();
        await DeleteAsync(runner.Client);
        var visitor = app.NewRunner();

        var signIn = await visitor.PostFormAsync("/account/sign-in",
            ("Input.Email", runner.Client.Email), ("Input.Password", RunnerClient.Password));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var page = await RunnerClient.ParseAsync(signIn);
        Assert.Contains("don't match an account", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_AdminAccount_IsDeletedWithItsRole()
    {
        var runner = await RunnerWithDiaryAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(GrantOutcome.Granted, await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().GrantAsync(runner.Client.Email));
        }

        var page = await runner.Client.GetPageAsync("/account/delete");
        var response = await DeleteAsync(runner.Client);

        Assert.Contains("You are a shop admin", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await app.ReadAsAsync(null, db => db.UserRoles.CountAsync(r => r.UserId == runner.UserId)));
        Assert.Equal(0, await app.ReadAsAsync(null, db => db.Users.CountAsync(u => u.Id == runner.UserId)));
    }

    [Fact]
    public async Task DeletePage_RunnerWithAnOrderNotSent_SaysWhatGoesWhatStaysAndThatTheOrderCannotBeSent()
    {
        var runner = await RunnerWithDiaryAsync();
        var number = await OrderAsync(runner.Client);

        var page = await runner.Client.GetPageAsync("/account/delete");

        var text = page.Body!.TextContent;
        Assert.Contains("Your runs, with the watch data and the files you imported", text, StringComparison.Ordinal);
        Assert.Contains("Your shop order stays", text, StringComparison.Ordinal);
        Assert.Contains(number, page.QuerySelector("[role=note]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/exports']"));
        Assert.NotNull(page.QuerySelector("form input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task DeletePage_SignedOut_SendsToSignIn()
    {
        var visitor = app.NewRunner();

        var response = await visitor.Http.GetAsync("/account/delete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/account/sign-in", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsPage_LinksToDeletingTheAccount()
    {
        var runner = await RunnerWithDiaryAsync();

        var settings = await runner.Client.GetPageAsync("/settings");

        Assert.Equal("Delete my account", settings.QuerySelector("a[href='/account/delete']")?.TextContent);
    }

    private sealed record DiaryRunner(RunnerClient Client, Guid UserId);

    private async Task<DiaryRunner> RunnerWithDiaryAsync()
    {
        var client = await app.NewRunner().RegisterAsync();
        var runId = await client.LogRunAsync(notes: "Felt my back at 8 km", shoes: "Pegasus 40");
        var checkIn = await client.CheckInAsync(runId, pain: 4, notes: "Stiff after the hills");
        Assert.Equal(HttpStatusCode.Redirect, checkIn.StatusCode);
        return new DiaryRunner(client, await app.UserIdAsync(client.Email));
    }

    private static Task<HttpResponseMessage> DeleteAsync(RunnerClient runner, string password = RunnerClient.Password,
        bool understood = true) =>
        runner.PostFormAsync("/account/delete",
            ("Input.Password", password), ("Input.Understood", understood ? "true" : "false"));

    /// <summary>Checks out signed in, so the order belongs to the account; returns its number.</summary>
    private async Task<string> OrderAsync(RunnerClient runner)
    {
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20));
        await runner.AddToCartAsync(product, 0, 2);
        return await runner.CheckOutAsync(runner.Email);
    }

    /// <summary>Leaves something in the account's cart.</summary>
    private async Task ShopAgainAsync(RunnerClient runner)
    {
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20));
        await runner.AddToCartAsync(product, 0, 1);
    }

    /// <summary>An upload waiting to be imported (its batch row and its folder with a file), as the upload page leaves it.</summary>
    private async Task<string> QueuedImportAsync(Guid userId)
    {
        var batch = new ImportBatch
        {
            CreatedAt = DateTimeOffset.UtcNow, TotalFiles = 1, Status = ImportStatus.Queued,
            Files = { new ImportFile { Position = 0, FileName = "morning-run.fit" } },
        };
        await app.ReadAsAsync(userId, async db =>
        {
            db.ImportBatches.Add(batch);
            return await db.SaveChangesAsync();
        });
        var folders = app.Services.GetRequiredService<ImportFolders>();
        folders.Create(batch.Id, userId);
        await File.WriteAllBytesAsync(folders.UploadPath(batch.Id, 0), [0x0E, 0x10, 0x43, 0x08]);
        return folders.BatchDirectory(batch.Id);
    }
}

public sealed class DeleteAccountTestsOnSqlite(BackstrideApp app) : DeleteAccountTests(app), IClassFixture<BackstrideApp>;

public sealed class DeleteAccountTestsOnPostgres(PostgresBackstrideApp app) : DeleteAccountTests(app), IClassFixture<PostgresBackstrideApp>;

public sealed class DeleteAccountEmailTests(BackstrideAppWithSmtp app) : IClassFixture<BackstrideAppWithSmtp>
{
    [Fact]
    public async Task Delete_ConfirmationEmail_ArrivesOverSmtpWithTheKeptOrderNumbers()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20));
        await runner.AddToCartAsync(product, 0, 1);
        var number = await runner.CheckOutAsync(runner.Email);

        var response = await runner.PostFormAsync("/account/delete",
            ("Input.Password", RunnerClient.Password), ("Input.Understood", "true"));
        var mail = await app.Smtp.WaitForMessageToAsync(runner.Email, subjectContains: "deleted");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Your Backstride account was deleted", mail.Subject);
        var body = mail.TextBody ?? "";
        Assert.Contains("We cannot bring any of it back.", body, StringComparison.Ordinal);
        Assert.Contains("  " + number, body, StringComparison.Ordinal);
    }
}

/// <summary>The app with an SMTP server configured that nobody answers on.</summary>
public sealed class BackstrideAppWithDeadSmtp : BackstrideApp
{
    private readonly int _port = UnusedPort();

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Email:Smtp:Host", "127.0.0.1"),
        new("Email:Smtp:Port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:Smtp:Security", "None"),
    ];

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class DeleteAccountWithoutEmailTests(BackstrideAppWithDeadSmtp app) : IClassFixture<BackstrideAppWithDeadSmtp>
{
    private Task<Dictionary<string, int>> RowsOfAsync(Guid userId) =>
        app.ReadAsAsync(null, db => Backstride.Tests.Shared.AccountRows.CountAsync(db, userId));

    [Fact]
    public async Task Delete_ConfirmationEmailCannotBeSent_AccountIsDeletedAllTheSame()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var userId = await app.UserIdAsync(runner.Email);

        var response = await runner.PostFormAsync("/account/delete",
            ("Input.Password", RunnerClient.Password), ("Input.Understood", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.All(await RowsOfAsync(userId), table => Assert.Equal(0, table.Value));
    }
}
