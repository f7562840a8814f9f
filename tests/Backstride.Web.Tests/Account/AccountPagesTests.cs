using System.Net;
using Backstride.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Web.Tests.Account;

public abstract class AccountPagesTests(BackstrideApp app)
{
    [Fact]
    public async Task Register_WithConsent_SignsInAndRecordsWhenConsentWasGiven()
    {
        var runner = app.NewRunner();
        var before = DateTimeOffset.UtcNow;

        await runner.RegisterAsync(timeZone: "America/Chicago");

        var home = await runner.GetPageAsync("/");
        Assert.Contains("Log a run", home.Body!.TextContent, StringComparison.Ordinal);
        var consentAt = await app.ReadAsAsync(null, db => db.Users.Where(u => u.Email == runner.Email)
            .Select(u => u.HealthDataConsentAt).SingleAsync());
        Assert.NotNull(consentAt);
        Assert.InRange(consentAt.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Register_WithoutConsent_RefusesKeepsTheEmailAndCreatesNoAccount()
    {
        var runner = app.NewRunner();
        var email = RunnerClient.UniqueEmail();

        var response = await runner.PostFormAsync("/account/register",
            ("Input.Email", email), ("Input.Password", RunnerClient.Password), ("Input.HealthDataConsent", "false"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("Tick the box to agree", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.Equal(0, await app.ReadAsAsync(null, db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Register_ShortPassword_RefusedBesideThePasswordField()
    {
        var runner = app.NewRunner();

        var response = await runner.PostFormAsync("/account/register",
            ("Input.Email", RunnerClient.UniqueEmail()), ("Input.Password", "short"), ("Input.HealthDataConsent", "true"));

        var page = await RunnerClient.ParseAsync(response);
        var message = page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent;
        Assert.Contains("at least 10 characters", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_EmailAlreadyUsed_RefusedWithAPointerToSignIn()
    {
        var first = await app.NewRunner().RegisterAsync();
        var second = app.NewRunner();

        var response = await second.PostFormAsync("/account/register",
            ("Input.Email", first.Email), ("Input.Password", RunnerClient.Password), ("Input.HealthDataConsent", "true"));

        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("already an account", page.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RightPassword_OpensTheDiary()
    {
        var registered = await app.NewRunner().RegisterAsync();
        var runner = app.NewRunner();

        var response = await runner.PostFormAsync("/account/sign-in",
            ("Input.Email", registered.Email), ("Input.Password", RunnerClient.Password), ("Input.KeepSignedIn", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await runner.Http.GetAsync("/history")).StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var registered = await app.NewRunner().RegisterAsync();
        var attacker = app.NewRunner();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await attacker.PostFormAsync("/account/sign-in",
                ("Input.Email", registered.Email), ("Input.Password", "not the password " + attempt));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await attacker.PostFormAsync("/account/sign-in",
            ("Input.Email", registered.Email), ("Input.Password", RunnerClient.Password));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var page = await RunnerClient.ParseAsync(right);
        Assert.Contains("Try again in 15 minutes", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.Http.GetAsync("/history")).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var runner = await app.NewRunner().RegisterAsync();

        var response = await runner.PostFormAsync("/account/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var history = await runner.Http.GetAsync("/history");
        Assert.Equal(HttpStatusCode.Redirect, history.StatusCode);
        Assert.StartsWith("/account/sign-in", history.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_NoSmtpConfigured_WritesTheMailToThePickupFolder()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var visitor = app.NewRunner();

        var response = await visitor.PostFormAsync("/account/forgot-password", ("Email", runner.Email));

        Assert.Contains("we have sent it a link", (await RunnerClient.ParseAsync(response)).Body!.TextContent,
            StringComparison.Ordinal);
        var mails = Directory.GetFiles(app.PickupDirectory, "*.eml")
            .Select(path => MimeKit.MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == runner.Email))
            .ToList();
        var mail = Assert.Single(mails);
        Assert.Contains("/account/reset-password?", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_SameAnswerAndNoMail()
    {
        var visitor = app.NewRunner();
        var unknown = RunnerClient.UniqueEmail();

        var response = await visitor.PostFormAsync("/account/forgot-password", ("Email", unknown));

        Assert.Contains("we have sent it a link", (await RunnerClient.ParseAsync(response)).Body!.TextContent,
            StringComparison.Ordinal);
        var mailsToUnknown = Directory.Exists(app.PickupDirectory)
            ? Directory.GetFiles(app.PickupDirectory, "*.eml").Count(path => File.ReadAllText(path).Contains(unknown, StringComparison.Ordinal))
            : 0;
        Assert.Equal(0, mailsToUnknown);
    }

    [Fact]
    public async Task ResetPassword_ForgedCode_RefusedAndOldPasswordStillWorks()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var visitor = app.NewRunner();
        var url = $"/account/reset-password?email={Uri.EscapeDataString(runner.Email)}&code=Zm9yZ2Vk";

        var response = await visitor.PostFormAsync(url,
            ("Email", runner.Email), ("Code", "Zm9yZ2Vk"), ("Password", "a brand new password"));

        Assert.Contains("expired or was already used", (await RunnerClient.ParseAsync(response)).Body!.TextContent,
            StringComparison.Ordinal);
        var signIn = await visitor.PostFormAsync("/account/sign-in",
            ("Input.Email", runner.Email), ("Input.Password", RunnerClient.Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }
}

public sealed class AccountPagesTestsOnSqlite(BackstrideApp app) : AccountPagesTests(app), IClassFixture<BackstrideApp>;

public sealed class AccountPagesTestsOnPostgres(PostgresBackstrideApp app) : AccountPagesTests(app), IClassFixture<PostgresBackstrideApp>;
